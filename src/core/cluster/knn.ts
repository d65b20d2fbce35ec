/**
 * Exact k-nearest neighbours (Euclidean) for matrices of modest width (PCA coordinates,
 * ~2-100 columns). Every pair is scored once, in cache-sized blocks, with
 * |a - b|^2 = |a|^2 + |b|^2 - 2 a.b; the kept neighbours are then re-measured directly so
 * the reported distances are exact (duplicates come out at 0); only neighbours tied within
 * rounding at the k-th place can differ from a direct search. O(rows^2 x cols) time,
 * O(rows x k) memory beyond a float64 copy of the data.
 */
import { assertMatrix, type Matrix } from './matrix';

export interface KnnOptions {
  /** Checked between blocks; aborting rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called between blocks; `done` counts rows' worth of work, ending at `total` = rows. */
  onProgress?: (done: number, total: number) => void;
}

export interface KnnResult {
  /** Neighbours per row, nearest first; rows x k, row-major; a row never lists itself. */
  indices: Int32Array;
  /** Euclidean distances matching `indices`. */
  distances: Float32Array;
  /** Neighbours per row (the `k` asked for). */
  k: number;
}

/** Rows per block: a block of 50-wide float64 rows stays within L1/L2. */
const BLOCK = 64;

/**
 * Returns a function to await between chunks of long work: it yields to the event loop
 * when `sliceMs` have passed since the last yield (so a worker can receive a cancel
 * message), then throws the signal's reason if it was aborted.
 */
export function createYielder(signal?: AbortSignal, sliceMs = 40): () => Promise<void> {
  let last = performance.now();
  return async () => {
    signal?.throwIfAborted();
    if (performance.now() - last < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = performance.now();
    signal?.throwIfAborted();
  };
}

/**
 * The `k` nearest other rows of every row; kept neighbours at equal distance are listed
 * by row index. Throws if `k` is not an integer from 0 to rows - 1.
 */
export async function knn(matrix: Matrix, k: number, options: KnnOptions = {}): Promise<KnnResult> {
  assertMatrix(matrix);
  const { rows: n, cols } = matrix;
  if (!Number.isInteger(k) || k < 0 || (n > 0 && k > n - 1) || (n === 0 && k !== 0))
    throw new RangeError(`k must be an integer from 0 to rows - 1 = ${n - 1}, got ${k}`);
  const pause = createYielder(options.signal);
  const x = centeredCopy(matrix);
  const norms = rowNorms(x, n, cols);
  // One bounded max-heap per row: slot 0 holds the farthest kept neighbour.
  const heapIndex = new Int32Array(n * k).fill(-1);
  const heapDistance = new Float64Array(n * k).fill(Infinity);
  const worst = new Float64Array(n).fill(k > 0 ? Infinity : -Infinity);
  const push = (row: number, other: number, d: number): void => {
    siftDown(heapIndex, heapDistance, row * k, k, other, d);
    worst[row] = heapDistance[row * k]!;
  };
  const consider = (i: number, j: number, product: number): void => {
    let d = norms[i]! + norms[j]! - 2 * product;
    if (d < 0) d = 0;
    if (d < worst[i]!) push(i, j, d);
    if (d < worst[j]!) push(j, i, d);
  };

  const totalWork = (n * (n + 1)) / 2;
  let work = 0;
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const i1 = Math.min(n, i0 + BLOCK);
    for (let j0 = i0; j0 < n; j0 += BLOCK) {
      const j1 = Math.min(n, j0 + BLOCK);
      scoreBlock(x, cols, { i0, i1, j0, j1 }, consider);
    }
    work += (i1 - i0) * (n - i0) - ((i1 - i0) * (i1 - i0 - 1)) / 2;
    options.onProgress?.(Math.round((n * work) / totalWork), n);
    await pause();
  }
  return finish(x, cols, n, k, heapIndex);
}

/** Squared norms of the rows of `x`. */
function rowNorms(x: Float64Array, n: number, cols: number): Float64Array {
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let c = i * cols, end = c + cols; c < end; c++) s += x[c]! * x[c]!;
    norms[i] = s;
  }
  return norms;
}

/**
 * Scores every pair of rows i in [i0, i1), j in [j0, j1) (only j > i on the diagonal block,
 * i0 = j0), handing each pair's dot product to `consider`.
 */
function scoreBlock(
  x: Float64Array,
  cols: number,
  { i0, i1, j0, j1 }: { i0: number; i1: number; j0: number; j1: number },
  consider: (i: number, j: number, product: number) => void,
): void {
  const diagonal = j0 === i0;
  let i = i0;
  // Two rows by four columns at a time: each load feeds two or four products. On the
  // diagonal block only pairs with j > i count, so rows go one by one there.
  if (!diagonal)
    for (; i + 1 < i1; i += 2) {
      const a = i * cols;
      const a1 = a + cols;
      let j = j0;
      for (; j + 3 < j1; j += 4) {
        const b0 = j * cols;
        const b1 = b0 + cols;
        const b2 = b1 + cols;
        const b3 = b2 + cols;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let t0 = 0;
        let t1 = 0;
        let t2 = 0;
        let t3 = 0;
        for (let c = 0; c < cols; c++) {
          const u = x[a + c]!;
          const v = x[a1 + c]!;
          const w0 = x[b0 + c]!;
          const w1 = x[b1 + c]!;
          const w2 = x[b2 + c]!;
          const w3 = x[b3 + c]!;
          s0 += u * w0;
          s1 += u * w1;
          s2 += u * w2;
          s3 += u * w3;
          t0 += v * w0;
          t1 += v * w1;
          t2 += v * w2;
          t3 += v * w3;
        }
        consider(i, j, s0);
        consider(i, j + 1, s1);
        consider(i, j + 2, s2);
        consider(i, j + 3, s3);
        consider(i + 1, j, t0);
        consider(i + 1, j + 1, t1);
        consider(i + 1, j + 2, t2);
        consider(i + 1, j + 3, t3);
      }
      for (; j < j1; j++) {
        consider(i, j, dot(x, a, j * cols, cols));
        consider(i + 1, j, dot(x, a1, j * cols, cols));
      }
    }
  for (; i < i1; i++) {
    const a = i * cols;
    for (let j = diagonal ? i + 1 : j0; j < j1; j++) consider(i, j, dot(x, a, j * cols, cols));
  }
}

/**
 * The first `k` neighbours of each row of a wider result, so one `knn` run can serve UMAP
 * and HDBSCAN. Throws if `result` does not hold `rows` rows of at least `k` neighbours.
 */
export function firstNeighbours(result: KnnResult, rows: number, k: number): KnnResult {
  if (result.indices.length !== rows * result.k || result.distances.length !== rows * result.k)
    throw new RangeError(`precomputed neighbours must cover ${rows} rows of ${result.k}`);
  if (k > result.k)
    throw new RangeError(`precomputed neighbours have ${result.k} per row, ${k} are needed`);
  if (k === result.k) return result;
  const indices = new Int32Array(rows * k);
  const distances = new Float32Array(rows * k);
  for (let i = 0; i < rows; i++) {
    indices.set(result.indices.subarray(i * result.k, i * result.k + k), i * k);
    distances.set(result.distances.subarray(i * result.k, i * result.k + k), i * k);
  }
  return { indices, distances, k };
}

/** The data minus its column means, in float64: centering keeps the norm trick accurate. */
function centeredCopy({ rows, cols, data }: Matrix): Float64Array {
  const mean = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let c = 0; c < cols; c++) mean[c]! += data[i * cols + c]!;
  for (let c = 0; c < cols; c++) mean[c]! /= Math.max(1, rows);
  const x = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++)
    for (let c = 0; c < cols; c++) x[i * cols + c] = data[i * cols + c]! - mean[c]!;
  return x;
}

function dot(x: Float64Array, a: number, b: number, cols: number): number {
  let sum = 0;
  for (let c = 0; c < cols; c++) sum += x[a + c]! * x[b + c]!;
  return sum;
}

/** Replaces the root of the max-heap at `offset` and restores the heap order. */
function siftDown(
  index: Int32Array,
  distance: Float64Array,
  offset: number,
  size: number,
  item: number,
  d: number,
): void {
  let pos = 0;
  for (;;) {
    const left = 2 * pos + 1;
    if (left >= size) break;
    const right = left + 1;
    let child = left;
    if (right < size && distance[offset + right]! > distance[offset + left]!) child = right;
    if (distance[offset + child]! <= d) break;
    index[offset + pos] = index[offset + child]!;
    distance[offset + pos] = distance[offset + child]!;
    pos = child;
  }
  index[offset + pos] = item;
  distance[offset + pos] = d;
}

/** Re-measures the kept neighbours exactly and sorts each row by (distance, index). */
function finish(x: Float64Array, cols: number, n: number, k: number, heap: Int32Array): KnnResult {
  const indices = new Int32Array(n * k);
  const distances = new Float32Array(n * k);
  const order = new Array<number>(k);
  const exact = new Float64Array(n > 0 ? n : 0);
  for (let i = 0; i < n; i++) {
    for (let slot = 0; slot < k; slot++) {
      const j = heap[i * k + slot]!;
      let s = 0;
      for (let c = 0; c < cols; c++) {
        const diff = x[i * cols + c]! - x[j * cols + c]!;
        s += diff * diff;
      }
      exact[j] = Math.sqrt(s);
      order[slot] = j;
    }
    order.sort((p, q) => exact[p]! - exact[q]! || p - q);
    for (let slot = 0; slot < k; slot++) {
      indices[i * k + slot] = order[slot]!;
      distances[i * k + slot] = exact[order[slot]!]!;
    }
  }
  return { indices, distances, k };
}
