import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, kmeans } from '../../../src/core/cluster';
import { gaussianBlobs } from './blobs';

const centers = [
  [0, 0, 0],
  [10, 10, 0],
  [-10, 10, 5],
];

describe('kmeans', () => {
  it('separates three well-separated blobs exactly', () => {
    const { matrix, labels } = gaussianBlobs(centers, 60, 1);
    const result = kmeans(matrix, 3, { seed: 3 });
    expect(adjustedRandIndex(result.assignments, labels)).toBe(1);
    expect(result.iterations).toBeGreaterThanOrEqual(1);
    // Each centroid sits near one true center.
    for (const center of centers) {
      const nearest = Math.min(
        ...[0, 1, 2].map((c) =>
          Math.hypot(...center.map((x, j) => x - result.centroids[c * 3 + j]!)),
        ),
      );
      expect(nearest).toBeLessThan(0.5);
    }
  });

  it('reports inertia as the sum of squared distances to the assigned centroid', () => {
    const { matrix } = gaussianBlobs(centers, 20, 2, 11);
    const { assignments, centroids, inertia } = kmeans(matrix, 3);
    let expected = 0;
    for (let i = 0; i < matrix.rows; i++)
      for (let j = 0; j < 3; j++)
        expected += (matrix.data[i * 3 + j]! - centroids[assignments[i]! * 3 + j]!) ** 2;
    expect(inertia).toBeCloseTo(expected, 2);
  });

  it('is deterministic for a seed', () => {
    const { matrix } = gaussianBlobs(centers, 30, 4, 5);
    expect(kmeans(matrix, 4, { seed: 9 })).toEqual(kmeans(matrix, 4, { seed: 9 }));
  });

  it('gives every row its own cluster when k equals the row count', () => {
    const data = Float32Array.from([0, 0, 1, 0, 0, 1, 5, 5]);
    const result = kmeans({ rows: 4, cols: 2, data }, 4);
    expect(new Set(result.assignments).size).toBe(4);
    expect(result.inertia).toBe(0);
  });

  it('stays finite when rows coincide and clusters would be empty', () => {
    const data = Float32Array.from([1, 1, 1, 1, 1, 1, 1, 1, 2, 2]);
    const result = kmeans({ rows: 5, cols: 2, data }, 3, { restarts: 2 });
    expect(result.centroids.every(Number.isFinite)).toBe(true);
    expect(result.inertia).toBe(0);
  });

  it('rejects k outside 1..rows', () => {
    const matrix = { rows: 2, cols: 1, data: Float32Array.from([0, 1]) };
    expect(() => kmeans(matrix, 3)).toThrow(RangeError);
    expect(() => kmeans(matrix, 0)).toThrow(RangeError);
  });
});
