/**
 * Aligned alleles as small integer codes, one per reference position: 0 = unknown (N or any
 * ambiguity), 1..4 = A, C, G, T, 5 = gap. The one-hot form has `width` columns per position
 * (A, C, G, T and, when gaps count as an allele, a fifth gap column); an unknown base is all
 * zeros, and so is a gap when there is no gap column.
 */
import type { Matrix } from '../../cluster/matrix';

export const UNKNOWN = 0;
export const GAP = 5;

/** 4 (A, C, G, T) or 5 (with a gap column). */
export type AlleleWidth = 4 | 5;

const codeOfChar = new Uint8Array(128);
for (const [chars, code] of [
  ['Aa', 1],
  ['Cc', 2],
  ['Gg', 3],
  ['TtUu', 4],
  ['-', GAP],
] as const)
  for (const ch of chars) codeOfChar[ch.charCodeAt(0)] = code;

/** Codes of aligned sequences (all the same length = positions), row-major rows x positions. */
export function encodeAlleleCodes(aligned: readonly string[]): {
  codes: Uint8Array;
  rows: number;
  positions: number;
} {
  const positions = aligned[0]?.length ?? 0;
  const codes = new Uint8Array(aligned.length * positions);
  aligned.forEach((sequence, row) => {
    if (sequence.length !== positions)
      throw new RangeError(
        `aligned sequence ${row} has ${sequence.length} positions, expected ${positions}`,
      );
    for (let p = 0; p < positions; p++) {
      const ch = sequence.charCodeAt(p);
      codes[row * positions + p] = ch < 128 ? codeOfChar[ch]! : UNKNOWN;
    }
  });
  return { codes, rows: aligned.length, positions };
}

/** Whether a code counts as a known allele under `width` (a gap only with a gap column). */
export function isKnown(code: number, width: AlleleWidth): boolean {
  return code !== UNKNOWN && (code !== GAP || width === 5);
}

/** One-hot matrix (rows x positions*width) of allele codes. */
export function oneHotAlleles(
  codes: Uint8Array,
  rows: number,
  positions: number,
  width: AlleleWidth,
): Matrix {
  const cols = positions * width;
  const data = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++)
    for (let p = 0; p < positions; p++) {
      const code = codes[r * positions + p]!;
      if (isKnown(code, width)) data[r * cols + p * width + code - 1] = 1;
    }
  return { rows, cols, data };
}

/** Allele codes back from a one-hot matrix (all-zero positions are unknown). */
export function codesFromOneHot(matrix: Matrix, width: AlleleWidth): Uint8Array {
  const positions = matrix.cols / width;
  if (!Number.isInteger(positions))
    throw new RangeError(`${matrix.cols} one-hot columns are not a multiple of ${width}`);
  const codes = new Uint8Array(matrix.rows * positions);
  for (let r = 0; r < matrix.rows; r++)
    for (let p = 0; p < positions; p++)
      for (let a = 0; a < width; a++)
        if (matrix.data[r * matrix.cols + p * width + a]! > 0.5) codes[r * positions + p] = a + 1;
  return codes;
}
