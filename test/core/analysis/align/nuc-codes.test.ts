import { describe, expect, it } from 'vitest';
import {
  A,
  C,
  G,
  GAP,
  N,
  T,
  encodeSequence,
  CHAR_OF_MASK,
} from '../../../../src/core/analysis/align/nuc-codes';

const letters = (masks: Uint8Array): string => Array.from(masks, (m) => CHAR_OF_MASK[m]).join('');

describe('encodeSequence', () => {
  it('maps letters (any case, U as T, IUPAC unions, the rest as N) and drops - and .', () => {
    expect(Array.from(encodeSequence('ACGTu'))).toEqual([A, C, G, T, T]);
    expect(letters(encodeSequence('ac-gt..Ry*N'))).toBe('ACGTRYNN');
    expect(encodeSequence('---')).toHaveLength(0);
    expect(encodeSequence('')).toHaveLength(0);
    expect(Array.from(encodeSequence('-'))).not.toContain(GAP);
  });

  it('reads Latin-1 bytes as it reads the string', () => {
    const text = 'ac-gt..Ry*N';
    expect(encodeSequence(Buffer.from(text, 'latin1'))).toEqual(encodeSequence(text));
    const scratch = Buffer.alloc(32);
    const fromBytes = encodeSequence(new Uint8Array(Buffer.from(text, 'latin1')), scratch);
    expect(fromBytes.buffer).toBe(scratch.buffer);
    expect(letters(fromBytes)).toBe('ACGTRYNN');
  });

  it('writes into a long enough scratch buffer and ignores a short one', () => {
    const scratch = Buffer.alloc(16, 0xff);
    const inScratch = encodeSequence('AC-GT', scratch);
    expect(inScratch.buffer).toBe(scratch.buffer);
    expect(letters(inScratch)).toBe('ACGT');
    // Reused: the next result overwrites the first, and only its own length is seen.
    expect(letters(encodeSequence('nnA', scratch))).toBe('NNA');
    expect(Array.from(inScratch.subarray(0, 3))).toEqual([N, N, A]);
    const short = Buffer.alloc(2);
    const fresh = encodeSequence('ACGTACGT', short);
    expect(fresh.buffer).not.toBe(short.buffer);
    expect(letters(fresh)).toBe('ACGTACGT');
  });
});
