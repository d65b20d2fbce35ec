import { describe, expect, it } from 'vitest';
import { mutationsOfAligned } from '../../../../src/core/ml/training';

describe('mutationsOfAligned', () => {
  it('lists substitutions and inner deletions, not N or the uncovered ends', () => {
    // Ends 1-2 are uncovered ('-'), 5 is substituted, 7 unknown, 8 deleted.
    expect(mutationsOfAligned('--GTTCN-AC', 'ACGTACGTAC')).toBe('A5T T8-');
  });
});
