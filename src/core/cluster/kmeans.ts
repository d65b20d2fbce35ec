/** k-means (Lloyd) with k-means++ seeding; the best of several seeded restarts wins. */
import { assertMatrix, squaredDistance, type Matrix } from './matrix';
import { mulberry32, type Random } from './random';

export interface KmeansOptions {
  /** Seed of the k-means++ draws; the same seed gives the same result. Default 1. */
  seed?: number;
  /** Most Lloyd iterations per restart. Default 100. */
  maxIterations?: number;
  /** Independent k-means++ starts; the one with the lowest inertia is kept. Default 4. */
  restarts?: number;
}

export interface KmeansResult {
  /** Cluster of each row, 0..k-1. */
  assignments: Int32Array;
  /** k x cols, row-major. */
  centroids: Float32Array;
  /** Sum over rows of the squared Euclidean distance to their centroid. */
  inertia: number;
  /** Lloyd iterations the kept restart ran. */
  iterations: number;
}

/**
 * Partitions the rows of `matrix` into `k` clusters. Ties go to the lower cluster index.
 * A cluster left empty is re-seeded with the row farthest from its own centroid.
 */
export function kmeans(matrix: Matrix, k: number, options: KmeansOptions = {}): KmeansResult {
  assertMatrix(matrix);
  if (!Number.isInteger(k) || k < 1 || k > matrix.rows)
    throw new RangeError(`k must be an integer from 1 to rows = ${matrix.rows}, got ${k}`);
  const maxIterations = Math.max(1, options.maxIterations ?? 100);
  const restarts = Math.max(1, options.restarts ?? 4);
  const random = mulberry32(options.seed ?? 1);
  let best: KmeansResult | undefined;
  for (let r = 0; r < restarts; r++) {
    const run = lloyd(matrix, k, seedCentroids(matrix, k, random), maxIterations);
    if (best === undefined || run.inertia < best.inertia) best = run;
  }
  return best!;
}

/** k-means++: each next centroid is a row drawn with probability ∝ squared distance. */
function seedCentroids({ rows, cols, data }: Matrix, k: number, random: Random): Float64Array {
  const centroids = new Float64Array(k * cols);
  const nearest = new Float64Array(rows).fill(Infinity);
  let chosen = Math.floor(random() * rows);
  for (let c = 0; c < k; c++) {
    if (c > 0) {
      let total = 0;
      for (let i = 0; i < rows; i++) total += nearest[i]!;
      if (total > 0) {
        let target = random() * total;
        chosen = -1;
        for (let i = 0; i < rows && chosen < 0; i++) {
          if (nearest[i]! > 0 && (target -= nearest[i]!) < 0) chosen = i;
        }
        // Rounding can leave target a hair above 0: take the last row with weight.
        if (chosen < 0) for (let i = rows - 1; chosen < 0; i--) if (nearest[i]! > 0) chosen = i;
      } else {
        chosen = Math.floor(random() * rows); // all rows coincide with a centroid already
      }
    }
    for (let j = 0; j < cols; j++) centroids[c * cols + j] = data[chosen * cols + j]!;
    for (let i = 0; i < rows; i++) {
      const d = squaredDistance(data, i * cols, centroids, c * cols, cols);
      if (d < nearest[i]!) nearest[i] = d;
    }
  }
  return centroids;
}

function lloyd(matrix: Matrix, k: number, centroids: Float64Array, maxIterations: number) {
  const { rows, cols, data } = matrix;
  const assignments = new Int32Array(rows).fill(-1);
  const distances = new Float64Array(rows);
  const assign = (): number => {
    let changed = 0;
    for (let i = 0; i < rows; i++) {
      let bestCluster = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < k; c++) {
        const d = squaredDistance(data, i * cols, centroids, c * cols, cols);
        if (d < bestDistance) {
          bestDistance = d;
          bestCluster = c;
        }
      }
      if (assignments[i] !== bestCluster) changed++;
      assignments[i] = bestCluster;
      distances[i] = bestDistance;
    }
    return changed;
  };

  const counts = new Int32Array(k);
  const update = (): void => {
    counts.fill(0);
    for (let i = 0; i < rows; i++) counts[assignments[i]!]!++;
    for (let c = 0; c < k; c++) {
      if (counts[c]! > 0) continue;
      // Re-seed an empty cluster with the farthest row that does not leave its cluster empty.
      let farthest = -1;
      for (let i = 0; i < rows; i++)
        if (counts[assignments[i]!]! > 1 && (farthest < 0 || distances[i]! > distances[farthest]!))
          farthest = i;
      if (farthest < 0) break; // fewer rows than clusters cannot happen (k <= rows)
      counts[assignments[farthest]!]!--;
      assignments[farthest] = c;
      distances[farthest] = 0;
      counts[c] = 1;
    }
    centroids.fill(0);
    for (let i = 0; i < rows; i++) {
      const c = assignments[i]!;
      for (let j = 0; j < cols; j++) centroids[c * cols + j]! += data[i * cols + j]!;
    }
    for (let c = 0; c < k; c++)
      for (let j = 0; j < cols; j++) centroids[c * cols + j]! /= counts[c]!;
  };

  assign();
  let iterations = 0;
  while (iterations < maxIterations) {
    update();
    iterations++;
    if (assign() === 0) break;
  }
  let inertia = 0;
  for (let i = 0; i < rows; i++) inertia += distances[i]!;
  return { assignments, centroids: Float32Array.from(centroids), inertia, iterations };
}
