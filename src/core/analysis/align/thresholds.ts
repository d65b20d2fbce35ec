/** When a sequence counts as not aligning to the reference at all. */
import type { NucleotideCalls } from './call-nucleotides';

/** Share of the query's A/C/G/T bases that must lie in chained exact-seed anchors. */
export const MIN_ANCHORED_FRACTION = 0.1;
/** Share of aligned A/C/G/T positions that must match the reference. */
export const MIN_IDENTITY = 0.7;

/** Share of aligned A/C/G/T positions (within the covered range) that match the reference. */
export function alignmentIdentity(calls: NucleotideCalls): number {
  let uncompared = calls.ambiguous.length;
  for (const m of calls.missing)
    uncompared += Math.max(
      0,
      Math.min(m.end, calls.alignmentEnd) - Math.max(m.start, calls.alignmentStart) + 1,
    );
  for (const d of calls.deletions) uncompared += d.length;
  const compared = calls.alignmentEnd - calls.alignmentStart + 1 - uncompared;
  return compared <= 0 ? 0 : 1 - calls.substitutions.length / compared;
}
