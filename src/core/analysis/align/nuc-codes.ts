/**
 * Nucleotides as 4-bit masks (A=1, C=2, G=4, T=8; IUPAC codes are unions, N=15), so
 * "can stand for the same base" is a single `&`. Alignment arrays also use GAP (deleted
 * reference position) and NONE (reference position no query base covers).
 */

export const A = 1;
export const C = 2;
export const G = 4;
export const T = 8;
export const N = 15;
export const GAP = 16;
export const NONE = 32;

/** Char code -> mask; anything that is not an IUPAC letter reads as N. */
export const MASK_OF_CHAR = new Uint8Array(256).fill(N);
/** Mask -> IUPAC letter. */
export const CHAR_OF_MASK: string[] = new Array<string>(64).fill('N');
/** Mask -> 2-bit code (A=0 C=1 G=2 T=3), -1 for anything but one base. */
export const CODE_OF_MASK = new Int8Array(64).fill(-1);
/** Mask -> complement mask. */
export const COMPLEMENT = new Uint8Array(64);

const IUPAC: Record<string, number> = {
  A,
  C,
  G,
  T,
  U: T,
  R: A | G,
  Y: C | T,
  S: C | G,
  W: A | T,
  K: G | T,
  M: A | C,
  B: C | G | T,
  D: A | G | T,
  H: A | C | T,
  V: A | C | G,
  N,
};
for (const [letter, mask] of Object.entries(IUPAC)) {
  MASK_OF_CHAR[letter.charCodeAt(0)] = mask;
  MASK_OF_CHAR[letter.toLowerCase().charCodeAt(0)] = mask;
  if (letter !== 'U') CHAR_OF_MASK[mask] = letter;
}
CHAR_OF_MASK[GAP] = '-';
CHAR_OF_MASK[NONE] = '-';
CODE_OF_MASK[A] = 0;
CODE_OF_MASK[C] = 1;
CODE_OF_MASK[G] = 2;
CODE_OF_MASK[T] = 3;
for (let mask = 0; mask < 16; mask += 1)
  COMPLEMENT[mask] = ((mask & A) << 3) | ((mask & C) << 1) | ((mask & G) >> 1) | ((mask & T) >> 3);
COMPLEMENT[GAP] = GAP;
COMPLEMENT[NONE] = NONE;

/** True for exactly one of A, C, G, T. */
export function isBase(mask: number): boolean {
  return mask === A || mask === C || mask === G || mask === T;
}

const DASH = 45;
const DOT = 46;

/**
 * Masks of a sequence's letters (a string, or its bytes: ASCII reads the same either way);
 * alignment gaps ('-', '.') in the input are dropped. With a `scratch` buffer at least as long as the sequence, the
 * result is a view of it (valid until the scratch is reused).
 */
export function encodeSequence(sequence: string | Uint8Array, scratch?: Buffer): Uint8Array {
  const bytes =
    scratch && scratch.length >= sequence.length ? scratch : Buffer.allocUnsafe(sequence.length);
  let source: Uint8Array = bytes;
  let length = sequence.length;
  // Latin-1 bytes (a char beyond reads as its low byte: the reader has validated letters).
  if (typeof sequence === 'string') length = bytes.write(sequence, 0, 'latin1');
  else source = sequence;
  let kept = 0;
  for (let i = 0; i < length; i += 1) {
    const char = source[i]!;
    if (char !== DASH && char !== DOT) bytes[kept++] = MASK_OF_CHAR[char]!;
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, kept);
}

export function reverseComplement(masks: Uint8Array): Uint8Array {
  const length = masks.length;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) out[i] = COMPLEMENT[masks[length - 1 - i]!]!;
  return out;
}
