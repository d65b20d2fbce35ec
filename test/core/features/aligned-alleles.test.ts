import { describe, expect, it } from 'vitest';
import {
  alignedAlleleFeaturizerConfigSchema,
  alignedAlleleFeatures,
  alleleDimension,
  selectVaryingPositions,
} from '../../../src/core/features/aligned-alleles';

const config = (positions: number[], includeGap = false) =>
  alignedAlleleFeaturizerConfigSchema.parse({
    kind: 'aligned-alleles',
    referenceLength: 8,
    positions,
    includeGap,
  });

describe('aligned-allele features', () => {
  it('one-hot encodes A, C, G, T at each position, in config order', () => {
    const rows = alignedAlleleFeatures(config([1, 2, 8]), ['ACGTACGT', 'tgcatgca']);
    expect(alleleDimension(config([1, 2, 8]))).toBe(12);
    // prettier-ignore
    expect([...rows]).toEqual([
      1, 0, 0, 0,  0, 1, 0, 0,  0, 0, 0, 1,
      0, 0, 0, 1,  0, 0, 1, 0,  1, 0, 0, 0,
    ]);
  });

  it('leaves N, ambiguity codes and uncovered bases all zero', () => {
    const rows = alignedAlleleFeatures(config([1, 2, 3]), ['NRY-ACGT']);
    expect([...rows]).toEqual(new Array(12).fill(0));
  });

  it('puts a deletion in the gap column only when includeGap', () => {
    const gap = config([2, 4], true);
    expect(alleleDimension(gap)).toBe(10);
    expect([...alignedAlleleFeatures(gap, ['A-GTACGT'])]).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 1, 0]);
    expect([...alignedAlleleFeatures(config([2]), ['A-GTACGT'])]).toEqual([0, 0, 0, 0]);
  });

  it('refuses a sequence not of the reference length, naming the row', () => {
    expect(() => alignedAlleleFeatures(config([1]), ['ACGTACGT', 'ACGT'])).toThrow(
      'aligned sequence 1 has length 4, expected the reference length 8',
    );
  });

  it('refuses positions out of range or out of order', () => {
    const parse = (positions: number[]) =>
      alignedAlleleFeaturizerConfigSchema.safeParse({
        kind: 'aligned-alleles',
        referenceLength: 8,
        positions,
      });
    expect(parse([9]).error?.issues[0]?.message).toBe('position 9 is past the reference length 8');
    expect(parse([3, 3]).error?.issues[0]?.message).toMatch(/strictly increasing: 3 follows 3/);
    expect(parse([0]).success).toBe(false);
    expect(parse([2, 5]).data?.includeGap).toBe(false);
  });
});

describe('selectVaryingPositions', () => {
  // Position 2: A x3, G x1. Position 4: C x2, T x2. Position 6: only N and R differ. Position 8:
  // a deletion in one sequence.
  const sequences = ['AAACAAAA', 'AGACANAA', 'AAATAAAA', 'AAATARA-'];

  it('keeps positions where the second allele reaches minMinorCount, ascending', () => {
    expect(selectVaryingPositions(sequences)).toEqual([2, 4]);
    expect(selectVaryingPositions(sequences, { minMinorCount: 2 })).toEqual([4]);
    expect(selectVaryingPositions(sequences, { includeGap: true })).toEqual([2, 4, 8]);
  });

  it('keeps the highest minor counts when capped, leftmost on ties', () => {
    expect(selectVaryingPositions(sequences, { maxPositions: 1 })).toEqual([4]);
    const tied = ['ACGT', 'CAAT', 'AACG'];
    expect(selectVaryingPositions(tied, { maxPositions: 2 })).toEqual([1, 2]);
  });

  it('refuses sequences of different lengths and bad options', () => {
    expect(() => selectVaryingPositions(['ACGT', 'ACG'])).toThrow(/sequence 1 has length 3/);
    expect(() => selectVaryingPositions(sequences, { minMinorCount: 0 })).toThrow(RangeError);
    expect(selectVaryingPositions([])).toEqual([]);
  });
});
