/**
 * Byte-indexed tables for the careful (per-byte) residue loop; the fast path is the wasm
 * kernel, whose classes mirror these.
 */

/** Classes of the careful (slow-path) loop. */
export const INVALID = 0;
export const PLAIN = 1; // A, T (and U, read as T)
export const STRONG = 2; // G, C
export const UNKNOWN = 3; // N
export const AMBIGUOUS = 4; // R Y S W K M B D H V
export const GAP = 5; // '-' '.'
export const SKIP = 6; // space, tab, CR, VT, FF: ignored anywhere in a sequence line
export const NEWLINE = 7;

/** Byte -> class, for FASTA (gaps allowed). */
export const RESIDUE_CLASS = new Uint8Array(256);
/** Byte -> upper-case residue (U -> T); meaningful for residue classes only. */
export const RESIDUE_UPPER = new Uint8Array(256);

function setResidue(letters: string, cls: number): void {
  for (const letter of letters) {
    const upper = letter.toUpperCase() === 'U' ? 'T' : letter.toUpperCase();
    for (const variant of [letter.toUpperCase(), letter.toLowerCase()]) {
      RESIDUE_CLASS[variant.charCodeAt(0)] = cls;
      RESIDUE_UPPER[variant.charCodeAt(0)] = upper.charCodeAt(0);
    }
  }
}
setResidue('ATU', PLAIN);
setResidue('GC', STRONG);
setResidue('N', UNKNOWN);
setResidue('RYSWKMBDHV', AMBIGUOUS);
RESIDUE_CLASS[0x2d] = GAP;
RESIDUE_CLASS[0x2e] = GAP;
for (const b of [0x20, 0x09, 0x0d, 0x0b, 0x0c]) RESIDUE_CLASS[b] = SKIP;
RESIDUE_CLASS[0x0a] = NEWLINE;
