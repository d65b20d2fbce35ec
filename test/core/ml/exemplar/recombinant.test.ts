import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../src/core/cluster/random';
import { detectRecombinant } from '../../../../src/core/ml/exemplar';
import { mutate, syntheticClades } from './clades';

const P = 300;
const set = syntheticClades(4, 12, P, 21, 4);
const row = (e: number): Uint8Array => set.codes.slice(e * P, (e + 1) * P);

describe('detectRecombinant', () => {
  it('finds a two-clade mosaic, its parents and its breakpoint', () => {
    const random = mulberry32(5);
    for (const [a, b, breakpoint] of [
      [1, 6, 120],
      [8, 3, 40],
      [13, 10, 260],
    ] as const) {
      const query = row(a);
      query.set(row(b).subarray(breakpoint), breakpoint);
      const call = detectRecombinant(set, mutate(query, 2, random));
      expect(call.recombinant).toBe(true);
      expect(call.mosaic!.parentA.label).toBe(set.labels[a]);
      expect(call.mosaic!.parentB.label).toBe(set.labels[b]);
      expect(call.mosaic!.saved).toBeGreaterThanOrEqual(3);
      // The breakpoint is only defined up to the sites where the parents agree: it lies
      // after the last site before it where they differ and at or before the first after.
      const differs = (p: number): boolean => set.codes[a * P + p] !== set.codes[b * P + p];
      let lo = breakpoint - 1;
      while (lo > 0 && !differs(lo)) lo--;
      let hi = breakpoint;
      while (hi < P - 1 && !differs(hi)) hi++;
      expect(call.mosaic!.breakpoint).toBeGreaterThanOrEqual(lo - 3);
      expect(call.mosaic!.breakpoint).toBeLessThanOrEqual(hi + 3);
    }
  });

  it('does not call a mutated member of one clade recombinant', () => {
    const random = mulberry32(8);
    for (const e of [0, 7, 30, 45]) {
      const call = detectRecombinant(set, mutate(row(e), 4, random));
      expect(call.recombinant).toBe(false);
      expect(call.best.label).toBe(set.labels[e]);
    }
  });

  it('weighs the evidence in each segment against the thresholds', () => {
    // The last 3 positions taken from another clade: 3 sites of evidence in segment B.
    const query = row(2);
    query.set(row(5).subarray(P - 3), P - 3);
    const call = detectRecombinant(set, query);
    expect(call.mosaic!.breakpoint).toBeGreaterThanOrEqual(P - 3);
    expect(call.recombinant).toBe(true);
    expect(detectRecombinant(set, query, { minSegmentMismatches: 4 }).recombinant).toBe(false);
    expect(detectRecombinant(set, query, { minSavedMismatches: 4 }).recombinant).toBe(false);
  });
});
