/** Builds a record's sequence string and counts from the arena, once per record. */
import { normalizeCarefully, type InvalidCharacters } from './residue-normalize';
import type { ScanArena } from './wasm/scan-arena';

export type BuiltSequence =
  | {
      ok: true;
      sequence: string;
      length: number;
      nCount: number;
      ambiguousCount: number;
      gcCount: number;
      gapCount: number;
    }
  | { ok: false; invalid: InvalidCharacters };

/**
 * `arena` holds the record's sequence bytes; `firstLine` is the 1-based line of its first
 * byte. Records the kernel did not flag are taken as compacted; the others go through the
 * careful loop (which rewrites the raw copy).
 */
export function buildSequence(
  arena: ScanArena,
  firstLine: number,
  gapsAllowed: boolean,
): BuiltSequence {
  if (!arena.other && (gapsAllowed || arena.gap === 0)) {
    return {
      ok: true,
      sequence: arena.outString(),
      length: arena.outLength,
      nCount: arena.n,
      ambiguousCount: arena.ambiguous,
      gcCount: arena.gc,
      gapCount: arena.gap,
    };
  }
  const start = arena.rawStart;
  const careful = normalizeCarefully(arena.bytes, start, arena.rawLength, firstLine, gapsAllowed);
  if (careful.invalid) return { ok: false, invalid: careful.invalid };
  return {
    ok: true,
    sequence: arena.latin1(start, start + careful.length),
    length: careful.length,
    nCount: careful.n,
    ambiguousCount: careful.ambiguous,
    gcCount: careful.gc,
    gapCount: careful.gap,
  };
}
