/**
 * A few bases stranded at an end of the alignment by a deletion (left over from a ragged
 * end or an N run) say little about where they belong: they are dropped, and the end
 * counts as uncovered, rather than calling a deletion on their word.
 */
import type { AlignmentBuilder } from './alignment-builder';
import { GAP, NONE } from './nuc-codes';

/** Terminal stretches shorter than this, cut off by a deletion, are dropped. */
const MIN_TERMINAL_BASES = 10;

function dropInsertionsIn(out: AlignmentBuilder, from: number, to: number): void {
  for (let i = out.insertionAfter.length - 1; i >= 0; i -= 1) {
    const after = out.insertionAfter[i]!;
    if (after < from || after > to) continue;
    out.insertionAfter.splice(i, 1);
    out.insertionQueryStart.splice(i, 1);
    out.insertionLength.splice(i, 1);
  }
}

export function clipStrandedEnds(out: AlignmentBuilder): void {
  const aligned = out.aligned;
  const length = aligned.length;
  for (;;) {
    let start = 0;
    while (start < length && aligned[start] === NONE) start += 1;
    let p = start;
    while (
      p < length &&
      p - start < MIN_TERMINAL_BASES &&
      aligned[p] !== GAP &&
      aligned[p] !== NONE
    )
      p += 1;
    if (p - start >= MIN_TERMINAL_BASES || p >= length || aligned[p] !== GAP) break;
    while (p < length && aligned[p] === GAP) p += 1;
    aligned.fill(NONE, start, p);
    dropInsertionsIn(out, 0, p);
  }
  for (;;) {
    let end = length;
    while (end > 0 && aligned[end - 1] === NONE) end -= 1;
    let p = end;
    while (
      p > 0 &&
      end - p < MIN_TERMINAL_BASES &&
      aligned[p - 1] !== GAP &&
      aligned[p - 1] !== NONE
    )
      p -= 1;
    if (end - p >= MIN_TERMINAL_BASES || p <= 0 || aligned[p - 1] !== GAP) break;
    while (p > 0 && aligned[p - 1] === GAP) p -= 1;
    aligned.fill(NONE, p, end);
    dropInsertionsIn(out, p, length);
  }
}
