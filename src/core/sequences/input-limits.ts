/**
 * Bounds on what one sequence file may make the reader hold or do, so that a hostile or
 * broken file (a gzip bomb, a 4 GB line) costs bounded memory and ends with a named error.
 */

/** Longest sequence of one record, in bases, unless configured (`--max-record-length`). */
export const DEFAULT_MAX_RECORD_LENGTH = 100_000_000;

/** The most `maxRecordLength` may be set to: the scan arena holds at most 2 GiB of one record. */
export const MAX_RECORD_LENGTH_CEILING = 1_000_000_000;

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
  /**
   * Bytes of one FASTA record's text, gaps, blanks and line ends included: bounds a record of
   * gaps or empty lines, which has no bases to count. At least 1.
   */
  maxRecordTextBytes: number;
}

/**
 * The limits for `maxRecordLength` bases. Aligned FASTA may be mostly gaps (a 1 kb fragment in
 * a 30 kb alignment), so the text allowance is generous: twice the bases plus 64 MiB, at most
 * 1 GiB (the scan arena's ceiling).
 */
export function recordLimits(maxRecordLength = DEFAULT_MAX_RECORD_LENGTH): RecordLimits {
  const maxRecordTextBytes = Math.min(2 ** 30, 2 * maxRecordLength + (64 << 20));
  return { maxRecordLength, maxRecordTextBytes };
}

export const DEFAULT_RECORD_LIMITS: RecordLimits = recordLimits();

/** "sequence longer than the 100,000,000-base limit (set --max-record-length)" */
export function tooLongReason(maxRecordLength: number): string {
  return `sequence longer than the ${maxRecordLength.toLocaleString('en-US')}-base limit (set --max-record-length)`;
}

/** "record text (gaps, blanks and line ends included) longer than the ... (set --max-record-length)" */
export function textTooLongReason(maxRecordTextBytes: number): string {
  return `record text (gaps, blanks and line ends included) longer than the ${maxRecordTextBytes.toLocaleString('en-US')}-byte limit (set --max-record-length)`;
}

export function headerTooLongReason(): string {
  return `header line longer than the ${MAX_HEADER_BYTES.toLocaleString('en-US')}-byte limit`;
}
