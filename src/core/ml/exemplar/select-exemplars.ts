/**
 * Choosing exemplars: at most N per class, deterministic. Within a class, identical allele
 * vectors are kept once, then a farthest-point traversal picks sequences that cover the
 * class's diversity: start from the most complete sequence (fewest unknown positions), then
 * repeatedly take the one with the most mismatches to its nearest pick. Cost is
 * O(class size x N x positions) per class.
 */
import { InvalidInputError } from '../../errors';
import { isKnown, type AlleleWidth } from './allele-codes';
import type { ExemplarSet } from './exemplar-set';

/** N-aware mismatches between rows `a` and `b` of a codes matrix. */
export function mismatchCount(
  codes: Uint8Array,
  positions: number,
  a: number,
  b: number,
  width: AlleleWidth,
): number {
  let mismatches = 0;
  for (let p = 0; p < positions; p++) {
    const x = codes[a * positions + p]!;
    const y = codes[b * positions + p]!;
    if (x !== y && isKnown(x, width) && isKnown(y, width)) mismatches++;
  }
  return mismatches;
}

function distinctRows(codes: Uint8Array, positions: number, rows: number[]): number[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = Buffer.from(codes.subarray(row * positions, (row + 1) * positions)).toString(
      'latin1',
    );
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function farthestPoints(set: ExemplarSet, rows: number[], count: number): number[] {
  const { codes, positions, width } = set;
  const unknown = rows.map((row) => {
    let n = 0;
    for (let p = 0; p < positions; p++) if (!isKnown(codes[row * positions + p]!, width)) n++;
    return n;
  });
  let first = 0;
  for (let i = 1; i < rows.length; i++) if (unknown[i]! < unknown[first]!) first = i;
  const picked = [rows[first]!];
  const nearest = rows.map((row) => mismatchCount(codes, positions, row, rows[first]!, width));
  nearest[first] = -1;
  while (picked.length < count) {
    let far = -1;
    for (let i = 0; i < rows.length; i++) if (nearest[i]! > (far < 0 ? -1 : nearest[far]!)) far = i;
    if (far < 0) break;
    picked.push(rows[far]!);
    nearest[far] = -1;
    for (let i = 0; i < rows.length; i++)
      if (nearest[i]! >= 0)
        nearest[i] = Math.min(
          nearest[i]!,
          mismatchCount(codes, positions, rows[i]!, rows[far]!, width),
        );
  }
  return picked;
}

/** Row indices (ascending) of at most `maxPerClass` exemplars per class of `set`. */
export function selectExemplars(set: ExemplarSet, maxPerClass: number): Int32Array {
  if (!Number.isInteger(maxPerClass) || maxPerClass < 1)
    throw new InvalidInputError(`maxPerClass must be an integer >= 1, got ${maxPerClass}`);
  const byClass = Array.from({ length: set.nClasses }, () => [] as number[]);
  set.labels.forEach((label, row) => byClass[label]!.push(row));
  const chosen: number[] = [];
  for (const rows of byClass) {
    const distinct = distinctRows(set.codes, set.positions, rows);
    chosen.push(
      ...(distinct.length <= maxPerClass ? distinct : farthestPoints(set, distinct, maxPerClass)),
    );
  }
  return Int32Array.from(chosen).sort();
}

/** The exemplar set restricted to `rows` (in that order). */
export function subsetExemplars(set: ExemplarSet, rows: ArrayLike<number>): ExemplarSet {
  const { positions } = set;
  const codes = new Uint8Array(rows.length * positions);
  const labels = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    codes.set(set.codes.subarray(row * positions, (row + 1) * positions), i * positions);
    labels[i] = set.labels[row]!;
  }
  return { ...set, codes, labels };
}
