/**
 * Clade-defining sites: positions where classes differ in their dominant allele. A class
 * dominates a position when one allele holds at least `dominance` of its rows known there;
 * a position is defining when two classes are dominated by different alleles. Mismatches
 * there say which clade a genome belongs to; elsewhere they are mostly private mutations.
 */
import { isKnown, type AlleleWidth } from './allele-codes';

export interface DefiningSiteOptions {
  /** Share of a class's known rows one allele needs to dominate it (default 0.9). */
  dominance?: number;
  width?: AlleleWidth;
}

/**
 * @param codes allele codes, rows x positions
 * @param rows the rows to learn from (a training fold)
 * @returns 1 at each defining position, else 0
 */
export function cladeDefiningSites(
  codes: Uint8Array,
  positions: number,
  labels: ArrayLike<number>,
  numClasses: number,
  rows: ArrayLike<number>,
  options: DefiningSiteOptions = {},
): Uint8Array {
  const dominance = options.dominance ?? 0.9;
  const width = options.width ?? 4;
  const alleles = width + 1;
  // counts[(class * positions + p) * alleles + code]
  const counts = new Uint32Array(numClasses * positions * alleles);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const base = labels[row]! * positions * alleles;
    for (let p = 0; p < positions; p++) {
      const code = codes[row * positions + p]!;
      if (isKnown(code, width)) counts[base + p * alleles + code]! += 1;
    }
  }
  const defining = new Uint8Array(positions);
  for (let p = 0; p < positions; p++) {
    let seen = 0; // the first dominant allele met, 0 while none
    for (let c = 0; c < numClasses && !defining[p]; c++) {
      const start = (c * positions + p) * alleles;
      let known = 0;
      let best = 0;
      let bestCount = 0;
      for (let code = 1; code < alleles; code++) {
        const n = counts[start + code]!;
        known += n;
        if (n > bestCount) [best, bestCount] = [code, n];
      }
      if (known === 0 || bestCount < dominance * known) continue;
      if (seen === 0) seen = best;
      else if (best !== seen) defining[p] = 1;
    }
  }
  return defining;
}

/** Site weights from defining sites: `weight` there, 1 elsewhere. */
export function definingSiteWeights(defining: Uint8Array, weight: number): Uint8Array {
  const w = Math.max(1, Math.min(255, Math.round(weight)));
  return Uint8Array.from(defining, (d) => (d ? w : 1));
}
