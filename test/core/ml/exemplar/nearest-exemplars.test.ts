import { describe, expect, it } from 'vitest';
import {
  encodeAlleleCodes,
  exemplarDistances,
  oneHotAlleles,
  predictNearestExemplars,
  type ExemplarSet,
} from '../../../../src/core/ml/exemplar';
import { syntheticClades } from './clades';

describe('allele codes', () => {
  it('encodes A/C/G/T/gap and reads anything else as unknown', () => {
    const { codes } = encodeAlleleCodes(['ACGT-NRu']);
    expect(Array.from(codes)).toEqual([1, 2, 3, 4, 5, 0, 0, 4]);
    const withGap = oneHotAlleles(codes.subarray(4, 6), 1, 2, 5);
    expect(Array.from(withGap.data)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(oneHotAlleles(codes.subarray(4, 6), 1, 2, 4).data)).toEqual(
      new Array(8).fill(0),
    );
  });
});

describe('exemplarDistances', () => {
  const exemplars = encodeAlleleCodes(['ACGTA', 'ACNTT', 'A-GTA']);
  const set = (width: 4 | 5): ExemplarSet => ({
    positions: 5,
    codes: exemplars.codes,
    labels: Int32Array.from([0, 1, 0]),
    nClasses: 2,
    width,
  });

  it('counts mismatches only where both sequences are known', () => {
    const query = encodeAlleleCodes(['NCGTT']).codes;
    expect(Array.from(exemplarDistances(set(5), query, false))).toEqual([1, 0, 2]);
    // Without a gap column a gap is unknown.
    expect(Array.from(exemplarDistances(set(4), query, false))).toEqual([1, 0, 1]);
  });

  it('weighs a mismatch at a clade-defining site by its weight', () => {
    const query = encodeAlleleCodes(['NCGTT']).codes;
    const weighted = { ...set(5), siteWeights: Uint8Array.from([1, 1, 1, 1, 4]) };
    // Exemplar 0 differs at the last site only, exemplar 2 there and at the gap.
    expect(Array.from(exemplarDistances(weighted, query, false))).toEqual([4, 0, 5]);
    expect(exemplarDistances(weighted, query, true)[0]).toBeCloseTo(4 / 7, 6);
  });

  it('normalizes by the positions known in both', () => {
    const query = encodeAlleleCodes(['NCGTT']).codes;
    const d = exemplarDistances(set(5), query, true);
    expect(d[0]).toBeCloseTo(1 / 4, 6);
    expect(d[1]).toBe(0);
    expect(d[2]).toBeCloseTo(2 / 4, 6);
  });
});

describe('predictNearestExemplars', () => {
  it('assigns members of synthetic clades to their clade with their own record first', () => {
    const set = syntheticClades(4, 10, 120, 3);
    const rows = [0, 5, 17, 38];
    const queries = oneHotAlleles(
      Uint8Array.from(rows.flatMap((e) => Array.from(set.codes.subarray(e * 120, (e + 1) * 120)))),
      rows.length,
      120,
      5,
    );
    const prediction = predictNearestExemplars(set, queries, { k: 3 });
    rows.forEach((e, r) => {
      expect(prediction.nearestIndex[r * 3]).toBe(e);
      expect(prediction.nearestDistance[r * 3]).toBe(0);
      const p = prediction.probabilities.subarray(r * 4, (r + 1) * 4);
      expect(p.indexOf(Math.max(...p))).toBe(set.labels[e]);
    });
  });
});
