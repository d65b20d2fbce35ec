import { describe, expect, it } from 'vitest';
import {
  adjustedRandIndex,
  normalizedMutualInformation,
  silhouette,
} from '../../../src/core/cluster';
import { gaussianBlobs } from './blobs';

describe('adjusted Rand index', () => {
  it('is 1 for identical and for relabelled partitions', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], [0, 0, 1, 1, 2])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
    expect(adjustedRandIndex(['a', 'a', 'b'], Int32Array.from([7, 7, 3]))).toBe(1);
  });

  it('matches the scikit-learn documented values', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714, 9);
    expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(0.5714285714, 9);
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 9);
  });

  it('rejects labelings of different lengths', () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow(RangeError);
  });
});

describe('normalized mutual information', () => {
  it('is 1 for identical and for relabelled partitions', () => {
    expect(normalizedMutualInformation([0, 0, 1, 1], [0, 0, 1, 1])).toBeCloseTo(1, 12);
    expect(normalizedMutualInformation(['x', 'x', 'y', 'y'], [1, 1, 0, 0])).toBeCloseTo(1, 12);
  });

  it('uses the arithmetic mean of the entropies, as scikit-learn', () => {
    // MI = ln 2, H(a) = ln 2, H(b) = 1.5 ln 2: NMI = ln 2 / (1.25 ln 2) = 0.8.
    expect(normalizedMutualInformation([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.8, 12);
    expect(normalizedMutualInformation([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    expect(normalizedMutualInformation([0, 0, 1, 1], [0, 1, 0, 1])).toBe(0);
  });
});

describe('silhouette', () => {
  it('is close to 1 for two distant pairs', () => {
    const data = Float32Array.from([0, 0, 0, 1, 100, 0, 100, 1]);
    // Each point: a = 1, b = (100 + sqrt(100² + 1)) / 2.
    const b = (100 + Math.sqrt(100 ** 2 + 1)) / 2;
    const score = silhouette({ rows: 4, cols: 2, data }, [0, 0, 1, 1]);
    expect(score).toBeCloseTo(1 - 1 / b, 6);
  });

  it('scores a singleton as 0 and a wrong split as negative', () => {
    const data = Float32Array.from([0, 1, 10]);
    // Row 0: a = 1, b = 10 -> 0.9; row 1: a = 1, b = 9 -> 8/9; row 2: singleton 0.
    expect(silhouette({ rows: 3, cols: 1, data }, ['p', 'p', 'q'])).toBeCloseTo(
      (0.9 + 8 / 9) / 3,
      6,
    );
    const pairs = Float32Array.from([0, 0, 0, 1, 100, 0, 100, 1]);
    // Pairs split across the gap: a = 100, b = (1 + sqrt(100² + 1)) / 2 for every point.
    const b = (1 + Math.sqrt(100 ** 2 + 1)) / 2;
    expect(silhouette({ rows: 4, cols: 2, data: pairs }, [0, 1, 0, 1])).toBeCloseTo(
      (b - 100) / 100,
      6,
    );
  });

  it('estimates on a seeded sample above the sample size', () => {
    const { matrix, labels } = gaussianBlobs(
      [
        [0, 0],
        [8, 0],
        [0, 8],
      ],
      100,
      1,
    );
    const exact = silhouette(matrix, labels);
    const sampled = silhouette(matrix, labels, { sampleSize: 120, seed: 4 });
    expect(sampled).not.toBe(exact);
    expect(sampled).toBeCloseTo(exact, 1);
    expect(silhouette(matrix, labels, { sampleSize: 120, seed: 4 })).toBe(sampled);
  });

  it('needs at least two clusters', () => {
    const data = Float32Array.from([0, 1, 2]);
    expect(() => silhouette({ rows: 3, cols: 1, data }, [0, 0, 0])).toThrow(RangeError);
  });
});
