/** The push parser both formats implement; the reader feeds it chunks of decoded bytes. */
import type { SequenceFormat } from '../../shared/types';
import { FastaParser } from './fasta-parser';
import { FastqParser } from './fastq-parser';
import { DEFAULT_RECORD_LIMITS, type RecordLimits } from './input-limits';
import type { ReadEvent } from './types';

/** Why the input stopped before its end: a cut or corrupt gzip stream, or the size guard. */
export type InputStopCode = 'truncated-gzip' | 'decompression-limit';

export interface SequenceParser {
  /** Parses one chunk and returns the events it completed. The chunk is not kept or changed. */
  push(chunk: Buffer): ReadEvent[];
  /** End of input: completes (or reports) the last record. */
  end(): ReadEvent[];
  /**
   * The input broke off (truncated or corrupt gzip, or stopped by the decompressed-size
   * guard): reports it, as `the gzip data <detail> at line N`, and drops the open record.
   */
  truncate(detail: string, code: InputStopCode): ReadEvent[];
  /** Records met so far, valid or not. */
  readonly records: number;
}

export function createParser(
  format: SequenceFormat,
  file: string,
  limits: RecordLimits = DEFAULT_RECORD_LIMITS,
): SequenceParser {
  return format === 'fasta' ? new FastaParser(file, limits) : new FastqParser(file, limits);
}
