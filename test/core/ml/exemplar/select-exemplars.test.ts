import { describe, expect, it } from 'vitest';
import { mismatchCount, selectExemplars, subsetExemplars } from '../../../../src/core/ml/exemplar';
import { syntheticClades } from './clades';

describe('selectExemplars', () => {
  const set = syntheticClades(3, 20, 80, 2, 6);

  it('keeps at most N per class, deterministically, in ascending order', () => {
    const chosen = selectExemplars(set, 5);
    expect(chosen).toEqual(selectExemplars(set, 5));
    expect(Array.from(chosen)).toEqual([...chosen].sort((a, b) => a - b));
    const perClass = [0, 0, 0];
    for (const e of chosen) perClass[set.labels[e]!]!++;
    expect(perClass).toEqual([5, 5, 5]);
  });

  it('keeps identical sequences once', () => {
    const doubled = subsetExemplars(set, [0, 3, 0, 3, 6]);
    expect(Array.from(selectExemplars(doubled, 10))).toEqual([0, 1, 4]);
  });

  it('picks an outlier of a class before near-duplicates', () => {
    // Class 0 rows of `set`, plus one row of class 1's sequence relabeled as class 0.
    const rows = [0, 3, 6, 9, 12, 1];
    const subset = subsetExemplars(set, rows);
    const labels = Int32Array.from([0, 0, 0, 0, 0, 0]);
    const chosen = selectExemplars({ ...subset, labels, nClasses: 1 }, 2);
    expect(chosen).toContain(5);
    expect(mismatchCount(subset.codes, 80, 0, 5, 5)).toBeGreaterThan(20);
  });
});
