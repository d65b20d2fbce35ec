/** Nucleotide calls from the alignment in reference coordinates. */
import type {
  AmbiguousSite,
  NucDeletion,
  NucInsertion,
  NucRange,
  NucSubstitution,
} from '../../../shared/analysis-types';
import type { AlignmentBuilder } from './alignment-builder';
import { CHAR_OF_MASK, CODE_OF_MASK, GAP, N, NONE } from './nuc-codes';

export interface NucleotideCalls {
  alignmentStart: number;
  alignmentEnd: number;
  substitutions: NucSubstitution[];
  deletions: NucDeletion[];
  insertions: NucInsertion[];
  missing: NucRange[];
  ambiguous: AmbiguousSite[];
}

/**
 * @param ref reference masks; `refText` the same sequence as letters
 * @param query the (oriented) query masks the insertions point into
 */
/**
 * A deletion that can slide (over identical bases) up to an N run could sit anywhere in
 * that run: its place is unknown, so its positions are reported as missing instead of as a
 * deletion somewhere arbitrary.
 */
function maskDeletionsBesideN(aligned: Uint8Array, ref: Uint8Array): void {
  const length = aligned.length;
  for (let start = 0; start < length; start += 1) {
    if (aligned[start] !== GAP) continue;
    let end = start;
    while (end < length && aligned[end] === GAP) end += 1;
    let right = end;
    while (right < length && aligned[right] === ref[right - end + start] && aligned[right] !== N)
      right += 1;
    let left = start - 1;
    while (left >= 0 && aligned[left] === ref[left - start + end] && aligned[left] !== N) left -= 1;
    if (aligned[right] === N || aligned[left] === N) aligned.fill(N, start, end);
    start = end;
  }
}

export function callNucleotides(
  alignment: AlignmentBuilder,
  ref: Uint8Array,
  refText: string,
  query: Uint8Array,
): NucleotideCalls {
  const aligned = alignment.aligned;
  maskDeletionsBesideN(aligned, ref);
  const length = aligned.length;
  const substitutions: NucSubstitution[] = [];
  const deletions: NucDeletion[] = [];
  const missing: NucRange[] = [];
  const ambiguous: AmbiguousSite[] = [];
  let first = 0;
  while (first < length && aligned[first] === NONE) first += 1;
  let last = length - 1;
  while (last >= 0 && aligned[last] === NONE) last -= 1;
  for (let p = 0; p < length; p += 1) {
    const mask = aligned[p]!;
    if (mask === ref[p]) continue;
    if (mask === GAP) {
      let end = p + 1;
      while (end < length && aligned[end] === GAP) end += 1;
      deletions.push({ start: p + 1, length: end - p });
      p = end - 1;
    } else if (mask === N || mask === NONE) {
      let end = p + 1;
      while (end < length && (aligned[end] === N || aligned[end] === NONE)) end += 1;
      missing.push({ start: p + 1, end });
      p = end - 1;
    } else if (CODE_OF_MASK[mask]! >= 0) {
      // A base that fits an ambiguous reference letter is no substitution.
      if ((mask & ref[p]!) === 0 || CODE_OF_MASK[ref[p]!]! >= 0)
        substitutions.push({ position: p + 1, refNuc: refText[p]!, queryNuc: CHAR_OF_MASK[mask]! });
    } else ambiguous.push({ position: p + 1, code: CHAR_OF_MASK[mask]! });
  }
  const alignmentStart = first + 1;
  const alignmentEnd = last + 1;
  const order = alignment.insertionAfter
    .map((_, i) => i)
    .sort((a, b) => alignment.insertionAfter[a]! - alignment.insertionAfter[b]!);
  const insertions = order.map((i) => {
    const start = alignment.insertionQueryStart[i]!;
    let bases = '';
    for (let q = start; q < start + alignment.insertionLength[i]!; q += 1)
      bases += CHAR_OF_MASK[query[q]!];
    return { position: alignment.insertionAfter[i]!, bases };
  });
  return { alignmentStart, alignmentEnd, substitutions, deletions, insertions, missing, ambiguous };
}
