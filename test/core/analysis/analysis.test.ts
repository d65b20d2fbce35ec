import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VariantDeskCore } from '../../../src/core/variantdesk-core';
import { tempDir } from '../../helpers/genomes';

const EXAMPLES = resolve(import.meta.dirname, '../../../resources/examples');
let core: VariantDeskCore;

async function importAndAnalyze(path: string, name: string) {
  const { jobId } = await core.call('importFiles', { files: [{ path }], name });
  const imported = await core.jobs.wait(jobId);
  if (imported.kind !== 'import' || !imported.result?.dataset)
    throw new Error(`import failed: ${imported.error}`);
  const datasetId = imported.result.dataset.id;
  const started = await core.call('analyzeDataset', { datasetId });
  const job = await core.jobs.wait(started.jobId!);
  if (job.kind !== 'analysis' || !job.result) throw new Error(`analysis failed: ${job.error}`);
  return { datasetId, analysis: job.result.analysis };
}

beforeAll(() => {
  core = new VariantDeskCore(join(tempDir(), 'data'));
});
afterAll(async () => {
  await core.close();
});

describe('analysis of the example inputs', () => {
  it('detects SARS-CoV-2, aligns every example genome and finds Alpha and the 69-70 deletion', async () => {
    const { datasetId, analysis } = await importAndAnalyze(
      join(EXAMPLES, 'sars-cov-2/sequences.fasta.gz'),
      'sc2',
    );
    expect(analysis.pathogen.id).toBe('sars-cov-2');
    expect(analysis).toMatchObject({ sequenceCount: 298, alignedCount: 298, failedCount: 0 });
    expect(analysis.qc.good + analysis.qc.mediocre + analysis.qc.bad).toBe(298);
    expect(analysis.scoreHistogram.reduce((n, b) => n + b.count, 0)).toBe(298);

    const n501y = await core.call('listMutations', {
      analysisId: analysis.id,
      filter: { labelContains: 'S:N501Y' },
    });
    expect(n501y.rows.map((r) => r.label)).toContain('A23063T');
    const a23063t = n501y.rows.find((r) => r.label === 'A23063T')!;
    expect(a23063t).toMatchObject({ gene: 'S', aaChanges: ['S:N501Y'] });
    expect(a23063t.frequency).toBeCloseTo(a23063t.count / 298, 6);

    const deletion = await core.call('listMutations', {
      analysisId: analysis.id,
      filter: { kind: 'deletion', minPosition: 21765, maxPosition: 21765 },
    });
    expect(deletion.rows[0]).toMatchObject({
      label: '21765-21770',
      aaChanges: ['S:H69-', 'S:V70-'],
    });

    // Click-through: the sequences that carry a mutation.
    const carriers = await core.call('listQc', {
      analysisId: analysis.id,
      filter: { mutation: 'A23063T' },
      limit: 1000,
    });
    expect(carriers.total).toBe(a23063t.count);
    const alpha = await core.call('getSequenceResult', {
      analysisId: analysis.id,
      seqId: carriers.rows[0]!.seqId,
    });
    expect(alpha.calls?.aaSubstitutions).toContainEqual({
      gene: 'S',
      codon: 501,
      refAa: 'N',
      queryAa: 'Y',
    });
    expect(alpha.nearest?.distance).toBeLessThan(10);

    // Reopening is instant: the same reference reuses the stored analysis.
    expect(await core.call('analyzeDataset', { datasetId, pathogenId: 'sars-cov-2' })).toEqual({
      jobId: null,
      analysisId: analysis.id,
    });

    const tsv = await core.call('exportAnalysis', {
      analysisId: analysis.id,
      table: 'calls',
      format: 'tsv',
    });
    const lines = tsv.content.trimEnd().split('\n');
    expect(lines).toHaveLength(299);
    expect(lines[0]!.split('\t').slice(0, 4)).toEqual([
      'id',
      'qc_verdict',
      'qc_score',
      'substitutions',
    ]);
    const fasta = await core.call('exportAnalysis', {
      analysisId: analysis.id,
      table: 'aligned',
      format: 'fasta',
    });
    const aligned = fasta.content.split('\n').filter((l) => l && !l.startsWith('>'));
    expect(aligned.every((seq) => seq.length === 29_903)).toBe(true);
    const ndjson = await core.call('exportAnalysis', {
      analysisId: analysis.id,
      table: 'qc',
      format: 'ndjson',
    });
    expect(JSON.parse(ndjson.content.split('\n')[0]!)).toHaveProperty('missingData');
  });

  it.each([
    ['rsv-a', 32, 'G'],
    ['flu-h3n2-ha', 48, 'HA1'],
  ])('detects %s and calls mutations in its genes', async (pathogen, count, gene) => {
    const { analysis } = await importAndAnalyze(
      join(EXAMPLES, pathogen, 'sequences.fasta'),
      pathogen,
    );
    expect(analysis.pathogen.id).toBe(pathogen);
    expect(analysis.alignedCount).toBe(count);
    const inGene = await core.call('listMutations', { analysisId: analysis.id, filter: { gene } });
    expect(inGene.total).toBeGreaterThan(0);
    expect(inGene.rows.some((r) => r.aaChanges.some((aa) => aa.startsWith(`${gene}:`)))).toBe(true);
  });

  it('cancels an analysis part-way and leaves nothing behind', async () => {
    // Eight copies of the example: long enough (~2,400 genomes) that the cancel lands mid-way.
    const text = gunzipSync(
      readFileSync(join(EXAMPLES, 'sars-cov-2/sequences.fasta.gz')),
    ).toString();
    const copies = Array.from({ length: 8 }, (_, copy) =>
      text.replace(/^>(\S+)/gm, (_, id: string) => `>${id}|copy${copy}`),
    );
    const path = join(tempDir(), 'copies.fasta');
    writeFileSync(path, copies.join(''));
    const { jobId } = await core.call('importFiles', { files: [{ path }], name: 'to cancel' });
    const imported = await core.jobs.wait(jobId);
    const datasetId = imported.kind === 'import' ? imported.result!.dataset!.id : 0;
    const started = await core.call('analyzeDataset', { datasetId, pathogenId: 'sars-cov-2' });
    await new Promise<void>((done) => {
      const off = core.onJobEvent(({ job }) => {
        if (job.id === started.jobId && job.progress.done > 0) {
          off();
          done();
        }
      });
    });
    await core.call('cancelJob', { jobId: started.jobId! });
    expect((await core.jobs.wait(started.jobId!)).status).toBe('cancelled');
    expect(await core.call('listAnalyses', { datasetId })).toEqual([]);
    const rows = core.db.$client
      .prepare(
        'SELECT count(*) AS n FROM sequence_results r JOIN analyses a ON a.id = r.analysis_id WHERE a.dataset_id = ?',
      )
      .get(datasetId) as { n: number };
    expect(rows.n).toBe(0);
  });

  it('refuses to guess the pathogen of sequences that match none', async () => {
    const dir = tempDir();
    const path = join(dir, 'junk.fa');
    writeFileSync(path, '>junk\n' + 'ACGTTTGACCAGT'.repeat(300) + '\n');
    const { jobId } = await core.call('importFiles', { files: [{ path }] });
    const imported = await core.jobs.wait(jobId);
    const datasetId = imported.kind === 'import' ? imported.result!.dataset!.id : 0;
    const started = await core.call('analyzeDataset', { datasetId });
    const job = await core.jobs.wait(started.jobId!);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/could not tell which pathogen.*choose one/);
  });
});
