import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, chooseK } from '../../../src/core/cluster';
import { gaussianBlobs } from './blobs';

describe('chooseK', () => {
  const { matrix, labels } = gaussianBlobs(
    [
      [0, 0],
      [12, 0],
      [6, 10],
    ],
    40,
    1,
  );

  it('picks the number of blobs, with a score for every k', () => {
    const result = chooseK(matrix, [2, 6], { seed: 2 });
    expect(result.k).toBe(3);
    expect(result.scores.map((s) => s.k)).toEqual([2, 3, 4, 5, 6]);
    const best = Math.max(...result.scores.map((s) => s.silhouette));
    expect(result.scores[1]!.silhouette).toBe(best);
    expect(adjustedRandIndex(result.clustering.assignments, labels)).toBe(1);
  });

  it('is deterministic for a seed', () => {
    expect(chooseK(matrix, [2, 4], { seed: 5 })).toEqual(chooseK(matrix, [2, 4], { seed: 5 }));
  });

  it('rejects a range below 2 or past rows - 1', () => {
    expect(() => chooseK(matrix, [1, 3])).toThrow(RangeError);
    expect(() => chooseK(matrix, [200, 300])).toThrow(RangeError);
  });
});
