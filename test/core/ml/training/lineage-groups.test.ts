import { describe, expect, it } from 'vitest';
import { encodeAlleleCodes } from '../../../../src/core/ml/exemplar';
import {
  nearIdenticalGroups,
  pangoParentGroup,
  pangoSubtreeGroup,
} from '../../../../src/core/ml/training';
import { groupKFold } from '../../../../src/core/ml/validation';

describe('pangoParentGroup', () => {
  it('holds a lineage out with its siblings', () => {
    expect(pangoParentGroup('BA.5.2.1')).toBe('BA.5.2');
    expect(pangoParentGroup('BA.5.2.3')).toBe('BA.5.2');
    expect(pangoParentGroup('XBB.1.5')).toBe('XBB.1');
    expect(pangoParentGroup('XBB')).toBe('XBB');
    expect(pangoParentGroup('B')).toBe('B');
  });
});

describe('pangoSubtreeGroup', () => {
  it('holds a lineage out with its descendants and close relatives', () => {
    expect(pangoSubtreeGroup('BA.5.2.1')).toBe('BA.5.2');
    expect(pangoSubtreeGroup('BA.5.2.1.7')).toBe('BA.5.2');
    expect(pangoSubtreeGroup('BA.5.2')).toBe('BA.5.2');
    expect(pangoSubtreeGroup('BA.5')).toBe('BA.5');
    expect(pangoSubtreeGroup('B.1.1.7', 2)).toBe('B.1');
  });
});

describe('nearIdenticalGroups', () => {
  it('joins genomes of one label within the radius, never across labels', () => {
    const { codes, positions } = encodeAlleleCodes([
      'ACGTACGTAC',
      'ACGTACGTAA', // 1 mismatch from row 0
      'ACGTNNNNAC', // unknown bases do not count
      'TTTTACGTAC', // 4 mismatches: a group of its own
      'ACGTACGTAC', // identical to row 0 but another label
    ]);
    const groups = nearIdenticalGroups(codes, positions, [0, 0, 0, 0, 1], 1);
    expect(groups[1]).toBe(groups[0]);
    expect(groups[2]).toBe(groups[0]);
    expect(groups[3]).not.toBe(groups[0]);
    expect(groups[4]).not.toBe(groups[0]);
    // Group k-fold on these groups keeps each group in one test fold.
    const folds = groupKFold(groups, 2);
    for (const fold of folds) {
      const tested = new Set(Array.from(fold.test, (row) => groups[row]));
      for (const row of fold.train) expect(tested.has(groups[row]!)).toBe(false);
    }
  });
});
