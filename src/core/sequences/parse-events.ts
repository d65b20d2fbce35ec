/** Event constructors shared by the FASTA and FASTQ parsers. */
import type { RecordError, RecordErrorCode } from '../../shared/types';
import type { ReadEvent } from './types';

export function errorEvent(
  file: string,
  line: number,
  recordId: string | null,
  code: RecordErrorCode,
  reason: string,
): ReadEvent {
  const error: RecordError = { file, line, recordId, code, reason };
  return { type: 'error', error };
}

export function truncatedReason(detail: string, line: number, openRecord: string | null): string {
  const dropped =
    openRecord === null ? '' : `; record '${openRecord}' there is incomplete and was skipped`;
  return `the gzip data ${detail} at line ${line}${dropped}`;
}

/** Bytes of a UTF-8 byte-order mark at the start of `chunk` (0 or 3). */
export function byteOrderMarkLength(chunk: Uint8Array): number {
  return chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
}
