import { describe, expect, it } from 'vitest';

import { mulberry32 } from '../../../../src/core/cluster/random';
import { fitStandardization } from '../../../../src/core/ml/linear/standardize';
import {
  allocateBatch,
  assembleBatch,
  classWeightsFor,
  dropoutMask,
  stratifiedSplit,
} from '../../../../src/core/ml/linear/training-data';

describe('stratifiedSplit', () => {
  it('holds out the fraction of every class and keeps singletons for training', () => {
    const labels = Int32Array.from([...Array(40).fill(0), ...Array(10).fill(1), 2]);
    const { train, validation } = stratifiedSplit(labels, 3, 0.2, mulberry32(1));
    const count = (rows: Int32Array, label: number) =>
      rows.filter((r) => labels[r] === label).length;
    expect([0, 1, 2].map((c) => count(validation, c))).toEqual([8, 2, 0]);
    expect([...train, ...validation].sort((a, b) => a - b)).toEqual([...labels.keys()]);
    const again = stratifiedSplit(labels, 3, 0.2, mulberry32(1));
    expect(again.validation).toEqual(validation);
  });
});

describe('classWeightsFor', () => {
  it('weights classes by inverse frequency over the training rows', () => {
    const labels = Int32Array.from([0, 0, 0, 1, 2, 2]);
    const weights = classWeightsFor('balanced', labels, Int32Array.from([0, 1, 2, 3]), 3);
    // Rows 0..3: three of class 0, one of class 1, none of class 2.
    expect(Array.from(weights)).toEqual([4 / 9, 4 / 3, 1]);
    expect(() => classWeightsFor([1, 0, 1], labels, Int32Array.from([0]), 3)).toThrow(/positive/);
  });
});

describe('fitStandardization', () => {
  it('centers and scales the chosen rows, leaving constant columns unscaled', () => {
    const data = Float32Array.from([1, 5, 100, 3, 5, -100, 1000, 1000, 1000]);
    const { mean, scale } = fitStandardization({ rows: 3, cols: 3, data }, [0, 1]);
    expect(Array.from(mean)).toEqual([2, 5, 0]);
    expect(Array.from(scale)).toEqual([1, 1, Math.fround(1 / 100)]);
  });

  it('refuses features with NaN', () => {
    const data = Float32Array.from([1, NaN, 2, 3]);
    expect(() => fitStandardization({ rows: 2, cols: 2, data })).toThrow(/column 1 contains NaN/);
  });
});

describe('assembleBatch and dropoutMask', () => {
  it('gathers rows, one-hot targets and row weights', () => {
    const matrix = { rows: 3, cols: 2, data: Float32Array.from([1, 2, 3, 4, 5, 6]) };
    const batch = assembleBatch(
      matrix,
      Int32Array.from([1, 0, 1]),
      2,
      Float64Array.from([1, 3]),
      Int32Array.from([2, 1]),
    );
    expect(Array.from(batch.features)).toEqual([5, 6, 3, 4]);
    expect(Array.from(batch.targets)).toEqual([0, 1, 1, 0]);
    expect(Array.from(batch.sampleWeight)).toEqual([3, 1]);
  });

  it('reuses scratch space without leaking the previous batch', () => {
    const matrix = { rows: 3, cols: 2, data: Float32Array.from([1, 2, 3, 4, 5, 6]) };
    const labels = Int32Array.from([1, 0, 1]);
    const weights = Float64Array.from([1, 1]);
    const scratch = allocateBatch(2, 2, 2);
    assembleBatch(matrix, labels, 2, weights, Int32Array.from([0, 2]), scratch);
    const batch = assembleBatch(matrix, labels, 2, weights, Int32Array.from([1]), scratch);
    expect(batch.size).toBe(1);
    expect(Array.from(batch.features)).toEqual([3, 4]);
    expect(Array.from(batch.targets)).toEqual([1, 0]);
    expect(() =>
      assembleBatch(matrix, labels, 2, weights, Int32Array.from([0, 1, 2]), scratch),
    ).toThrow(/too small/);
  });

  it('drops about p of the units and scales the rest by 1/(1-p)', () => {
    const mask = dropoutMask(10_000, 0.25, mulberry32(3));
    const dropped = mask.filter((m) => m === 0).length;
    expect(dropped).toBeGreaterThan(2300);
    expect(dropped).toBeLessThan(2700);
    expect(new Set(mask)).toEqual(new Set([0, Math.fround(4 / 3)]));
  });
});
