import { describe, expect, it } from 'vitest';
import type { ClassifyBatchResult } from '../../../src/core/classify/classify-batch';
import {
  joinWindowResults,
  windowProbabilities,
} from '../../../src/core/classify/window-results';

/** A worker result of `rows` rows whose values start at `first` (2 features per row). */
function part(rows: number, first: number): ClassifyBatchResult {
  const ints = (): Int32Array => Int32Array.from({ length: rows }, (_, i) => first + i);
  return {
    features: Float32Array.from({ length: rows * 2 }, (_, i) => first * 2 + i),
    alignmentFailures: Array.from({ length: rows }, (_, i) => (i === 0 ? `row ${first}` : null)),
    nearest: ints(),
    nearestDistance: ints(),
    parentA: ints(),
    parentB: ints(),
    breakpoint: ints(),
    placements: Array.from({ length: rows }, () => null),
  };
}

describe('window results', () => {
  const parts = [part(3, 0), part(1, 3), part(2, 4)];

  it('joins the per-row fields of the parts in order', () => {
    const joined = joinWindowResults(parts);
    expect(Array.from(joined.nearest)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(joined.breakpoint)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(joined.alignmentFailures).toEqual(['row 0', null, null, 'row 3', 'row 4', null]);
    expect(joined).not.toHaveProperty('features');
  });

  it('runs the model once per part and returns the rows in order', async () => {
    const runs: number[] = [];
    // A "model" with one output per row: the sum of the row's two features.
    const probabilities = await windowProbabilities(parts, async (features, rows) => {
      runs.push(rows);
      return Float32Array.from({ length: rows }, (_, r) => features[2 * r]! + features[2 * r + 1]!);
    });
    expect(runs).toEqual([3, 1, 2]);
    expect(Array.from(probabilities)).toEqual([1, 5, 9, 13, 17, 21]);
  });

  it('keeps double precision when the model returns it', async () => {
    const probabilities = await windowProbabilities(parts, async (_, rows) =>
      new Float64Array(rows).fill(1 / 3),
    );
    expect(probabilities).toBeInstanceOf(Float64Array);
    expect(probabilities[5]).toBe(1 / 3);
  });
});
