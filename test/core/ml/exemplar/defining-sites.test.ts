import { describe, expect, it } from 'vitest';
import {
  cladeDefiningSites,
  definingSiteWeights,
  encodeAlleleCodes,
} from '../../../../src/core/ml/exemplar';

describe('cladeDefiningSites', () => {
  // Position 0: clade 0 has A, clade 1 has G (defining). Position 1: everyone C.
  // Position 2: a private T in one genome of clade 0 (not defining). Position 3: clade 1
  // split half and half (no dominant allele) while clade 0 has A: not defining.
  const { codes } = encodeAlleleCodes(['ACAA', 'ACTA', 'ACAA', 'GCAA', 'GCAC', 'GNAA', 'GCAC']);
  const labels = Int32Array.from([0, 0, 0, 1, 1, 1, 1]);
  const all = Int32Array.from([0, 1, 2, 3, 4, 5, 6]);

  it('marks positions where clades are dominated by different alleles', () => {
    expect(Array.from(cladeDefiningSites(codes, 4, labels, 2, all))).toEqual([1, 0, 0, 0]);
  });

  it('learns only from the rows given, and counts known rows only', () => {
    // Without clade 1's rows nothing differs between clades.
    expect(Array.from(cladeDefiningSites(codes, 4, labels, 2, [0, 1, 2]))).toEqual([0, 0, 0, 0]);
    // At a dominance of 0.5, clade 1's split position 3 counts as dominated by its first allele.
    expect(Array.from(cladeDefiningSites(codes, 4, labels, 2, all, { dominance: 0.5 }))).toEqual([
      1, 0, 0, 0,
    ]);
  });

  it('turns defining sites into weights', () => {
    expect(Array.from(definingSiteWeights(Uint8Array.from([1, 0, 1]), 5))).toEqual([5, 1, 5]);
    expect(Array.from(definingSiteWeights(Uint8Array.from([1]), 1000))).toEqual([255]);
  });
});
