/**
 * Banded affine-gap DP (Gotoh) over one window of the alignment, with position-dependent
 * gap-open costs and free extension. Rows are reference positions, columns query positions.
 * Ties go to the 5'-most placement of a gap (traceback prefers the diagonal) or, with
 * `preferRight`, to the 3'-most. The traceback writes into the alignment builder.
 */
import { addInsertedBase, type AlignmentBuilder } from './alignment-builder';
import { GAP, N } from './nuc-codes';
import { GAP_OPEN_BESIDE_N, MATCH, MISMATCH } from './scoring';

export interface DpWindow {
  /** 0-based half-open reference and query ranges. */
  refStart: number;
  refEnd: number;
  queryStart: number;
  queryEnd: number;
  /** The path may start at any reference row (leading end) / end at any row (trailing end). */
  freeRefStart: boolean;
  freeRefEnd: boolean;
  /** Diagonals (query - ref, in window coordinates) the path is expected to visit. */
  bandLow: number;
  bandHigh: number;
}

/** Extra diagonals either side of the band spanned by the window's corners. */
const BAND_MARGIN = 12;
/** A window beyond this many cells is refused (the sequence is too divergent to align). */
const MAX_CELLS = 16_000_000;
const NEG = -1_000_000_000;
const FROM_MATCH = 0;
const FROM_DELETION = 1;
const FROM_INSERTION = 2;
const FROM_START = 3;

let trace = new Uint8Array(1 << 16);
let scratch = new Int32Array(1 << 12);
let nearNBuffer = new Uint8Array(1 << 12);

export interface DpInputs {
  ref: Uint8Array;
  query: Uint8Array;
  gapOpen: Int32Array;
  preferRight: boolean;
}

/** Aligns the window and writes the path into `out`; false if the window is too large. */
export function alignWindow(inputs: DpInputs, window: DpWindow, out: AlignmentBuilder): boolean {
  const { ref, query, gapOpen, preferRight } = inputs;
  const { refStart: rs, queryStart: qs, freeRefStart, freeRefEnd } = window;
  const rows = window.refEnd - rs;
  const cols = window.queryEnd - qs;
  const cornerDiagonal = cols - rows;
  const dLow = Math.min(0, cornerDiagonal, window.bandLow) - BAND_MARGIN;
  const dHigh = Math.max(0, cornerDiagonal, window.bandHigh) + BAND_MARGIN;
  const width = Math.min(cols, dHigh - dLow) + 1;
  if ((rows + 1) * width > MAX_CELLS) return false;
  if (trace.length < (rows + 1) * width) trace = new Uint8Array((rows + 1) * width * 2);
  if (scratch.length < 4 * (cols + 3) + (rows + 1))
    scratch = new Int32Array((4 * (cols + 3) + rows + 1) * 2);
  // Four score rows (H and D, previous and current), indexed by column + 1, and row offsets.
  const stride = cols + 3;
  let prevH = scratch.subarray(0, stride);
  let prevD = scratch.subarray(stride, 2 * stride);
  let curH = scratch.subarray(2 * stride, 3 * stride);
  let curD = scratch.subarray(3 * stride, 4 * stride);
  const rowLow = scratch.subarray(4 * stride, 4 * stride + rows + 1);
  // A gap touching an N in the query is cheap: there it cannot contradict the data. A
  // deletion at column j opens beside query[j-1] or query[j]; an insertion of query[j-1]
  // also beside query[j-2].
  if (nearNBuffer.length < 2 * (cols + 2)) nearNBuffer = new Uint8Array(4 * (cols + 2));
  const nearN = nearNBuffer.subarray(0, cols + 1);
  const insertionNearN = nearNBuffer.subarray(cols + 1, 2 * (cols + 1));
  for (let j = 0; j <= cols; j += 1)
    nearN[j] = query[qs + j - 1] === N || query[qs + j] === N ? 1 : 0;
  for (let j = 1; j <= cols; j += 1) insertionNearN[j] = nearN[j]! | nearN[j - 1]!;

  let bestRow = -1;
  let bestScore = NEG;
  for (let i = 0; i <= rows; i += 1) {
    const low = Math.max(0, i + dLow);
    const high = Math.min(cols, i + dHigh);
    rowLow[i] = low;
    const rowOffset = i * width - low;
    const refMask = i > 0 ? ref[rs + i - 1]! : 0;
    const deletionOpen = i > 0 ? gapOpen[rs + i - 1]! : 0;
    const insertionOpen = gapOpen[rs + i]!;
    // Cells just outside the band read as unreachable (the arrays hold older rows).
    curH[low] = NEG;
    curD[low] = NEG;
    curH[high + 2] = NEG;
    curD[high + 2] = NEG;
    let insertion = NEG;
    let j = low;
    if (i === 0 || j === 0) {
      // The first row and column: no match (and in row 0 no deletion) reaches them.
      const last = i === 0 ? high : 0;
      for (; j <= last; j += 1) {
        let deletion = NEG;
        let deletionExtends = 0;
        if (i > 0) {
          const open = prevH[j + 1]! - (nearN[j] === 1 ? GAP_OPEN_BESIDE_N : deletionOpen);
          const extend = prevD[j + 1]!;
          deletionExtends = extend >= open ? 1 : 0;
          deletion = deletionExtends ? extend : open;
        }
        let insertionExtends = 0;
        if (j > 0) {
          const open = curH[j]! - (insertionNearN[j] === 1 ? GAP_OPEN_BESIDE_N : insertionOpen);
          insertionExtends = insertion >= open ? 1 : 0;
          insertion = insertionExtends ? insertion : open;
        }
        let h = NEG;
        let from = FROM_MATCH;
        if (j === 0 && (i === 0 || freeRefStart)) {
          h = 0;
          from = FROM_START;
        } else if (preferRight) {
          if (deletion >= NEG && deletion >= insertion) {
            h = deletion;
            from = FROM_DELETION;
          } else if (insertion >= NEG) {
            h = insertion;
            from = FROM_INSERTION;
          }
        } else if (deletion > NEG || insertion > NEG) {
          h = deletion >= insertion ? deletion : insertion;
          from = deletion >= insertion ? FROM_DELETION : FROM_INSERTION;
        }
        curH[j + 1] = h;
        curD[j + 1] = deletion;
        trace[rowOffset + j] = from | (deletionExtends << 2) | (insertionExtends << 3);
      }
    }
    // Inner cells (i, j >= 1).
    for (; j <= high; j += 1) {
      const deletionOpenHere = prevH[j + 1]! - (nearN[j] === 1 ? GAP_OPEN_BESIDE_N : deletionOpen);
      const deletionExtend = prevD[j + 1]!;
      const deletionExtends = deletionExtend >= deletionOpenHere ? 1 : 0;
      const deletion = deletionExtends ? deletionExtend : deletionOpenHere;
      const match = prevH[j]! + ((refMask & query[qs + j - 1]!) !== 0 ? MATCH : MISMATCH);
      const insertionOpenHere =
        curH[j]! - (insertionNearN[j] === 1 ? GAP_OPEN_BESIDE_N : insertionOpen);
      const insertionExtends = insertion >= insertionOpenHere ? 1 : 0;
      if (!insertionExtends) insertion = insertionOpenHere;
      let h = match;
      let from = FROM_MATCH;
      if (preferRight) {
        if (deletion >= match && deletion >= insertion) {
          h = deletion;
          from = FROM_DELETION;
        } else if (insertion >= match) {
          h = insertion;
          from = FROM_INSERTION;
        }
      } else if (deletion > match || insertion > match) {
        h = deletion >= insertion ? deletion : insertion;
        from = deletion >= insertion ? FROM_DELETION : FROM_INSERTION;
      }
      curH[j + 1] = h;
      curD[j + 1] = deletion;
      trace[rowOffset + j] = from | (deletionExtends << 2) | (insertionExtends << 3);
    }
    if (high === cols && (freeRefEnd || i === rows) && curH[cols + 1]! > bestScore) {
      bestScore = curH[cols + 1]!;
      bestRow = i;
    }
    [prevH, curH] = [curH, prevH];
    [prevD, curD] = [curD, prevD];
  }
  if (bestRow < 0) return false;
  traceBack(inputs, window, width, rowLow, bestRow, cols, out);
  return true;
}

function traceBack(
  inputs: DpInputs,
  window: DpWindow,
  width: number,
  rowLow: Int32Array,
  endRow: number,
  endCol: number,
  out: AlignmentBuilder,
): void {
  const { query } = inputs;
  const { refStart: rs, queryStart: qs } = window;
  const aligned = out.aligned;
  let i = endRow;
  let j = endCol;
  let state = FROM_MATCH; // 0 here means "in H"
  while (i > 0 || j > 0) {
    const cell = trace[i * width + j - rowLow[i]!]!;
    if (state === FROM_MATCH) {
      const from = cell & 3;
      if (from === FROM_START) break;
      if (from === FROM_MATCH) {
        aligned[rs + i - 1] = query[qs + j - 1]!;
        i -= 1;
        j -= 1;
      } else state = from;
    } else if (state === FROM_DELETION) {
      aligned[rs + i - 1] = GAP;
      if (((cell >> 2) & 1) === 0) state = FROM_MATCH;
      i -= 1;
    } else {
      addInsertedBase(out, rs + i, qs + j - 1);
      if (((cell >> 3) & 1) === 0) state = FROM_MATCH;
      j -= 1;
    }
  }
}
