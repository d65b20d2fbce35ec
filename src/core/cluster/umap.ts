/**
 * Seeded UMAP embedding of (PCA-reduced) k-mer spectra for the cluster plots. umap-js does
 * the fuzzy graph and the layout; the neighbours come from our exact `knn`, the start is the
 * PCA layout (as umap-learn's `init='pca'`), and the epochs are stepped here so progress is
 * reported and an abort is seen between epochs.
 */
import { UMAP } from 'umap-js';
import { createYielder, firstNeighbours, knn, type KnnResult } from './knn';
import { assertMatrix, type Matrix } from './matrix';
import { pca } from './pca';
import { mulberry32 } from './random';

export interface UmapOptions {
  /** Dimensions of the embedding. Default 2. */
  nComponents?: 2 | 3;
  /** Neighbourhood size, counting the row itself as umap-learn does. Default 15, at least 2. */
  nNeighbors?: number;
  /** How tightly points may pack in the embedding. Default 0.1. */
  minDist?: number;
  /** Layout epochs. Default umap-js's: 500 up to 2,500 rows, down to 200 above 7,500. */
  nEpochs?: number;
  /** Seed of the layout; the same seed and input give the identical embedding. Default 1. */
  seed?: number;
  /**
   * Neighbours of these rows from `knn` with k >= nNeighbors - 1 (e.g. shared with
   * HDBSCAN). Used when the rows are all distinct; otherwise they are recomputed over the
   * distinct rows.
   */
  neighbours?: KnnResult;
  /** Checked between neighbour blocks and between epochs (not inside umap-js's graph step). */
  signal?: AbortSignal;
  /**
   * `done` of `total` (per mille): neighbours up to 100, umap-js's fuzzy graph (one
   * synchronous step, ~5 s at 10,000 rows) to 400, then the epochs.
   */
  onProgress?: (done: number, total: number) => void;
}

const PROGRESS_TOTAL = 1000;
const PROGRESS_AFTER_NEIGHBOURS = 100;
const PROGRESS_AFTER_GRAPH = 400;
/** umap-learn scales its PCA start so the largest coordinate is 10. */
const INIT_EXTENT = 10;

/**
 * Embeds the rows of `matrix` in `nComponents` dimensions; returns rows x nComponents,
 * row-major. Identical rows are embedded once and share one position. With fewer distinct
 * rows than `nNeighbors`, the neighbourhood shrinks to all the other distinct rows; with
 * fewer than 3 distinct rows there is no graph to lay out, and they are placed 1 apart
 * along the first axis in order of first appearance.
 */
export async function runUmap(matrix: Matrix, options: UmapOptions = {}): Promise<Float32Array> {
  assertMatrix(matrix);
  const nComponents = options.nComponents ?? 2;
  const requestedNeighbors = options.nNeighbors ?? 15;
  if (nComponents !== 2 && nComponents !== 3)
    throw new RangeError(`nComponents must be 2 or 3, got ${String(nComponents)}`);
  if (!Number.isInteger(requestedNeighbors) || requestedNeighbors < 2)
    throw new RangeError(`nNeighbors must be an integer of at least 2, got ${requestedNeighbors}`);
  if (options.nEpochs !== undefined && (!Number.isInteger(options.nEpochs) || options.nEpochs < 1))
    throw new RangeError(`nEpochs must be a positive integer, got ${options.nEpochs}`);
  if (options.minDist !== undefined && !(options.minDist >= 0))
    throw new RangeError(`minDist must be at least 0, got ${options.minDist}`);
  const report = options.onProgress ?? (() => undefined);
  const pause = createYielder(options.signal);
  const { unique, rowToUnique } = uniqueRows(matrix);
  const m = unique.rows;
  const embedding = new Float32Array(matrix.rows * nComponents);
  if (m < 3) {
    for (let i = 0; i < matrix.rows; i++) embedding[i * nComponents] = rowToUnique[i]!;
    report(PROGRESS_TOTAL, PROGRESS_TOTAL);
    return embedding;
  }

  const nNeighbors = Math.min(requestedNeighbors, m - 1);
  const neighbours =
    options.neighbours && unique === matrix
      ? firstNeighbours(options.neighbours, m, nNeighbors - 1)
      : await knn(unique, nNeighbors - 1, {
          signal: options.signal,
          onProgress: (done, total) =>
            report(Math.floor((PROGRESS_AFTER_NEIGHBOURS * done) / total), PROGRESS_TOTAL),
        });
  // umap-js expects umap-learn's layout: each row's own index first, at distance 0.
  const knnIndices: number[][] = [];
  const knnDistances: number[][] = [];
  for (let i = 0; i < m; i++) {
    const from = i * (nNeighbors - 1);
    knnIndices.push([i, ...neighbours.indices.subarray(from, from + nNeighbors - 1)]);
    knnDistances.push([0, ...neighbours.distances.subarray(from, from + nNeighbors - 1)]);
  }
  const umap = new UMAP({
    nComponents,
    nNeighbors,
    minDist: options.minDist ?? 0.1,
    nEpochs: options.nEpochs,
    random: mulberry32(options.seed ?? 1),
  });
  umap.setPrecomputedKNN(knnIndices, knnDistances);
  // With precomputed neighbours umap-js reads only the row count of its input.
  const nEpochs = umap.initializeFit(Array.from({ length: m }, () => []));
  startFromPca(unique, nComponents, umap.getEmbedding());
  report(PROGRESS_AFTER_GRAPH, PROGRESS_TOTAL);
  await pause();

  const span = PROGRESS_TOTAL - PROGRESS_AFTER_GRAPH;
  for (let epoch = 0; epoch < nEpochs; epoch++) {
    umap.step();
    report(PROGRESS_AFTER_GRAPH + Math.floor((span * (epoch + 1)) / nEpochs), PROGRESS_TOTAL);
    await pause();
  }
  const layout = umap.getEmbedding();
  for (let i = 0; i < matrix.rows; i++) {
    const point = layout[rowToUnique[i]!]!;
    for (let c = 0; c < nComponents; c++) embedding[i * nComponents + c] = point[c]!;
  }
  return embedding;
}

/**
 * Overwrites umap-js's uniform random start (in place: the optimizer holds these arrays)
 * with the PCA coordinates scaled into [-10, 10]; a PCA start keeps far-apart groups apart
 * where a random start can tear one group in two.
 */
function startFromPca(unique: Matrix, nComponents: number, layout: number[][]): void {
  const components = Math.min(nComponents, unique.cols, unique.rows);
  const { coordinates } = pca(unique, components);
  let largest = 0;
  for (const v of coordinates) largest = Math.max(largest, Math.abs(v));
  if (largest === 0) return; // no spread to start from: keep the random start
  const scale = INIT_EXTENT / largest;
  for (let i = 0; i < unique.rows; i++)
    for (let c = 0; c < components; c++) layout[i]![c] = coordinates[i * components + c]! * scale;
}

/** The distinct rows in first-seen order, and for every row the index of its distinct row. */
function uniqueRows(matrix: Matrix): { unique: Matrix; rowToUnique: Int32Array } {
  const { rows, cols, data } = matrix;
  const bits = new Uint32Array(data.buffer, data.byteOffset, data.length);
  const buckets = new Map<number, number[]>();
  const rowToUnique = new Int32Array(rows);
  const kept: number[] = [];
  for (let i = 0; i < rows; i++) {
    let hash = 0x811c9dc5;
    for (let c = i * cols, end = c + cols; c < end; c++)
      hash = Math.imul(hash ^ bits[c]!, 0x01000193);
    const bucket = buckets.get(hash);
    const match = bucket?.find((u) => sameRow(data, kept[u]!, i, cols));
    if (match !== undefined) {
      rowToUnique[i] = match;
      continue;
    }
    rowToUnique[i] = kept.length;
    if (bucket) bucket.push(kept.length);
    else buckets.set(hash, [kept.length]);
    kept.push(i);
  }
  if (kept.length === rows) return { unique: matrix, rowToUnique };
  const unique = new Float32Array(kept.length * cols);
  kept.forEach((row, u) => unique.set(data.subarray(row * cols, (row + 1) * cols), u * cols));
  return { unique: { rows: kept.length, cols, data: unique }, rowToUnique };
}

function sameRow(data: Float32Array, a: number, b: number, cols: number): boolean {
  for (let c = 0; c < cols; c++) if (data[a * cols + c] !== data[b * cols + c]) return false;
  return true;
}
