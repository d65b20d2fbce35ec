/**
 * Turns a chain of anchors into the full alignment: anchored stretches are copied along
 * their diagonal; DP runs only where the diagonal changes (reaching PAD bases into the
 * anchors on both sides, so an indel in a repeat can take its preferred placement), where
 * two anchors on one diagonal are separated by too many differences for the direct path to
 * be the best one, and at the two ends (where the reference may overhang freely). Windows
 * that would overlap, as around a short anchor between two indels, are merged into one.
 */
import type { AlignmentBuilder } from './alignment-builder';
import { alignWindow, type DpInputs } from './banded-dp';
import type { Chain } from './chain-anchors';
import { N } from './nuc-codes';
import {
  GAP_OPEN,
  GAP_OPEN_BESIDE_N,
  GAP_OPEN_IN_FRAME,
  GAP_OPEN_OUT_OF_FRAME,
  MATCH,
  MISMATCH,
} from './scoring';
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

/**
 * Whether the direct (ungapped) path between two anchors on one diagonal scores strictly
 * better than any gapped one, so DP over their window would return it. A gapped path that
 * starts and ends on the same diagonal has an insertion and a deletion of equal total
 * length a >= 1: it gives up a matched pair per inserted base and pays at least two gap
 * opens, so it scores at most MATCH * (length - 1) - 2 * cheapest open. The direct path
 * scores MATCH * length - (MATCH - MISMATCH) * mismatches (the anchors match exactly). The
 * cheapest open is looked up over all the window could reach: the stretch and `reach`
 * bases either side, GAP_OPEN_BESIDE_N if the query has an N there. Up to two mismatches
 * pass whatever the costs.
 */
function directPathIsBest(
  inputs: DpInputs,
  from: number,
  to: number,
  diagonal: number,
  reach: number,
): boolean {
  const { query, ref, gapOpen } = inputs;
  let mismatches = 0;
  for (let q = from; q < to; q += 1) if ((query[q]! & ref[q - diagonal]!) === 0) mismatches += 1;
  const beats = (cheapestOpen: number) =>
    (MATCH - MISMATCH) * mismatches < MATCH + 2 * cheapestOpen;
  if (beats(GAP_OPEN_BESIDE_N)) return true;
  if (!beats(Math.min(GAP_OPEN, GAP_OPEN_IN_FRAME, GAP_OPEN_OUT_OF_FRAME))) return false;
  const queryFrom = Math.max(0, from - reach);
  const queryTo = Math.min(query.length, to + reach);
  for (let q = queryFrom; q < queryTo; q += 1) if (query[q] === N) return false;
  let cheapest = Infinity;
  const refTo = Math.min(gapOpen.length, queryTo - diagonal + 1);
  for (let r = Math.max(0, queryFrom - diagonal); r < refTo; r += 1)
    if (gapOpen[r]! < cheapest) cheapest = gapOpen[r]!;
  return beats(cheapest);
}

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
    if (aDiagonal === bDiagonal && directPathIsBest(inputs, aEnd, bStart, aDiagonal, PAD + 1))
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
