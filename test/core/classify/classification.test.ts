/**
 * Classifying a dataset through the core: a job after its alignment, stored with QC and
 * mutations, queried, exported, listed in the history, deleted and cancelled.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassificationSummary } from '../../../src/shared/classify-types';
import { readAuspiceTree } from '../../../src/core/tree/auspice';
import { VariantDeskCore } from '../../../src/core/variantdesk-core';
import { tempDir, writeFasta } from '../../helpers/genomes';

const EXAMPLE = resolve(import.meta.dirname, '../../../resources/examples/sars-cov-2');
const MODELS = resolve(import.meta.dirname, '../../../models');
let core: VariantDeskCore;
let datasetId: number;
let run: ClassificationSummary;
/** Clade of each example sequence, from its metadata. */
const cladeOf = new Map<string, string>();

async function waitFor(jobId: string) {
  const job = await core.jobs.wait(jobId);
  if (job.status !== 'done') throw new Error(`job ${job.kind} ${job.status}: ${job.error}`);
  return job;
}

async function importFasta(path: string, name: string): Promise<number> {
  const job = await waitFor((await core.call('importFiles', { files: [{ path }], name })).jobId);
  if (job.kind !== 'import' || !job.result?.dataset) throw new Error('import failed');
  return job.result.dataset.id;
}

beforeAll(async () => {
  const [header, ...lines] = readFileSync(join(EXAMPLE, 'metadata.tsv'), 'utf8').trim().split('\n');
  const columns = header!.split('\t');
  for (const line of lines) {
    const cells = line.split('\t');
    cladeOf.set(cells[0]!, cells[columns.indexOf('clade')]!);
  }
  core = new VariantDeskCore(join(tempDir(), 'data'));
  const { jobId } = await core.call('importFiles', {
    files: [{ path: join(EXAMPLE, 'sequences.fasta.gz') }],
    metadata: { path: join(EXAMPLE, 'metadata.tsv') },
    name: 'sc2',
  });
  const job = await waitFor(jobId);
  if (job.kind !== 'import' || !job.result?.dataset) throw new Error('import failed');
  datasetId = job.result.dataset.id;
}, 60_000);

afterAll(async () => {
  await core.close();
});

describe('classifying a dataset', () => {
  it('detects the pathogen from the sequences', async () => {
    const detection = await core.call('detectPathogen', { datasetId });
    expect(detection.pathogenId).toBe('sars-cov-2');
    expect(detection.matches[0]!.sharedFraction).toBeGreaterThan(0.9);
    expect(detection.matches.map((m) => m.pathogenId)).toHaveLength(3);
  });

  it('aligns first, then stores calibrated predictions with QC and mutations', async () => {
    const { jobId, alignmentJobId } = await core.call('classifyDataset', { datasetId });
    expect(core.jobs.get(alignmentJobId!).kind).toBe('analysis');
    const job = await waitFor(jobId);
    if (job.kind !== 'classify' || !job.result) throw new Error('no result');
    run = job.result.classification;
    expect(run).toMatchObject({
      datasetId,
      datasetName: 'sc2',
      pathogenId: 'sars-cov-2',
      sequenceCount: 298,
      model: { name: 'sars-cov-2-clade', task: 'clade' },
    });
    expect(run.analysisId).not.toBeNull();
    expect(run.assignedCount + run.unassignedCount).toBe(298);
    expect(run.assignedCount).toBeGreaterThan(270);
    const reasons = Object.values(run.unassignedByReason).reduce((a, b) => a + b, 0);
    expect(reasons).toBe(run.unassignedCount);
    expect(run.labelCounts.reduce((n, l) => n + l.count, 0)).toBe(run.assignedCount);
    expect(run.labelCounts[0]!.count).toBeGreaterThanOrEqual(run.labelCounts.at(-1)!.count);

    // The assigned clades are the metadata's clades.
    const page = await core.call('listPredictions', {
      classificationId: run.id,
      filter: { status: 'assigned' },
      limit: 5000,
    });
    expect(page.total).toBe(run.assignedCount);
    const correct = page.rows.filter((row) => row.label === cladeOf.get(row.seqId)).length;
    expect(correct / page.total).toBeGreaterThan(0.97);
    for (const row of page.rows) {
      expect(row.confidence).toBeGreaterThanOrEqual(run.confidenceThreshold);
      expect(row.qcVerdict).toMatch(/^(good|mediocre)$/);
    }
    expect(page.rows.some((row) => row.aaSubstitutions.includes('S:N501Y'))).toBe(true);

    const detail = await core.call('getClassification', { classificationId: run.id });
    const binned = detail.confidenceHistogram.reduce((n, b) => n + b.assigned + b.unassigned, 0);
    expect(binned).toBe(298);
    expect(Object.values(detail.qcCounts).reduce((a, b) => a + b, 0)).toBe(298);
    expect(detail.qcCounts.none).toBe(0);
  }, 120_000);

  it('filters, sorts and explains the unassigned', async () => {
    const unassigned = await core.call('listPredictions', {
      classificationId: run.id,
      filter: { status: 'unassigned' },
    });
    expect(unassigned.total).toBe(run.unassignedCount);
    for (const row of unassigned.rows) {
      expect(row.label).toBeNull();
      expect(row.reason).not.toBeNull();
      expect(row.topLabel).not.toBeNull();
      // The nearest labeled reference is the fallback answer.
      expect(row.fallbackLabel).not.toBeNull();
      expect(row.fallbackExemplar).not.toBeNull();
    }
    const top = run.labelCounts[0]!;
    const byLabel = await core.call('listPredictions', {
      classificationId: run.id,
      filter: { label: top.label },
    });
    expect(byLabel.total).toBe(top.count);
    const confident = await core.call('listPredictions', {
      classificationId: run.id,
      filter: { minConfidence: 0.99 },
      sort: { column: 'confidence', direction: 'asc' },
    });
    expect(confident.rows.every((row) => row.confidence >= 0.99)).toBe(true);
    const sorted = confident.rows.map((row) => row.confidence);
    expect(sorted).toEqual([...sorted].sort((a, b) => a - b));
    const byId = await core.call('listPredictions', {
      classificationId: run.id,
      filter: { idContains: 'BA.2' },
    });
    expect(byId.rows.every((row) => row.seqId.includes('BA.2'))).toBe(true);

    const one = await core.call('getPrediction', {
      classificationId: run.id,
      seqId: byId.rows[0]!.seqId,
    });
    expect(one.top.length).toBeGreaterThan(0);
    expect(one.top[0]!.probability).toBeCloseTo(one.confidence, 6);
    expect(one.analysisId).toBe(run.analysisId);
    await expect(
      core.call('getPrediction', { classificationId: run.id, seqId: 'no-such-sequence' }),
    ).rejects.toThrow(/no sequence 'no-such-sequence'/);
  });

  it('exports the filtered rows as TSV and JSON', async () => {
    const tsv = await core.call('exportClassification', {
      classificationId: run.id,
      filter: { status: 'unassigned' },
      format: 'tsv',
    });
    const lines = tsv.content.trim().split('\n');
    expect(lines[0]!.split('\t').slice(0, 5)).toEqual([
      'id',
      'label',
      'confidence',
      'status',
      'reason',
    ]);
    expect(lines).toHaveLength(run.unassignedCount + 1);
    expect(lines.slice(1).every((line) => line.split('\t')[3] === 'unassigned')).toBe(true);
    const json = await core.call('exportClassification', {
      classificationId: run.id,
      format: 'json',
    });
    const records = JSON.parse(json.content) as {
      id: string;
      model: string;
      label: string | null;
      tree_clade: string;
      tree_distance: number;
      tree_agrees: string | null;
    }[];
    expect(records).toHaveLength(298);
    expect(records[0]!.model).toBe('sars-cov-2-clade');
    // The stored run keeps each genome's placement on the shipped tree (its own lineage).
    for (const r of records) {
      expect(r.tree_distance).toBe(0);
      expect(r.tree_agrees).toBe(r.label === null ? null : r.label === r.tree_clade ? 'yes' : 'no');
    }
    const stored = await core.call('getPrediction', {
      classificationId: run.id,
      seqId: records[0]!.id,
    });
    expect(stored.tree).toMatchObject({ clade: records[0]!.tree_clade, distance: 0 });
    expect(json.fileName).toBe(`classification-${run.id}.sc2.json`);
  });

  it("exports the pathogen's tree with the run's genomes attached", async () => {
    const auspice = await core.call('exportTree', { classificationId: run.id });
    expect(auspice.fileName).toBe(`tree-${run.id}.sc2.json`);
    const tree = readAuspiceTree(auspice.content, auspice.fileName);
    const added = tree.nodes.filter(
      (n) => (n.nodeAttrs['Node type'] as { value?: string } | undefined)?.value === 'New',
    );
    expect(added).toHaveLength(298);
    const newick = await core.call('exportTree', { classificationId: run.id, format: 'newick' });
    expect(newick.fileName).toBe(`tree-${run.id}.sc2.nwk`);
    expect(newick.content.trimEnd().endsWith(';')).toBe(true);
    await expect(core.call('exportTree', { classificationId: 9999 })).rejects.toThrow(
      /no classification with id 9999/,
    );
  });

  it('gives the Tree page the tree and the run placed on it', async () => {
    const view = await core.call('getTreeView', {
      pathogenId: 'sars-cov-2',
      classificationId: run.id,
    });
    expect(view.names).toHaveLength(view.parent.length);
    expect(view.parent[0]).toBe(-1);
    expect(view.parent.slice(1).every((p, i) => p >= 0 && p <= i)).toBe(true);
    expect(view.placed).toHaveLength(298);
    for (const p of view.placed) {
      expect(view.clades[view.clade[p.node]!]).toBe(p.clade);
      expect(p.privateMutations).toEqual([]);
    }
    const bare = await core.call('getTreeView', { pathogenId: 'sars-cov-2' });
    expect(bare.placed).toEqual([]);
    await expect(
      core.call('getTreeView', { pathogenId: 'rsv-a', classificationId: run.id }),
    ).rejects.toThrow(`classification ${run.id} is of sars-cov-2, not rsv-a`);
  });

  it('reuses the analysis for a second run and lists both in the history', async () => {
    const { jobId, alignmentJobId } = await core.call('classifyDataset', {
      datasetId,
      modelId: run.model.id,
    });
    expect(alignmentJobId).toBeNull();
    const job = await waitFor(jobId);
    if (job.kind !== 'classify' || !job.result) throw new Error('no result');
    const second = job.result.classification;
    // The same model on the same genomes gives the same answers.
    expect(second.labelCounts).toEqual(run.labelCounts);
    const history = await core.call('listClassifications', {});
    expect(history.map((c) => c.id)).toEqual([second.id, run.id]);
    expect(await core.call('deleteClassification', { classificationId: second.id })).toEqual({
      deleted: true,
    });
    await expect(core.call('listPredictions', { classificationId: second.id })).rejects.toThrow(
      /no classification/,
    );
    expect(await core.call('listClassifications', { datasetId })).toHaveLength(1);
  }, 60_000);

  it('compares two model versions on the same dataset', async () => {
    // The production model with a stricter threshold, as a new version.
    const entries = unzipSync(readFileSync(join(MODELS, 'sars-cov-2-clade.zip')));
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as Record<string, unknown>;
    Object.assign(manifest, { version: '1.0.1-strict', confidenceThreshold: 0.95 });
    entries['manifest.json'] = strToU8(JSON.stringify(manifest));
    const path = join(tempDir(), 'strict.zip');
    writeFileSync(path, zipSync(entries));
    const { model } = await core.call('importModel', { file: { path } });
    const job = await waitFor(
      (await core.call('classifyDataset', { datasetId, modelId: model.id })).jobId,
    );
    if (job.kind !== 'classify' || !job.result) throw new Error('no result');
    const strict = job.result.classification;
    expect(strict.unassignedCount).toBeGreaterThan(run.unassignedCount);

    const comparison = await core.call('compareClassifications', {
      leftId: run.id,
      rightId: strict.id,
    });
    expect(comparison.sequenceCount).toBe(298);
    expect(comparison.disagreementCount).toBe(strict.unassignedCount - run.unassignedCount);
    expect(comparison.agreeCount + comparison.disagreementCount).toBe(298);
    for (const { left, right } of comparison.disagreements) {
      expect(left.status).toBe('assigned');
      expect(right).toMatchObject({ label: null, status: 'unassigned' });
      expect(left.confidence).toBeLessThan(0.95);
    }
    expect(comparison.transitions.reduce((n, t) => n + t.count, 0)).toBe(298);
    // What the production model left unassigned stays unassigned under the stricter one.
    const fromUnassigned = comparison.transitions.filter((t) => t.from === null);
    expect(fromUnassigned.every((t) => t.to === null)).toBe(true);
    expect(fromUnassigned.reduce((n, t) => n + t.count, 0)).toBe(run.unassignedCount);
    await expect(
      core.call('compareClassifications', { leftId: run.id, rightId: run.id }),
    ).rejects.toThrow(/choose two different runs/);
    await core.call('deleteClassification', { classificationId: strict.id });
  }, 60_000);

  it('refuses what it cannot classify, with the reason', async () => {
    await expect(
      core.call('classifyDataset', { datasetId, modelId: run.model.id, pathogenId: 'rsv-a' }),
    ).rejects.toThrow(/classifies sars-cov-2, not rsv-a/);
    await expect(core.call('classifyDataset', { datasetId, modelId: 999 })).rejects.toThrow(
      /no model with id 999/,
    );
    const randomId = await importFasta(
      writeFasta(join(tempDir(), 'random.fa'), 5, 2000, 7),
      'random',
    );
    await expect(core.call('classifyDataset', { datasetId: randomId })).rejects.toThrow(
      /could not tell the pathogen of dataset 'random'.*choose the pathogen or a model/,
    );
  });

  it('leaves nothing behind when cancelled', async () => {
    const before = (await core.call('listClassifications', {})).length;
    const { jobId } = await core.call('classifyDataset', { datasetId });
    core.jobs.cancel(jobId);
    const job = await core.jobs.wait(jobId);
    expect(job.status).toBe('cancelled');
    expect(await core.call('listClassifications', {})).toHaveLength(before);
    const stray = core.db.$client
      .prepare(
        'SELECT count(*) AS n FROM predictions WHERE classification_id NOT IN (SELECT id FROM classifications)',
      )
      .get() as { n: number };
    expect(stray.n).toBe(0);
  });
});
