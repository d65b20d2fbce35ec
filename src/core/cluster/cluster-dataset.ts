/**
 * One clustering run: features -> PCA -> embedding (PCA or UMAP) -> clusters (k-means or
 * HDBSCAN) -> metrics and summaries, stored in one transaction. Runs in a worker.
 */
import { eq } from 'drizzle-orm';
import { MIN_CLUSTER_SEQUENCES, type ClusterParams } from '../../shared/cluster-schemas';
import type { ClusterMetrics } from '../../shared/cluster-types';
import { chooseK, kmeans, type Matrix, type PcaResult } from './';
import { pcaWithOnnx } from './pca-onnx';
import { hdbscan } from './hdbscan';
import { adjustedRandIndex, normalizedMutualInformation, silhouette } from './metrics';
import { summarizeClusters } from './summaries';
import { runUmap } from './umap';
import { InvalidInputError, NotFoundError } from '../errors';
import type { JobContext } from '../jobs/job-manager';
import type { RegistryDb } from '../registry/db';
import { datasets } from '../registry/schema';
import { featurizeForClustering } from './cluster-features';
import { chooseLabelColumn, columnValues, loadClusteringInputs } from './clustering-inputs';
import { storeClustering } from './clustering-store';
import { StageProgress, type Stage } from './stage-progress';

export interface ClusterOptions {
  signal?: AbortSignal;
  onProgress?: JobContext['report'];
  threads?: number;
  /** Runs inside the clustering's transaction, before COMMIT (the job records its outcome). */
  onCommit?: (clusteringId: number) => void;
}

export async function clusterDataset(
  db: RegistryDb,
  datasetId: number,
  params: ClusterParams,
  options: ClusterOptions = {},
): Promise<{ clusteringId: number }> {
  const { signal } = options;
  const started = Date.now();
  const dataset = db.select().from(datasets).where(eq(datasets.id, datasetId)).get();
  if (!dataset) throw new NotFoundError(`no dataset with id ${datasetId}`);
  const inputs = loadClusteringInputs(db, datasetId);
  const n = inputs.ids.length;
  if (n < MIN_CLUSTER_SEQUENCES)
    throw new InvalidInputError(
      `dataset '${dataset.name}' has ${n} sequences; clustering needs at least ${MIN_CLUSTER_SEQUENCES}`,
    );
  const labelColumn = chooseLabelColumn(inputs.metadata, params.labelColumn);
  const progress = new StageProgress(stagesOf(params), options.onProgress);

  const features = await featurizeForClustering(inputs, params, {
    signal,
    threads: options.threads,
    onProgress: (done, total) =>
      progress.update('features', done, total, `Features: ${done} of ${total} sequences`, done),
  });

  const { reduced, pcaMatrix } = await principalComponents(
    features.matrix,
    params,
    progress,
    signal,
  );
  const embedding = await embed(pcaMatrix, params, progress, signal);
  const embeddingMatrix: Matrix = { rows: n, cols: params.dimensions, data: embedding };
  signal?.throwIfAborted();

  const space = params.space === 'embedding' ? embeddingMatrix : pcaMatrix;
  const { assignments, kScores } = await assignClusters(space, params, progress, signal);
  signal?.throwIfAborted();

  const labels = labelColumn ? columnValues(inputs.metadata, labelColumn) : null;
  const metrics: ClusterMetrics = {
    silhouette: silhouetteWithoutNoise(space, assignments, params.seed),
    labelColumn,
    ...agreement(assignments, labels),
    kScores,
    explainedVariance: reduced.explainedVarianceRatio,
  };
  const summaries = summarizeClusters({
    assignments,
    points: pcaMatrix,
    ids: inputs.ids,
    labels: labels ?? undefined,
    qcVerdicts: inputs.analysisId === null ? undefined : inputs.qcVerdicts,
    carriers: inputs.analysisId === null ? undefined : inputs.carriers,
  });
  progress.update('cluster', 1, 1, 'Saving');
  signal?.throwIfAborted();
  const clusteringId = storeClustering(
    db,
    {
      datasetId,
      analysisId: inputs.analysisId,
      params,
      featurizer: features.config,
      featurizerDescription: features.description,
      metrics,
      summaries,
      ordinals: inputs.ordinals,
      dimensions: params.dimensions,
      coordinates: embedding,
      assignments,
      durationMs: Date.now() - started,
    },
    options.onCommit,
  );
  return { clusteringId };
}

/** The run's stages, weighted by their usual share of its time. */
function stagesOf(params: ClusterParams): Stage[] {
  return [
    { name: 'features', weight: 30 },
    { name: 'pca', weight: 10 },
    { name: 'embed', weight: params.embed === 'umap' ? 40 : 1 },
    { name: 'cluster', weight: 20 },
  ];
}

/** The PCA of the features: as many components as asked (at least the embedding's dimensions). */
async function principalComponents(
  features: Matrix,
  params: ClusterParams,
  progress: StageProgress,
  signal: AbortSignal | undefined,
): Promise<{ reduced: PcaResult; pcaMatrix: Matrix }> {
  const n = features.rows;
  progress.update('pca', 0, 1, 'Principal components');
  signal?.throwIfAborted();
  const components = Math.max(
    params.dimensions,
    Math.min(params.pcaComponents, n - 1, features.cols),
  );
  const reduced = await pcaWithOnnx(features, components, { seed: params.seed, signal });
  const pcaMatrix: Matrix = { rows: n, cols: components, data: reduced.coordinates };
  progress.update('pca', 1, 1, 'Principal components');
  return { reduced, pcaMatrix };
}

/** The embedding shown: UMAP of the principal components, or their first columns. */
async function embed(
  pcaMatrix: Matrix,
  params: ClusterParams,
  progress: StageProgress,
  signal: AbortSignal | undefined,
): Promise<Float32Array> {
  if (params.embed !== 'umap') return firstColumns(pcaMatrix, params.dimensions);
  return runUmap(pcaMatrix, {
    nComponents: params.dimensions,
    nNeighbors: Math.min(params.nNeighbors, pcaMatrix.rows - 1),
    minDist: params.minDist,
    seed: params.seed,
    signal,
    onProgress: (done, total) =>
      progress.update('embed', done, total, `UMAP: ${Math.round((done / total) * 100)}%`),
  });
}

function firstColumns(matrix: Matrix, count: number): Float32Array {
  const out = new Float32Array(matrix.rows * count);
  for (let i = 0; i < matrix.rows; i++)
    for (let j = 0; j < count; j++) out[i * count + j] = matrix.data[i * matrix.cols + j]!;
  return out;
}

async function assignClusters(
  space: Matrix,
  params: ClusterParams,
  progress: StageProgress,
  signal: AbortSignal | undefined,
): Promise<{ assignments: Int32Array; kScores: ClusterMetrics['kScores'] }> {
  progress.update('cluster', 0, 1, params.method === 'kmeans' ? 'k-means' : 'HDBSCAN');
  if (params.method === 'hdbscan') {
    const result = await hdbscan(space, {
      minClusterSize: Math.min(params.minClusterSize, space.rows),
      signal,
      onProgress: (done, total) =>
        progress.update('cluster', done, total, `HDBSCAN: ${Math.round((done / total) * 100)}%`),
    });
    return { assignments: result.labels, kScores: null };
  }
  if (params.k !== undefined) {
    if (params.k >= space.rows)
      throw new InvalidInputError(`k = ${params.k} needs more than ${space.rows} sequences`);
    return {
      assignments: kmeans(space, params.k, { seed: params.seed }).assignments,
      kScores: null,
    };
  }
  const max = Math.min(params.kRange.max, space.rows - 1);
  const min = Math.min(params.kRange.min, max);
  const chosen = chooseK(space, [min, max], { seed: params.seed });
  return {
    assignments: chosen.clustering.assignments,
    kScores: chosen.scores
      .filter((score) => Number.isFinite(score.silhouette))
      .map(({ k, silhouette: s }) => ({ k, silhouette: s })),
  };
}

/** Silhouette of the clustered rows (noise left out); null with fewer than 2 clusters. */
function silhouetteWithoutNoise(
  space: Matrix,
  assignments: Int32Array,
  seed: number,
): number | null {
  const kept: number[] = [];
  for (let i = 0; i < assignments.length; i++) if (assignments[i]! >= 0) kept.push(i);
  const distinct = new Set(kept.map((i) => assignments[i]!));
  if (distinct.size < 2 || distinct.size >= kept.length) return null;
  const data = new Float32Array(kept.length * space.cols);
  kept.forEach((row, i) =>
    data.set(space.data.subarray(row * space.cols, (row + 1) * space.cols), i * space.cols),
  );
  return silhouette(
    { rows: kept.length, cols: space.cols, data },
    Int32Array.from(kept, (i) => assignments[i]!),
    { seed },
  );
}

/** ARI and NMI against the labelled rows; noise counts as one more group, as scikit-learn. */
function agreement(
  assignments: Int32Array,
  labels: (string | null)[] | null,
): Pick<ClusterMetrics, 'adjustedRandIndex' | 'normalizedMutualInformation'> {
  if (!labels) return { adjustedRandIndex: null, normalizedMutualInformation: null };
  const rows = labels.flatMap((label, i) => (label === null ? [] : [i]));
  if (rows.length < 2) return { adjustedRandIndex: null, normalizedMutualInformation: null };
  const predicted = Int32Array.from(rows, (i) => assignments[i]!);
  const truth = rows.map((i) => labels[i]!);
  return {
    adjustedRandIndex: adjustedRandIndex(predicted, truth),
    normalizedMutualInformation: normalizedMutualInformation(predicted, truth),
  };
}
