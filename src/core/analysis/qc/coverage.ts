/** Which reference positions a sequence covers, and its mutations at covered positions. */
import type { NucRange, SequenceCalls } from '../../../shared/analysis-types';

/** A mutation of the query at a covered position; `altCode` 45 ('-') for a deleted base. */
export interface QueryMutation {
  position: number;
  refNuc: string;
  altCode: number;
}

const DASH = '-'.charCodeAt(0);

/**
 * Positions the sequence does not cover, merged and sorted: outside the alignment, missing
 * (N) and ambiguous sites. Ambiguous sites are left out as Nextclade does for reversions:
 * whether they match the reference is unknown.
 */
export function uncoveredRanges(calls: SequenceCalls): NucRange[] {
  const ranges: NucRange[] = [
    { start: 1, end: calls.alignmentStart - 1 },
    // Open-ended: query calls past the last indexed position must not count as covered.
    { start: calls.alignmentEnd + 1, end: Number.MAX_SAFE_INTEGER },
    ...calls.missing,
    ...calls.ambiguous.map((site) => ({ start: site.position, end: site.position })),
  ].filter((range) => range.end >= range.start);
  ranges.sort((a, b) => a.start - b.start);
  const merged: NucRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end + 1) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

export function isCovered(position: number, uncovered: readonly NucRange[]): boolean {
  let low = 0;
  let high = uncovered.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = uncovered[middle]!;
    if (position < range.start) high = middle - 1;
    else if (position > range.end) low = middle + 1;
    else return false;
  }
  return true;
}

/** The query's substitutions and deleted positions at covered positions, sorted by position. */
export function queryMutations(calls: SequenceCalls, uncovered: NucRange[]): QueryMutation[] {
  const mutations: QueryMutation[] = [];
  for (const sub of calls.substitutions) {
    mutations.push({
      position: sub.position,
      refNuc: sub.refNuc,
      altCode: sub.queryNuc.charCodeAt(0),
    });
  }
  for (const deletion of calls.deletions) {
    for (let p = deletion.start; p < deletion.start + deletion.length; p += 1) {
      mutations.push({ position: p, refNuc: '', altCode: DASH });
    }
  }
  mutations.sort((a, b) => a.position - b.position);
  return mutations.filter(
    (m, i) => isCovered(m.position, uncovered) && mutations[i - 1]?.position !== m.position,
  );
}
