import { describe, expect, it } from 'vitest';
import { findSnpClusters } from '../../../../src/core/analysis/qc/snp-clusters';

const ranges = (positions: number[], window: number, cutOff: number) =>
  findSnpClusters(positions, window, cutOff).map((c) => [c.start, c.end, c.substitutionCount]);

describe('findSnpClusters', () => {
  // Nextclade's own cases for its released rule: window 10, cut-off 2.
  it('matches Nextclade on its test cases', () => {
    expect(ranges([], 10, 2)).toEqual([]);
    expect(ranges([100, 200, 300], 10, 2)).toEqual([]);
    expect(ranges([100, 105, 109], 10, 2)).toEqual([[100, 109, 3]]);
    expect(ranges([100, 105, 109, 500, 503, 506, 509], 10, 2)).toEqual([
      [100, 109, 3],
      [500, 509, 4],
    ]);
    expect(ranges([4, 12], 5, 0)).toEqual([
      [4, 4, 1],
      [12, 12, 1],
    ]);
  });

  it('needs more than the cut-off within the window (SARS-CoV-2: 7 in 100 bases)', () => {
    const six = [1000, 1010, 1020, 1030, 1040, 1050];
    expect(ranges(six, 100, 6)).toEqual([]);
    expect(ranges([...six, 1100], 100, 6)).toEqual([[1000, 1100, 7]]);
    // The first one is 101 bases back: out of the window.
    expect(ranges([...six, 1101], 100, 6)).toEqual([]);
  });

  it('extends a cluster while the window stays over the cut-off', () => {
    const dense = Array.from({ length: 12 }, (_, i) => 2000 + i * 5);
    expect(ranges(dense, 100, 6)).toEqual([[2000, 2055, 12]]);
  });
});
