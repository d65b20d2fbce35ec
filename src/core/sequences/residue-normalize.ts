/**
 * The careful path: turns a record's raw sequence bytes (as read, line ends included) into
 * normalised residues in place, byte by byte, for the records the kernel flags (lower case,
 * U, blanks, invalid characters, whose positions it reports).
 */
import {
  AMBIGUOUS,
  GAP,
  INVALID,
  NEWLINE,
  PLAIN,
  RESIDUE_CLASS,
  RESIDUE_UPPER,
  SKIP,
  STRONG,
  UNKNOWN,
} from './byte-classes';

export interface InvalidCharacters {
  /** Distinct offending bytes in order of appearance (first 5). */
  bytes: number[];
  /** How many distinct offending bytes there were. */
  kinds: number;
  line: number;
  column: number;
}

export interface CarefulResult {
  length: number;
  gc: number;
  n: number;
  ambiguous: number;
  gap: number;
  invalid: InvalidCharacters | null;
}

const MAX_LISTED = 5;

/**
 * Normalises `bytes[start, start + len)` in place (upper case, U -> T, gaps and blanks
 * dropped) and finds invalid characters. `firstLine` is the 1-based line of the first byte,
 * which starts a line; `gapsAllowed` is false for FASTQ, where '-' and '.' are invalid.
 */
export function normalizeCarefully(
  bytes: Uint8Array,
  start: number,
  len: number,
  firstLine: number,
  gapsAllowed: boolean,
): CarefulResult {
  const result: CarefulResult = { length: 0, gc: 0, n: 0, ambiguous: 0, gap: 0, invalid: null };
  const end = start + len;
  let write = start;
  let line = firstLine;
  let lineStart = start;
  let seen: Uint8Array | null = null;
  let invalid: InvalidCharacters | null = null;
  for (let read = start; read < end; read++) {
    const byte = bytes[read]!;
    let cls = RESIDUE_CLASS[byte]!;
    if (cls === GAP && !gapsAllowed) cls = INVALID;
    if (cls >= PLAIN && cls <= AMBIGUOUS) {
      bytes[write++] = RESIDUE_UPPER[byte]!;
      if (cls === STRONG) result.gc++;
      else if (cls === UNKNOWN) result.n++;
      else if (cls === AMBIGUOUS) result.ambiguous++;
    } else if (cls === NEWLINE) {
      line++;
      lineStart = read + 1;
    } else if (cls === GAP) {
      result.gap++;
    } else if (cls !== SKIP) {
      seen ??= new Uint8Array(256);
      invalid ??= { bytes: [], kinds: 0, line, column: read - lineStart + 1 };
      if (seen[byte] === 0) {
        seen[byte] = 1;
        invalid.kinds++;
        if (invalid.bytes.length < MAX_LISTED) invalid.bytes.push(byte);
      }
    }
  }
  result.length = write - start;
  result.invalid = invalid;
  return result;
}

/** `'J'` for printable ASCII, `'\xC3'` for anything else. */
export function showByte(byte: number): string {
  if (byte === 0x27) return `"'"`;
  if (byte >= 0x20 && byte < 0x7f) return `'${String.fromCharCode(byte)}'`;
  return `'\\x${byte.toString(16).toUpperCase().padStart(2, '0')}'`;
}

/** "invalid characters 'J', '*' (first at line 12, column 5)" */
export function describeInvalid(invalid: InvalidCharacters, what = 'characters'): string {
  const listed = invalid.bytes.map(showByte).join(', ');
  const more =
    invalid.kinds > invalid.bytes.length ? ` and ${invalid.kinds - invalid.bytes.length} more` : '';
  const noun = invalid.kinds === 1 ? what.replace(/s$/, '') : what;
  return `invalid ${noun} ${listed}${more} (first at line ${invalid.line}, column ${invalid.column})`;
}
