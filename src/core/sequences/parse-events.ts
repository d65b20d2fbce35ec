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

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Drops a UTF-8 byte-order mark at the start of the input, even one cut by chunk boundaries. */
export class ByteOrderMarkFilter {
  /** Bytes of a BOM begun by the input so far, held back until the rest shows whether it is one. */
  private held = 0;
  private decided = false;

  /** `chunk` without BOM bytes (held BOM-like bytes put back when they turn out to be data). */
  filter(chunk: Buffer): Buffer {
    if (this.decided || chunk.length === 0) return chunk;
    let matched = 0;
    while (this.held + matched < 3 && matched < chunk.length) {
      if (chunk[matched] !== BOM[this.held + matched]) {
        this.decided = true;
        return this.held === 0 ? chunk : Buffer.concat([BOM.subarray(0, this.held), chunk]);
      }
      matched++;
    }
    this.held += matched;
    if (this.held < 3) return chunk.subarray(chunk.length);
    this.decided = true;
    return chunk.subarray(matched);
  }

  /** At the end of the input: the bytes of a BOM it began but never finished (they are data). */
  flush(): Buffer {
    const rest = this.decided ? BOM.subarray(0, 0) : BOM.subarray(0, this.held);
    this.decided = true;
    return rest;
  }
}
