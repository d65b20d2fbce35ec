/** Splits a header line ('>' or '@' already skipped) into id and description. */

export interface ParsedHeader {
  id: string;
  description: string;
  /** Why the record cannot be imported because of its header, or null. */
  problem: { code: 'missing-id' | 'invalid-encoding' | 'record-too-long'; reason: string } | null;
}

const utf8 = new TextDecoder('utf-8');

function isBlank(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0b || byte === 0x0c;
}

function decode(bytes: Buffer, start: number, end: number, ascii: boolean): string {
  if (ascii) return bytes.toString('latin1', start, end);
  return utf8.decode(bytes.subarray(start, end)); // invalid sequences become U+FFFD
}

/** Index of the first byte of `bytes[start, end)` that breaks UTF-8, or -1. */
export function findInvalidUtf8(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let follow: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) follow = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      follow = 2;
      if (lead === 0xe0) lo = 0xa0;
      if (lead === 0xed) hi = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      follow = 3;
      if (lead === 0xf0) lo = 0x90;
      if (lead === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= follow; k++) {
      const next = i + k < end ? bytes[i + k]! : -1;
      if (next < (k === 1 ? lo : 0x80) || next > (k === 1 ? hi : 0xbf)) return i;
    }
    i += follow + 1;
  }
  return -1;
}

/** Parses `bytes[start, end)`: the header text after the marker, without the LF. */
export function parseHeader(bytes: Buffer, start: number, end: number): ParsedHeader {
  const lineStart = start - 1; // the marker
  while (end > start && isBlank(bytes[end - 1]!)) end--;
  while (start < end && isBlank(bytes[start]!)) start++;
  let idEnd = start;
  let ascii = true;
  for (let i = start; i < end; i++) {
    const byte = bytes[i]!;
    if (byte >= 0x80) ascii = false;
    if (idEnd === start && (byte === 0x20 || byte === 0x09)) idEnd = i;
  }
  if (idEnd === start) idEnd = end;
  let descStart = idEnd;
  while (descStart < end && isBlank(bytes[descStart]!)) descStart++;
  const id = decode(bytes, start, idEnd, ascii);
  const description = decode(bytes, descStart, end, ascii);
  if (id === '') {
    return { id, description, problem: { code: 'missing-id', reason: 'header has no id' } };
  }
  const bad = ascii ? -1 : findInvalidUtf8(bytes, start, end);
  if (bad !== -1) {
    const column = bad - lineStart + 1;
    const byte = bytes[bad]!.toString(16).toUpperCase();
    const reason = `header is not valid UTF-8 (byte 0x${byte} at column ${column})`;
    return { id, description, problem: { code: 'invalid-encoding', reason } };
  }
  return { id, description, problem: null };
}
