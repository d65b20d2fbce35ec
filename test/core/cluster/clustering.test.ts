/** Clustering runs through the core: a job, stored, reopened, exported, deleted, cancelled. */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VariantDeskCore } from '../../../src/core/variantdesk-core';
import { tempDir } from '../../helpers/genomes';

const EXAMPLES = resolve(import.meta.dirname, '../../../resources/examples');
let core: VariantDeskCore;
let datasetId: number;

async function waitFor(jobId: string) {
  const job = await core.jobs.wait(jobId);
  if (job.status !== 'done') throw new Error(`job ${job.kind} ${job.status}: ${job.error}`);
  return job;
}

beforeAll(async () => {
  core = new VariantDeskCore(join(tempDir(), 'data'));
  const { jobId } = await core.call('importFiles', {
    files: [{ path: join(EXAMPLES, 'sars-cov-2/sequences.fasta.gz') }],
    metadata: { path: join(EXAMPLES, 'sars-cov-2/metadata.tsv') },
    name: 'sc2',
  });
  const job = await waitFor(jobId);
  if (job.kind !== 'import' || !job.result?.dataset) throw new Error('import failed');
  datasetId = job.result.dataset.id;
}, 60_000);

afterAll(async () => {
  await core.close();
});

describe('clustering a dataset', () => {
  it('aligns first when needed, then stores a UMAP + k-means run with metrics and summaries', async () => {
    expect(await core.call('listAnalyses', { datasetId })).toHaveLength(0);
    const { jobId, alignmentJobId } = await core.call('clusterDataset', { datasetId });
    expect(core.jobs.get(alignmentJobId!).kind).toBe('analysis');
    const job = await waitFor(jobId);
    expect(await core.call('listAnalyses', { datasetId })).toHaveLength(1);
    if (job.kind !== 'cluster' || !job.result) throw new Error('no result');
    const { clustering } = job.result;
    expect(clustering).toMatchObject({ datasetId, sequenceCount: 298, noiseCount: 0 });
    expect(clustering.params).toMatchObject({ embed: 'umap', method: 'kmeans', dimensions: 2 });
    expect(clustering.metrics.labelColumn).toBe('clade');
    expect(clustering.metrics.kScores!.length).toBeGreaterThan(3);
    expect(clustering.metrics.adjustedRandIndex).toBeGreaterThan(0.3);

    const detail = await core.call('getClustering', { clusteringId: clustering.id });
    expect(detail.clusters.reduce((n, c) => n + c.size, 0)).toBe(298);
    expect(detail.clusters).toHaveLength(clustering.clusterCount);
    expect(detail.metadataColumns).toEqual(expect.arrayContaining(['clade', 'pango']));
    // Clades have mutations of their own: some cluster is defined by some.
    expect(detail.clusters.some((c) => c.definingMutations.length > 0)).toBe(true);
    for (const c of detail.clusters) {
      expect(Object.values(c.qcMix).reduce((a, b) => a + b, 0)).toBe(c.size);
      expect(c.purity).toBeGreaterThan(0);
    }

    const points = await core.call('getClusterPoints', {
      clusteringId: clustering.id,
      column: 'pango',
    });
    expect(points.ids).toHaveLength(298);
    expect(points.coordinates).toHaveLength(596);
    expect(new Set(points.assignments).size).toBe(clustering.clusterCount);
    expect(points.qcVerdicts.every((v) => v === 'good' || v === 'mediocre' || v === 'bad')).toBe(
      true,
    );
    expect(points.column!.values.filter((v) => v !== null).length).toBe(298);

    // A selection on the plot opens exactly those sequences.
    const members = points.ids.filter((_, i) => points.assignments[i] === 0);
    const page = await core.call('listSequences', {
      datasetId,
      filter: { seqIds: members },
      limit: 1000,
    });
    expect(page.total).toBe(members.length);

    const tsv = await core.call('exportClustering', { clusteringId: clustering.id, format: 'tsv' });
    const lines = tsv.content.trimEnd().split('\n');
    expect(lines[0]).toBe('seq_id\tcluster\tx\ty\tqc_verdict\tclade');
    expect(lines).toHaveLength(299);
  }, 120_000);

  it('keeps several runs per dataset, PCA + HDBSCAN included, newest first; deletes one', async () => {
    const { jobId, alignmentJobId } = await core.call('clusterDataset', {
      datasetId,
      params: { embed: 'pca', method: 'hdbscan', minClusterSize: 8, dimensions: 3 },
    });
    expect(alignmentJobId).toBeNull();
    const job = await waitFor(jobId);
    if (job.kind !== 'cluster' || !job.result) throw new Error('no result');
    const run = job.result.clustering;
    expect(run.params).toMatchObject({ embed: 'pca', method: 'hdbscan', dimensions: 3 });
    expect(run.metrics.kScores).toBeNull();
    const points = await core.call('getClusterPoints', { clusteringId: run.id });
    expect(points.dimensions).toBe(3);
    expect(points.assignments.filter((a) => a < 0)).toHaveLength(run.noiseCount);

    const runs = await core.call('listClusterings', { datasetId });
    expect(runs.map((r) => r.id)).toEqual([run.id, run.id - 1]);
    expect(await core.call('deleteClustering', { clusteringId: run.id })).toEqual({
      deleted: true,
    });
    await expect(core.call('getClustering', { clusteringId: run.id })).rejects.toThrow(
      /no clustering with id/,
    );
  }, 120_000);

  it('cancelling a run that waits for its alignment cancels the alignment too', async () => {
    const { jobId } = await core.call('importFiles', {
      files: [{ path: join(EXAMPLES, 'flu-h3n2-ha/sequences.fasta') }],
      name: 'flu',
    });
    const imported = await waitFor(jobId);
    if (imported.kind !== 'import' || !imported.result?.dataset) throw new Error('import failed');
    const started = await core.call('clusterDataset', { datasetId: imported.result.dataset.id });
    core.jobs.cancel(started.jobId);
    expect((await core.jobs.wait(started.jobId)).status).toBe('cancelled');
    expect((await core.jobs.wait(started.alignmentJobId!)).status).toBe('cancelled');
    expect(await core.call('listAnalyses', { datasetId: imported.result.dataset.id })).toEqual([]);
  }, 60_000);

  it('refuses an unknown label column before starting, and a cancelled run leaves nothing', async () => {
    await expect(
      core.call('clusterDataset', { datasetId, params: { labelColumn: 'country' } }),
    ).rejects.toThrow(/no metadata column 'country' \(columns: .*clade/);
    const before = await core.call('listClusterings', { datasetId });
    const { jobId } = await core.call('clusterDataset', { datasetId });
    await new Promise((r) => setTimeout(r, 200));
    core.jobs.cancel(jobId);
    const job = await core.jobs.wait(jobId);
    expect(job.status).toBe('cancelled');
    expect(await core.call('listClusterings', { datasetId })).toEqual(before);
  }, 60_000);
});
