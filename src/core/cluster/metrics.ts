/** Cluster quality (silhouette) and agreement between two labelings (ARI, NMI). */
import { assertMatrix, type Matrix } from './matrix';
import { mulberry32, sampleIndices } from './random';

/** Cluster labels: numbers, or strings (each distinct string is one cluster). */
export type Labels = ArrayLike<number> | ArrayLike<string>;

export const SILHOUETTE_SAMPLE_SIZE = 5_000;

export interface SilhouetteOptions {
  /** Rows above which the score is estimated on a sample of this many rows. Default 5,000. */
  sampleSize?: number;
  /** Seed of the row sample. Default 1. */
  seed?: number;
}

/** Pairwise Euclidean distances among a fixed set of rows, reusable across labelings. */
export interface SilhouetteRows {
  /** Indices of the rows scored, increasing. */
  rows: Int32Array;
  /** Condensed upper triangle: distance(i, j) for i < j of `rows`, row by row. */
  distances: Float32Array;
}

/**
 * The rows a silhouette is scored on and their distances: every row when rows <= sampleSize,
 * else a seeded uniform sample of `sampleSize` rows. Memory is sampleSize² / 2 floats
 * (50 MB at 5,000); time is O(sampleSize² x cols).
 */
export function prepareSilhouette(matrix: Matrix, options: SilhouetteOptions = {}): SilhouetteRows {
  assertMatrix(matrix);
  const { rows: n, cols, data } = matrix;
  const sampleSize = options.sampleSize ?? SILHOUETTE_SAMPLE_SIZE;
  const rows =
    n <= sampleSize
      ? Int32Array.from({ length: n }, (_, i) => i)
      : sampleIndices(n, sampleSize, mulberry32(options.seed ?? 1));
  const m = rows.length;
  const distances = new Float32Array((m * (m - 1)) / 2);
  let p = 0;
  for (let a = 0; a < m; a++) {
    const rowA = data.subarray(rows[a]! * cols, (rows[a]! + 1) * cols);
    for (let b = a + 1; b < m; b++)
      distances[p++] = Math.sqrt(rowDistance(rowA, data, rows[b]! * cols));
  }
  return { rows, distances };
}

/** Squared distance of `row` to `data[offset..+row.length)`; four sums for throughput. */
function rowDistance(row: Float32Array, data: Float32Array, offset: number): number {
  const cols = row.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < cols; j += 4) {
    const d0 = row[j]! - data[offset + j]!;
    const d1 = row[j + 1]! - data[offset + j + 1]!;
    const d2 = row[j + 2]! - data[offset + j + 2]!;
    const d3 = row[j + 3]! - data[offset + j + 3]!;
    s0 += d0 * d0;
    s1 += d1 * d1;
    s2 += d2 * d2;
    s3 += d3 * d3;
  }
  for (; j < cols; j++) s0 += (row[j]! - data[offset + j]!) ** 2;
  return s0 + s1 + s2 + s3;
}

/**
 * Mean silhouette coefficient, Euclidean, as scikit-learn's `silhouette_score`: a row in a
 * singleton cluster scores 0. Exact for up to 5,000 rows (`sampleSize`); above that it is
 * the exact mean over a seeded uniform sample of 5,000 rows, distances taken within the
 * sample only (as scikit-learn's `sample_size`). Needs 2..rows-1 distinct labels among the
 * rows scored; throws a RangeError otherwise.
 */
export function silhouette(
  matrix: Matrix,
  assignments: Labels,
  options: SilhouetteOptions = {},
): number {
  if (assignments.length !== matrix.rows)
    throw new RangeError(`${assignments.length} labels for ${matrix.rows} rows`);
  return silhouetteOfRows(prepareSilhouette(matrix, options), assignments);
}

/** Mean silhouette of `assignments` (one per matrix row) on prepared rows. */
export function silhouetteOfRows({ rows, distances }: SilhouetteRows, assignments: Labels): number {
  const m = rows.length;
  const { codes, count: clusters } = encodeLabels(Array.from(rows, (i) => assignments[i]!));
  if (clusters < 2 || clusters > m - 1)
    throw new RangeError(`silhouette needs 2 to ${m - 1} clusters, got ${clusters}`);
  const sizes = new Int32Array(clusters);
  for (const c of codes) sizes[c]!++;
  // sums[a * clusters + c]: total distance from row a to the rows of cluster c.
  const sums = new Float64Array(m * clusters);
  let p = 0;
  for (let a = 0; a < m; a++) {
    const ca = codes[a]!;
    for (let b = a + 1; b < m; b++) {
      const d = distances[p++]!;
      sums[a * clusters + codes[b]!]! += d;
      sums[b * clusters + ca]! += d;
    }
  }
  let total = 0;
  for (let a = 0; a < m; a++) {
    const own = codes[a]!;
    if (sizes[own]! === 1) continue; // singleton: 0
    const within = sums[a * clusters + own]! / (sizes[own]! - 1);
    let nearest = Infinity;
    for (let c = 0; c < clusters; c++)
      if (c !== own) nearest = Math.min(nearest, sums[a * clusters + c]! / sizes[c]!);
    const spread = Math.max(within, nearest);
    if (spread > 0) total += (nearest - within) / spread;
  }
  return total / m;
}

/** Adjusted Rand index of two labelings of the same items (1 = identical partitions). */
export function adjustedRandIndex(a: Labels, b: Labels): number {
  const { table, rowSums, colSums, n } = contingency(a, b);
  const pairs = (x: number): number => (x * (x - 1)) / 2;
  let index = 0;
  for (const x of table) index += pairs(x);
  let sumA = 0;
  for (const x of rowSums) sumA += pairs(x);
  let sumB = 0;
  for (const x of colSums) sumB += pairs(x);
  const expected = n > 1 ? (sumA * sumB) / pairs(n) : 0;
  const max = (sumA + sumB) / 2;
  // Both labelings trivial (one cluster each, or all singletons): scikit-learn returns 1.
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

/**
 * Normalized mutual information with arithmetic-mean normalization, MI / ((H(a) + H(b)) / 2),
 * as scikit-learn's default. Two single-cluster labelings score 1.
 */
export function normalizedMutualInformation(a: Labels, b: Labels): number {
  const { table, rowSums, colSums, n } = contingency(a, b);
  if (rowSums.length === colSums.length && rowSums.length <= 1) return 1;
  const entropy = (sums: Float64Array): number => {
    let h = 0;
    for (const x of sums) if (x > 0) h -= (x / n) * Math.log(x / n);
    return h;
  };
  let mi = 0;
  const width = colSums.length;
  for (let r = 0; r < rowSums.length; r++)
    for (let c = 0; c < width; c++) {
      const x = table[r * width + c]!;
      if (x > 0) mi += (x / n) * Math.log((n * x) / (rowSums[r]! * colSums[c]!));
    }
  if (mi <= 0) return 0;
  return Math.min(1, mi / ((entropy(rowSums) + entropy(colSums)) / 2));
}

function contingency(a: Labels, b: Labels) {
  if (a.length !== b.length)
    throw new RangeError(`labelings differ in length: ${a.length} vs ${b.length}`);
  const left = encodeLabels(a);
  const right = encodeLabels(b);
  const table = new Float64Array(left.count * right.count);
  const rowSums = new Float64Array(left.count);
  const colSums = new Float64Array(right.count);
  for (let i = 0; i < a.length; i++) {
    const r = left.codes[i]!;
    const c = right.codes[i]!;
    table[r * right.count + c]!++;
    rowSums[r]!++;
    colSums[c]!++;
  }
  return { table, rowSums, colSums, n: a.length };
}

/** Labels as dense codes 0..count-1, in order of first appearance. */
export function encodeLabels(labels: ArrayLike<number | string>): {
  codes: Int32Array;
  count: number;
} {
  const ids = new Map<number | string, number>();
  const codes = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    let id = ids.get(label);
    if (id === undefined) ids.set(label, (id = ids.size));
    codes[i] = id;
  }
  return { codes, count: ids.size };
}
