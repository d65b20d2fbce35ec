/** The standard genetic code (NCBI table 1). */

/** Amino acids in the textbook order of codons, bases running T, C, A, G. */
const AMINO_ACIDS = 'FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG';

/** 2-bit base code used by the tables below: A=0, C=1, G=2, T=3. */
const TABLE_INDEX = [2, 1, 3, 0]; // A, C, G, T -> position in 'TCAG'

/** Amino acid (one letter, '*' stop) of the codon b1 b2 b3, each coded A=0 C=1 G=2 T=3. */
export const CODON_TO_AA: string[] = [];
for (let b1 = 0; b1 < 4; b1 += 1)
  for (let b2 = 0; b2 < 4; b2 += 1)
    for (let b3 = 0; b3 < 4; b3 += 1)
      CODON_TO_AA[b1 * 16 + b2 * 4 + b3] =
        AMINO_ACIDS[TABLE_INDEX[b1]! * 16 + TABLE_INDEX[b2]! * 4 + TABLE_INDEX[b3]!]!;

const BASE_CODE: Record<string, number> = { A: 0, C: 1, G: 2, T: 3, U: 3 };

/**
 * Translates one codon with the standard code. A codon with anything but A/C/G/T/U (N, an
 * ambiguity code, a gap) or of the wrong length is 'X': unknown, never guessed.
 */
export function translate(codon: string): string {
  if (codon.length !== 3) return 'X';
  const upper = codon.toUpperCase();
  const b1 = BASE_CODE[upper[0]!];
  const b2 = BASE_CODE[upper[1]!];
  const b3 = BASE_CODE[upper[2]!];
  if (b1 === undefined || b2 === undefined || b3 === undefined) return 'X';
  return CODON_TO_AA[b1 * 16 + b2 * 4 + b3]!;
}
