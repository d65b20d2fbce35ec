import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/genomes';

const run = promisify(execFile);
const CLI = resolve(import.meta.dirname, '../../bin/variantdesk.mjs');
const EXAMPLES = resolve(import.meta.dirname, '../../resources/examples');

function cli(dataDir: string, ...args: string[]) {
  return run(process.execPath, [CLI, '--data-dir', dataDir, ...args], {
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe('variantdesk CLI', () => {
  it('imports the example, lists it, and refuses a re-import of identical content', async () => {
    const dir = join(tempDir(), 'data');
    const example = join(EXAMPLES, 'sars-cov-2/sequences.fasta.gz');
    const metadata = join(EXAMPLES, 'sars-cov-2/metadata.tsv');
    const first = await cli(dir, 'import', example, '--metadata', metadata, '--quiet');
    expect(first.stdout).toMatch(/Imported dataset #1 "sequences": 298 sequences, 0 invalid/);
    expect(first.stdout).toMatch(/298 rows joined on 'strain', 298 matched/);
    const again = await cli(dir, 'import', example, '--metadata', metadata, '--json', '--quiet');
    expect(JSON.parse(again.stdout)).toMatchObject({ dataset: null, duplicateOf: { id: 1 } });
    const list = JSON.parse((await cli(dir, 'datasets', '--json')).stdout);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ sequenceCount: 298 });
  });

  it('prints one row of mutations per sequence and QC as CSV for files given directly', async () => {
    const dir = join(tempDir(), 'data');
    const flu = join(EXAMPLES, 'flu-h3n2-ha/sequences.fasta');
    const mutations = await cli(dir, 'mutations', flu, '--format', 'json', '--quiet');
    const rows = JSON.parse(mutations.stdout) as Record<string, string>[];
    expect(rows).toHaveLength(48);
    expect(rows.every((row) => row.substitutions!.length > 0)).toBe(true);
    expect(rows.some((row) => /HA1:/.test(row.aa_substitutions!))).toBe(true);
    // The dataset is reused by name and the analysis is not redone.
    const qc = await cli(dir, 'qc', 'sequences', '--format', 'csv');
    const lines = qc.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id,qc_verdict,qc_score,/);
    expect(lines).toHaveLength(49);
    expect(qc.stderr).toMatch(/Influenza A\/H3N2 HA: 48 aligned, 0 failed/);
  });

  it('exits with 2 and a clear message on bad input', async () => {
    const dir = join(tempDir(), 'data');
    await expect(cli(dir, 'qc', '42')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/no dataset with id 42/),
    });
    await expect(cli(dir, 'qc', '42', '--format', 'xml')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--format must be/),
    });
  });

  it('clusters files with metadata: summaries on stderr, one row per sequence on stdout', async () => {
    const dir = join(tempDir(), 'data');
    const example = join(EXAMPLES, 'sars-cov-2/sequences.fasta.gz');
    const metadata = join(EXAMPLES, 'sars-cov-2/metadata.tsv');
    const result = await cli(
      dir,
      'cluster',
      example,
      '--metadata',
      metadata,
      '--embed',
      'pca',
      '--k',
      '4',
    );
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('seq_id\tcluster\tx\ty\tqc_verdict\tclade');
    expect(lines).toHaveLength(299);
    expect(new Set(lines.slice(1).map((l) => l.split('\t')[1]))).toEqual(
      new Set(['0', '1', '2', '3']),
    );
    expect(result.stderr).toMatch(
      /298 sequences, 4 clusters \(PCA, kmeans; presence of \d+ mutations/,
    );
    expect(result.stderr).toMatch(/against 'clade': ARI \d\.\d{3}/);
    expect(result.stderr).toMatch(/cluster 0: \d+ seqs, medoid \S+ \S+ \(purity/);
    // The same run as JSON, reusing the dataset by name.
    const json = JSON.parse(
      (await cli(dir, 'cluster', 'sequences', '--embed', 'pca', '--k', '4', '--json', '--quiet'))
        .stdout,
    );
    expect(json.clustering.clusters).toHaveLength(4);
    expect(json.points.ids).toHaveLength(298);
    await expect(cli(dir, 'cluster', 'sequences', '--method', 'dbscan')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--method must be kmeans or hdbscan/),
    });
  }, 120_000);
});
