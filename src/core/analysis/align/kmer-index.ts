/**
 * Exact k-mer index of the reference: an open-addressing hash of 2-bit packed k-mers
 * (k <= 15, so a k-mer is a positive 30-bit integer) to the one position where the k-mer
 * occurs. K-mers that occur more than once are kept as REPEATED and never seed.
 */
import { CODE_OF_MASK } from './nuc-codes';

export const ABSENT = -1;
export const REPEATED = -2;

export interface KmerIndex {
  k: number;
  /** 4^k - 1: keeps the low 2k bits of a rolling code. */
  kmerMask: number;
  /** Reference position (0-based) of the k-mer's first base, ABSENT or REPEATED. */
  lookup(code: number): number;
}

/** The smallest k in [11, 15] for which a random k-mer hits the reference < 1/4096 of the time. */
export function seedLength(referenceLength: number): number {
  let k = 11;
  while (k < 15 && 4 ** k < 4096 * referenceLength) k += 1;
  return k;
}

export function buildKmerIndex(reference: Uint8Array, k: number): KmerIndex {
  let size = 1024;
  while (size < reference.length * 2) size *= 2;
  const slotMask = size - 1;
  const keys = new Int32Array(size).fill(-1);
  const values = new Int32Array(size);
  const kmerMask = 4 ** k - 1;
  const slotOf = (code: number): number => {
    let slot = Math.imul(code, 0x9e3779b1) >>> 0;
    slot = (slot ^ (slot >>> 15)) & slotMask;
    while (keys[slot] !== -1 && keys[slot] !== code) slot = (slot + 1) & slotMask;
    return slot;
  };
  let code = 0;
  let valid = 0;
  for (let i = 0; i < reference.length; i += 1) {
    const base = CODE_OF_MASK[reference[i]!]!;
    if (base < 0) {
      valid = 0;
      continue;
    }
    code = ((code << 2) | base) & kmerMask;
    valid += 1;
    if (valid < k) continue;
    const slot = slotOf(code);
    if (keys[slot] === -1) {
      keys[slot] = code;
      values[slot] = i - k + 1;
    } else values[slot] = REPEATED;
  }
  return {
    k,
    kmerMask,
    lookup(code: number): number {
      const slot = slotOf(code);
      return keys[slot] === -1 ? ABSENT : values[slot]!;
    },
  };
}
