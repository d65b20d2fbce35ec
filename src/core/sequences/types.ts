import type { RecordError, SequenceFormat } from '../../shared/types';
import type { GzipRatioGuard } from './input-limits';

/** One valid record, normalised: sequence upper-case, U read as T, gaps removed. */
export interface SequenceRecord {
  id: string;
  /** Header text after the id (may be empty). */
  description: string;
  sequence: string;
  /** FASTQ quality string (gaps never occur in FASTQ), undefined for FASTA. */
  quality?: string;
  /** 1-based line of the header. */
  line: number;
  /** Residues, gaps excluded. */
  length: number;
  nCount: number;
  /** IUPAC ambiguity codes other than N (R, Y, S, W, K, M, B, D, H, V). */
  ambiguousCount: number;
  /** G + C (S counts as neither). */
  gcCount: number;
  gapCount: number;
}

export interface FileInfo {
  format: SequenceFormat;
  gzip: boolean;
  /** Size on disk (compressed bytes for gzip). */
  bytes: number;
}

export interface ReadProgress {
  /** Bytes of the file on disk consumed so far. */
  bytesRead: number;
  bytesTotal: number;
  records: number;
}

export interface ReadSequencesOptions {
  /** Name used in errors (defaults to the path's base name). */
  displayName?: string;
  signal?: AbortSignal;
  /** Called at most every ~64 KiB of input. */
  onProgress?: (progress: ReadProgress) => void;
  /** Bases of one record beyond which it is refused (default DEFAULT_MAX_RECORD_LENGTH). */
  maxRecordLength?: number;
  /** The gzip decompressed-size guard (default DEFAULT_GZIP_RATIO_GUARD; null: none). */
  gzipRatioGuard?: GzipRatioGuard | null;
}

export type ReadEvent =
  { type: 'record'; record: SequenceRecord } | { type: 'error'; error: RecordError };
