/**
 * HDBSCAN (Campello, Moulavi & Sander 2013): density-based clusters of any shape, with
 * noise. Core distances come from exact `knn`; the minimum spanning tree of mutual
 * reachability is grown with Prim's algorithm over the implicit dense graph, so time is
 * O(rows^2 x cols) and memory O(rows x cols): about 2-10 s at 10,000 rows x 50 columns,
 * and four times that at twice the rows. Meant for PCA coordinates, not raw spectra.
 */
import { condenseTree, singleLinkage } from './hdbscan-tree';
import { selectClusters, type HdbscanLabels } from './hdbscan-select';
import { createYielder, firstNeighbours, knn, type KnnResult } from './knn';
import { assertMatrix, type Matrix } from './matrix';

export type { HdbscanLabels } from './hdbscan-select';

export interface HdbscanOptions {
  /** Fewest rows that make a cluster; smaller groups are noise. Default 5, at least 2. */
  minClusterSize?: number;
  /** Neighbours (counting the row itself) that set a row's core distance. Default minClusterSize. */
  minSamples?: number;
  /**
   * Neighbours of these rows from `knn` with k >= minSamples - 1 (e.g. shared with UMAP);
   * computed here when absent.
   */
  neighbours?: KnnResult;
  /** Let the whole data set be one cluster when no split beats it. Default false. */
  allowSingleCluster?: boolean;
  /** Checked between blocks of work; aborting rejects with the signal's reason. */
  signal?: AbortSignal;
  /** `done` of `total` (per mille): core distances up to 450, then the spanning tree. */
  onProgress?: (done: number, total: number) => void;
}

const PROGRESS_TOTAL = 1000;
const PROGRESS_AFTER_CORE = 450;
const PROGRESS_AFTER_TREE = 990;
const EARLY_EXIT_STRIDE = 8;

/**
 * Clusters the rows of `matrix`. Labels are 0..clusterCount-1 by decreasing size and -1
 * for noise; the same input and options always give the same result. As in HDBSCAN, a
 * sparse row that joins a kept cluster after the cluster formed is a member, with a low
 * probability and a high outlier score: filter on those for a strict core.
 */
export async function hdbscan(
  matrix: Matrix,
  options: HdbscanOptions = {},
): Promise<HdbscanLabels> {
  assertMatrix(matrix);
  const minClusterSize = options.minClusterSize ?? 5;
  const minSamples = options.minSamples ?? minClusterSize;
  if (!Number.isInteger(minClusterSize) || minClusterSize < 2)
    throw new RangeError(`minClusterSize must be an integer of at least 2, got ${minClusterSize}`);
  if (!Number.isInteger(minSamples) || minSamples < 1)
    throw new RangeError(`minSamples must be a positive integer, got ${minSamples}`);
  const { rows } = matrix;
  const report = options.onProgress ?? (() => undefined);
  options.signal?.throwIfAborted();
  if (rows === 0)
    return {
      labels: new Int32Array(0),
      probabilities: new Float32Array(0),
      outlierScores: new Float32Array(0),
      clusterCount: 0,
    };

  // umap-learn / scikit-learn convention: the row itself is its first "neighbour".
  const k = Math.min(minSamples - 1, rows - 1);
  const coreSquared = new Float64Array(rows);
  if (k > 0) {
    const { distances } = options.neighbours
      ? firstNeighbours(options.neighbours, rows, k)
      : await knn(matrix, k, {
          signal: options.signal,
          onProgress: (done, total) =>
            report(Math.floor((PROGRESS_AFTER_CORE * done) / total), PROGRESS_TOTAL),
        });
    for (let i = 0; i < rows; i++) coreSquared[i] = distances[i * k + k - 1]! ** 2;
  }
  const tree = await primMutualReachability(matrix, coreSquared, options.signal, (fraction) =>
    report(
      PROGRESS_AFTER_CORE + Math.floor((PROGRESS_AFTER_TREE - PROGRESS_AFTER_CORE) * fraction),
      PROGRESS_TOTAL,
    ),
  );
  const linkage = singleLinkage(rows, tree.from, tree.to, tree.weight);
  const result = selectClusters(
    condenseTree(rows, linkage, minClusterSize),
    options.allowSingleCluster ?? false,
  );
  report(PROGRESS_TOTAL, PROGRESS_TOTAL);
  return result;
}

/**
 * Prim's algorithm on mutual reachability max(core(a), core(b), |a - b|), all in squared
 * units until the end. A row whose best link already equals its own core distance cannot
 * improve, so its distance to the newly added row is not computed.
 */
async function primMutualReachability(
  { rows, cols, data }: Matrix,
  coreSquared: Float64Array,
  signal: AbortSignal | undefined,
  onFraction: (fraction: number) => void,
): Promise<{ from: Int32Array; to: Int32Array; weight: Float64Array }> {
  const pause = createYielder(signal);
  const edges = Math.max(0, rows - 1);
  const from = new Int32Array(edges);
  const to = new Int32Array(edges);
  const weight = new Float64Array(edges);
  const best = new Float64Array(rows).fill(Infinity);
  const bestFrom = new Int32Array(rows);
  const outside = new Int32Array(edges); // rows not yet in the tree, in a shrinking prefix
  for (let i = 1; i < rows; i++) outside[i - 1] = i;
  let remaining = edges;
  let current = 0;
  const totalWork = (edges * (edges + 1)) / 2;
  for (let e = 0; e < edges; e++) {
    const a = current * cols;
    const coreA = coreSquared[current]!;
    let nextPosition = 0;
    let nextBest = Infinity;
    for (let p = 0; p < remaining; p++) {
      const j = outside[p]!;
      let bj = best[j]!;
      const coreJ = coreSquared[j]!;
      if (coreA < bj && coreJ < bj) {
        const b = j * cols;
        let d = 0;
        // Stop early, a few columns at a time, once the partial sum cannot improve bj.
        for (let c0 = 0; c0 < cols && d < bj; c0 += EARLY_EXIT_STRIDE) {
          const c1 = Math.min(cols, c0 + EARLY_EXIT_STRIDE);
          for (let c = c0; c < c1; c++) {
            const diff = data[a + c]! - data[b + c]!;
            d += diff * diff;
          }
        }
        if (d < coreA) d = coreA;
        if (d < coreJ) d = coreJ;
        if (d < bj) {
          bj = d;
          best[j] = d;
          bestFrom[j] = current;
        }
      }
      if (bj < nextBest) {
        nextBest = bj;
        nextPosition = p;
      }
    }
    const next = outside[nextPosition]!;
    from[e] = bestFrom[next]!;
    to[e] = next;
    weight[e] = Math.sqrt(best[next]!);
    outside[nextPosition] = outside[--remaining]!;
    current = next;
    if ((e & 63) === 63) {
      const done = (e + 1) * edges - (e * (e + 1)) / 2;
      onFraction(done / totalWork);
      await pause();
    }
  }
  return { from, to, weight };
}
