/** Result types of the contract: plain, serialisable data. */
import type { AnalysisReport } from './analysis-types';
import type { ClassifyReport } from './classify-types';
import type { ClusterReport } from './cluster-types';
import type { ErrorKind } from './contract';

export type RecordErrorCode =
  | 'empty-sequence'
  | 'invalid-characters'
  | 'sequence-before-header'
  | 'duplicate-id'
  | 'missing-id'
  | 'quality-length-mismatch'
  | 'truncated-record'
  | 'truncated-gzip'
  | 'invalid-encoding'
  | 'record-too-long'
  | 'decompression-limit';

/** One problem with one record; the import goes on without that record. */
export interface RecordError {
  file: string;
  /** 1-based line of the record's header (or of the offending line). */
  line: number;
  recordId: string | null;
  code: RecordErrorCode;
  reason: string;
}

export type SequenceFormat = 'fasta' | 'fastq';

export interface SourceFileSummary {
  name: string;
  format: SequenceFormat;
  gzip: boolean;
  bytes: number;
  records: number;
  valid: number;
  invalid: number;
}

export interface MetadataReport {
  file: string;
  columns: string[];
  idColumn: string;
  rows: number;
  matched: number;
  /** Metadata ids with no sequence (first 200). */
  unmatchedIds: string[];
  unmatchedCount: number;
  /** Sequences that have no metadata row. */
  sequencesWithoutMetadata: number;
}

export interface DatasetSummary {
  id: number;
  name: string;
  contentSha256: string;
  createdAt: string;
  sequenceCount: number;
  invalidCount: number;
  totalBases: number;
  sourceFiles: SourceFileSummary[];
  metadataColumns: string[];
}

export interface DatasetDetail extends DatasetSummary {
  /** Per-record errors met at import (first 1000; errorCount has them all). */
  errors: RecordError[];
  errorCount: number;
  metadata: MetadataReport | null;
}

export interface SequenceRow {
  seqId: string;
  ordinal: number;
  length: number;
  nCount: number;
  nFraction: number;
  ambiguousCount: number;
  gcFraction: number;
  metadata: Record<string, string> | null;
}

export interface SequencePage {
  total: number;
  offset: number;
  rows: SequenceRow[];
}

export interface ImportReport {
  /** The new dataset, or null when the content was already imported. */
  dataset: DatasetSummary | null;
  duplicateOf: { id: number; name: string } | null;
  files: SourceFileSummary[];
  records: { total: number; valid: number; invalid: number };
  errors: RecordError[];
  errorCount: number;
  metadata: MetadataReport | null;
}

export type JobKind = JobSnapshot['kind'];
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface FileProgress {
  name: string;
  bytesDone: number;
  bytesTotal: number;
  records: number;
}

export interface JobProgress {
  /**
   * What done/total count: bytes read (imports; compressed bytes for gzip), sequences, or
   * steps of a multi-stage job (clustering), whose stage the message names.
   */
  unit: 'bytes' | 'sequences' | 'steps';
  done: number;
  total: number;
  records: number;
  /** Records per second since the job started. */
  recordsPerSecond: number;
  /** Seconds left at the current byte rate; null until it can be estimated. */
  etaSeconds: number | null;
  message: string;
  files: FileProgress[];
}

interface JobSnapshotBase {
  id: string;
  label: string;
  status: JobStatus;
  createdAt: string;
  finishedAt: string | null;
  progress: JobProgress;
  error: string | null;
  /** Of a failed job's error while its process runs: refused input or an internal failure. */
  errorKind?: ErrorKind;
}

export type JobSnapshot =
  | (JobSnapshotBase & { kind: 'import'; result: ImportReport | null })
  | (JobSnapshotBase & { kind: 'analysis'; result: AnalysisReport | null })
  | (JobSnapshotBase & { kind: 'cluster'; result: ClusterReport | null })
  | (JobSnapshotBase & { kind: 'classify'; result: ClassifyReport | null });

export type JobResult = NonNullable<JobSnapshot['result']>;

export interface JobEvent {
  type: 'job';
  job: JobSnapshot;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: string;
}
