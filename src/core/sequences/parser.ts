/** The push parser both formats implement; the reader feeds it chunks of decoded bytes. */
import type { SequenceFormat } from '../../shared/types';
import { FastaParser } from './fasta-parser';
import { FastqParser } from './fastq-parser';
import type { ReadEvent } from './types';

export interface SequenceParser {
  /** Parses one chunk and returns the events it completed. The chunk is not kept or changed. */
  push(chunk: Buffer): ReadEvent[];
  /** End of input: completes (or reports) the last record. */
  end(): ReadEvent[];
  /** The input broke off (truncated or corrupt gzip): reports it and drops the open record. */
  truncate(detail: string): ReadEvent[];
  /** Records met so far, valid or not. */
  readonly records: number;
}

export function createParser(format: SequenceFormat, file: string): SequenceParser {
  return format === 'fasta' ? new FastaParser(file) : new FastqParser(file);
}
