/**
 * Turns a chain of anchors into the full alignment: anchored stretches are copied along
 * their diagonal; DP runs only where the diagonal changes (reaching PAD bases into the
 * anchors on both sides, so an indel in a repeat can take its preferred placement), where
 * two anchors on one diagonal are separated by more than a couple of differences, and at
 * the two ends (where the reference may overhang freely). Windows that would overlap, as
 * around a short anchor between two indels, are merged into one.
 */
import type { AlignmentBuilder } from './alignment-builder';
import { alignWindow, type DpInputs } from './banded-dp';
import type { Chain } from './chain-anchors';
import type { Anchors } from './seed-anchors';

/**
 * How far a DP window reaches into the anchors on either side of a junction: PAD, plus the
 * indel length up to MAX_EXTRA_PAD (an indel in a tandem repeat, such as RSV's 72-nt G
 * duplication, can sit one repeat unit away from where the anchors break).
 */
const PAD = 32;
const MAX_EXTRA_PAD = 128;
/** Extra reference allowed beyond the query at a free end. */
const END_MARGIN = 32;
/**
 * Query bases beyond the first or last anchor that are aligned at all: a longer unanchored
 * end (a chimera, foreign sequence) is left out, like a soft clip, and its reference
 * stretch counts as uncovered.
 */
const MAX_UNANCHORED_END = 150;
/** With up to this many mismatches between two anchors on one diagonal, no gapped path scores better. */
const DIRECT_MISMATCHES = 2;

/** A DP window in query coordinates, with the diagonals (query - ref) at its two corners. */
interface Span {
  queryStart: number;
  queryEnd: number;
  startDiagonal: number;
  endDiagonal: number;
  minDiagonal: number;
  maxDiagonal: number;
  freeRefStart: boolean;
  freeRefEnd: boolean;
}

function mismatchesOnDiagonal(
  inputs: DpInputs,
  from: number,
  to: number,
  diagonal: number,
): number {
  const { query, ref } = inputs;
  let count = 0;
  for (let q = from; q < to; q += 1) if ((query[q]! & ref[q - diagonal]!) === 0) count += 1;
  return count;
}

/** Adds a span, merging it into the previous one when they would overlap. */
function pushSpan(spans: Span[], span: Span): void {
  const last = spans[spans.length - 1];
  if (!last || span.queryStart >= last.queryEnd) {
    spans.push(span);
    return;
  }
  last.queryEnd = span.queryEnd;
  last.endDiagonal = span.endDiagonal;
  last.minDiagonal = Math.min(last.minDiagonal, span.minDiagonal);
  last.maxDiagonal = Math.max(last.maxDiagonal, span.maxDiagonal);
  last.freeRefEnd = span.freeRefEnd;
}

function collectSpans(
  inputs: DpInputs,
  anchors: Anchors,
  chain: Chain,
  from: number,
  to: number,
): Span[] {
  const { queryStart, refStart, length } = anchors;
  const members = chain.members;
  const spans: Span[] = [];
  const first = members[0]!;
  const firstDiagonal = queryStart[first]! - refStart[first]!;
  if (queryStart[first]! > from) {
    const queryEnd = Math.min(queryStart[first]! + length[first]!, queryStart[first]! + PAD);
    pushSpan(spans, {
      queryStart: Math.max(from, queryStart[first]! - MAX_UNANCHORED_END),
      queryEnd,
      startDiagonal: firstDiagonal,
      endDiagonal: firstDiagonal,
      minDiagonal: firstDiagonal,
      maxDiagonal: firstDiagonal,
      freeRefStart: true,
      freeRefEnd: false,
    });
  }
  for (let m = 1; m < members.length; m += 1) {
    const a = members[m - 1]!;
    const b = members[m]!;
    const aDiagonal = queryStart[a]! - refStart[a]!;
    const bDiagonal = queryStart[b]! - refStart[b]!;
    const aEnd = queryStart[a]! + length[a]!;
    const bStart = queryStart[b]!;
    if (
      aDiagonal === bDiagonal &&
      mismatchesOnDiagonal(inputs, aEnd, bStart, aDiagonal) <= DIRECT_MISMATCHES
    )
      continue;
    const aRefEnd = refStart[a]! + length[a]!;
    const pad = PAD + Math.min(MAX_EXTRA_PAD, Math.abs(aDiagonal - bDiagonal));
    pushSpan(spans, {
      queryStart: Math.max(queryStart[a]!, Math.min(aEnd, bStart, refStart[b]! + aDiagonal) - pad),
      queryEnd: Math.min(bStart + length[b]!, Math.max(bStart, aEnd, aRefEnd + bDiagonal) + pad),
      startDiagonal: aDiagonal,
      endDiagonal: bDiagonal,
      minDiagonal: Math.min(aDiagonal, bDiagonal),
      maxDiagonal: Math.max(aDiagonal, bDiagonal),
      freeRefStart: false,
      freeRefEnd: false,
    });
  }
  const last = members[members.length - 1]!;
  const lastEnd = queryStart[last]! + length[last]!;
  const lastDiagonal = lastEnd - (refStart[last]! + length[last]!);
  if (lastEnd < to)
    pushSpan(spans, {
      queryStart: Math.max(queryStart[last]!, lastEnd - PAD),
      queryEnd: Math.min(to, lastEnd + MAX_UNANCHORED_END),
      startDiagonal: lastDiagonal,
      endDiagonal: lastDiagonal,
      minDiagonal: lastDiagonal,
      maxDiagonal: lastDiagonal,
      freeRefStart: false,
      freeRefEnd: true,
    });
  return spans;
}

function copyDiagonal(
  inputs: DpInputs,
  out: AlignmentBuilder,
  from: number,
  to: number,
  diagonal: number,
): void {
  const { query } = inputs;
  const aligned = out.aligned;
  for (let q = from; q < to; q += 1) aligned[q - diagonal] = query[q]!;
}

/**
 * Aligns query[from, to) along the chain into `out`.
 * @returns false when a DP window would be too large (too divergent to align)
 */
export function buildAlignment(
  inputs: DpInputs,
  anchors: Anchors,
  chain: Chain,
  from: number,
  to: number,
  out: AlignmentBuilder,
): boolean {
  const refLength = inputs.ref.length;
  const first = chain.members[0]!;
  let cursor = anchors.queryStart[first]!;
  let diagonal = cursor - anchors.refStart[first]!;
  for (const span of collectSpans(inputs, anchors, chain, from, to)) {
    if (!span.freeRefStart) copyDiagonal(inputs, out, cursor, span.queryStart, diagonal);
    // A free end may overhang the reference by END_MARGIN beyond its anchor's diagonal.
    const refStart = span.freeRefStart
      ? Math.max(0, span.queryStart - span.startDiagonal - END_MARGIN)
      : span.queryStart - span.startDiagonal;
    const refEnd = span.freeRefEnd
      ? Math.min(refLength, span.queryEnd - span.endDiagonal + END_MARGIN)
      : span.queryEnd - span.endDiagonal;
    // Anchor diagonal d lies on window diagonal d - (queryStart - refStart).
    const shift = span.queryStart - refStart;
    const window = {
      refStart,
      refEnd,
      queryStart: span.queryStart,
      queryEnd: span.queryEnd,
      freeRefStart: span.freeRefStart,
      freeRefEnd: span.freeRefEnd,
      bandLow: span.minDiagonal - shift,
      bandHigh: span.maxDiagonal - shift,
    };
    if (!alignWindow(inputs, window, out)) return false;
    cursor = span.queryEnd;
    diagonal = span.endDiagonal;
  }
  const last = chain.members[chain.members.length - 1]!;
  copyDiagonal(
    inputs,
    out,
    cursor,
    Math.min(to, anchors.queryStart[last]! + anchors.length[last]!),
    diagonal,
  );
  return true;
}
