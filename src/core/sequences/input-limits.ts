/**
 * Bounds on what one sequence file may make the reader hold or do, so that a hostile or
 * broken file (a gzip bomb, a 4 GB line) costs bounded memory and ends with a named error.
 */

/** Longest sequence of one record, in bases, unless configured (`--max-record-length`). */
export const DEFAULT_MAX_RECORD_LENGTH = 100_000_000;

/** Longest header text (after '>' or '@'); real headers are well under a kilobyte. */
export const MAX_HEADER_BYTES = 1 << 20;

/**
 * A gzip file is stopped once it has produced more than `afterBytes` and more than
 * `maxRatio` times the compressed bytes read so far. Real FASTA/FASTQ compress 3-8:1; the most
 * redundant real input measured, 3,000 identical SARS-CoV-2 genomes at gzip -9, 134:1;
 * 50 Mb of N in 60-base lines 344:1. A run of one letter reaches deflate's ~1,030:1.
 */
export interface GzipRatioGuard {
  maxRatio: number;
  afterBytes: number;
}

export const DEFAULT_GZIP_RATIO_GUARD: GzipRatioGuard = { maxRatio: 500, afterBytes: 256 << 20 };

/** What a parser refuses; the reader passes these from its options. */
export interface RecordLimits {
  /** Bases of one record's sequence (every byte but line ends and gaps counts). */
  maxRecordLength: number;
}

export const DEFAULT_RECORD_LIMITS: RecordLimits = { maxRecordLength: DEFAULT_MAX_RECORD_LENGTH };

/** "sequence longer than the 100,000,000-base limit (set --max-record-length)" */
export function tooLongReason(maxRecordLength: number): string {
  return `sequence longer than the ${maxRecordLength.toLocaleString('en-US')}-base limit (set --max-record-length)`;
}

export function headerTooLongReason(): string {
  return `header line longer than the ${MAX_HEADER_BYTES.toLocaleString('en-US')}-byte limit`;
}
