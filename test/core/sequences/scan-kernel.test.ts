import { describe, expect, it } from 'vitest';
import {
  AMBIGUOUS,
  GAP,
  NEWLINE,
  PLAIN,
  RESIDUE_CLASS,
  STRONG,
  UNKNOWN,
} from '../../../src/core/sequences/byte-classes';
import { ScanArena } from '../../../src/core/sequences/wasm/scan-arena';

interface Expected {
  sequence: string;
  gc: number;
  n: number;
  ambiguous: number;
  lf: number;
  gap: number;
  other: boolean;
}

/** What the kernel must do, written plainly. */
function expected(bytes: Uint8Array): Expected {
  const result: Expected = { sequence: '', gc: 0, n: 0, ambiguous: 0, lf: 0, gap: 0, other: false };
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    if (byte === 0x0a) result.lf++;
    else if (byte === 0x0d) continue;
    else if (char === '-' || char === '.') result.gap++;
    else {
      result.sequence += char;
      if (char === 'G' || char === 'C') result.gc++;
      else if (char === 'N') result.n++;
      else if ('RYSWKMBDHV'.includes(char)) result.ambiguous++;
      else if (char !== 'A' && char !== 'T') result.other = true;
    }
  }
  return result;
}

function scan(arena: ScanArena, bytes: Uint8Array, pieces = 1): Expected {
  arena.reset();
  const step = Math.ceil(bytes.length / pieces) || 1;
  for (let start = 0; start < bytes.length; start += step) {
    arena.append(bytes, start, Math.min(bytes.length, start + step));
  }
  const { gc, n, ambiguous, lf, gap, other } = arena;
  return { sequence: arena.outString(), gc, n, ambiguous, lf, gap, other };
}

/** Deterministic pseudo-random bytes, mostly ACGT with a sprinkle of everything else. */
function randomBytes(seed: number, length: number): Uint8Array {
  const alphabet = 'ACGTACGTACGTNNRYSWKMBDHV\n\r-.acgtuUJ*> \x00\xff';
  let state = seed;
  const next = (): number => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const out = new Uint8Array(length);
  const spread = 1 + Math.floor(next() * alphabet.length);
  for (let i = 0; i < length; i++) {
    const pick = next() < 0.9 ? Math.floor(next() * 4) : Math.floor(next() * spread);
    out[i] = alphabet.charCodeAt(pick);
  }
  return out;
}

describe('SIMD scan kernel', () => {
  it('classifies every byte value as the careful loop does', () => {
    const arena = new ScanArena();
    for (let byte = 0; byte < 256; byte++) {
      for (const length of [1, 17, 40]) {
        const bytes = new Uint8Array(length).fill(byte);
        expect(scan(arena, bytes), `byte ${byte} x${length}`).toEqual(expected(bytes));
      }
      // The careful tables agree on which upper-case bytes the fast path may keep.
      const cls = RESIDUE_CLASS[byte]!;
      const fastResidue = /^[ACGTNRYSWKMBDHV]$/.test(String.fromCharCode(byte));
      const carefulUpperResidue =
        [PLAIN, STRONG, UNKNOWN, AMBIGUOUS].includes(cls) && byte < 0x60 && byte !== 0x55;
      expect(fastResidue, `byte ${byte}`).toBe(carefulUpperResidue);
      if (byte === 0x0a) expect(cls).toBe(NEWLINE);
      if (byte === 0x2d || byte === 0x2e) expect(cls).toBe(GAP);
    }
  });

  it('matches the plain definition on random data of every length and split', () => {
    const arena = new ScanArena();
    for (let seed = 1; seed <= 600; seed++) {
      const bytes = randomBytes(seed, seed % 7 === 0 ? 5000 + seed : seed % 97);
      expect(scan(arena, bytes, 1 + (seed % 5)), `seed ${seed}`).toEqual(expected(bytes));
    }
  });

  it('counts past the 8-bit lane limit and grows for large records', () => {
    const arena = new ScanArena();
    const bytes = new Uint8Array(600 * 1024 + 7).fill(0x47); // 'G'
    for (let i = 100; i < bytes.length; i += 61) bytes[i] = 0x0a;
    const result = scan(arena, bytes, 3);
    expect(result).toEqual(expected(bytes));
  });
});
