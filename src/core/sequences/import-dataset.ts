/**
 * One import: sequence files (+ optional metadata) into one dataset, in one transaction.
 * Cancelled, failed or killed, it leaves the registry as it was.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { eq } from 'drizzle-orm';
import type { ImportFilesInput } from '../../shared/schemas';
import type {
  ImportReport,
  MetadataReport,
  RecordError,
  SourceFileSummary,
} from '../../shared/types';
import type { RegistryDb } from '../registry/db';
import { auditLog, datasets } from '../registry/schema';
import { detectFile } from './detect';
import { readMetadata, type MetadataTable } from './metadata';
import { readSequences } from './reader';
import type { FileInfo, SequenceRecord } from './types';
import { toDatasetSummary } from './dataset-rows';

/** Errors kept in full in the report and the registry; the count covers them all. */
export const MAX_STORED_ERRORS = 1000;
const MAX_UNMATCHED_IDS = 200;

export interface ImportProgress {
  unit: 'bytes';
  done: number;
  total: number;
  records: number;
  message: string;
  files: { name: string; bytesDone: number; bytesTotal: number; records: number }[];
}

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Runs inside the import's transaction, just before COMMIT (the job records its outcome). */
  onCommit?: (report: ImportReport) => void;
  /** Bases of one record beyond which it is refused (the reader's default otherwise). */
  maxRecordLength?: number;
}

type ParsedImport = {
  files: { path: string; name?: string }[];
  metadata?: { path: string; name?: string };
  name?: string;
};

function defaultName(fileName: string): string {
  return (
    fileName.replace(/(\.gz)?$/i, '').replace(/\.(fasta|fa|fna|fas|fastq|fq|txt)$/i, '') || fileName
  );
}

export async function importDataset(
  db: RegistryDb,
  input: ImportFilesInput | ParsedImport,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { signal, onProgress, maxRecordLength } = options;
  const files = input.files.map((file) => ({
    path: file.path,
    name: file.name ?? basename(file.path),
  }));

  // Refuse a file that is not sequence data before anything is written.
  const infos: FileInfo[] = [];
  for (const file of files) infos.push(await detectFile(file.path, file.name));
  const metadataName = input.metadata
    ? (input.metadata.name ?? basename(input.metadata.path))
    : null;
  const metadata: MetadataTable | null =
    input.metadata && metadataName ? await readMetadata(input.metadata.path, metadataName) : null;
  const sizes = await Promise.all(files.map(async (file) => (await stat(file.path)).size));

  const progress: ImportProgress = {
    unit: 'bytes',
    done: 0,
    total: sizes.reduce((a, b) => a + b, 0),
    records: 0,
    message: 'Reading',
    files: files.map((file, i) => ({
      name: file.name,
      bytesDone: 0,
      bytesTotal: sizes[i]!,
      records: 0,
    })),
  };

  const client = db.$client;
  const insertSequence = client.prepare(
    `INSERT INTO sequences (dataset_id, ordinal, seq_id, description, length, n_count, ambiguous_count,
       gc_count, n_fraction, gc_fraction, sequence, quality, metadata)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const hash = createHash('sha256');
  const seen = new Map<string, { file: string; line: number }>();
  const errors: RecordError[] = [];
  let errorCount = 0;
  let totalBases = 0;
  let matched = 0;
  const addError = (error: RecordError): void => {
    errorCount += 1;
    if (errors.length < MAX_STORED_ERRORS) errors.push(error);
  };

  client.exec('BEGIN IMMEDIATE');
  try {
    const datasetId = Number(
      client
        .prepare(
          `INSERT INTO datasets (name, content_sha256, sequence_count, invalid_count, total_bases,
             source_files, metadata_columns, error_count, errors)
           VALUES (?, ?, 0, 0, 0, '[]', '[]', 0, '[]')`,
        )
        .run(input.name ?? defaultName(files[0]!.name), `pending:${Date.now()}:${Math.random()}`)
        .lastInsertRowid,
    );
    const summaries: SourceFileSummary[] = [];
    for (const [index, file] of files.entries()) {
      const summary: SourceFileSummary = {
        name: file.name,
        ...infos[index]!,
        records: 0,
        valid: 0,
        invalid: 0,
      };
      summaries.push(summary);
      const fileProgress = progress.files[index]!;
      const stream = readSequences(file.path, {
        displayName: file.name,
        signal,
        maxRecordLength,
        onProgress: ({ bytesRead }) => {
          progress.done += bytesRead - fileProgress.bytesDone;
          fileProgress.bytesDone = bytesRead;
          onProgress?.(progress);
        },
      });
      for await (const batch of stream) {
        signal?.throwIfAborted();
        for (const event of batch) {
          summary.records += 1;
          if (event.type === 'error') {
            summary.invalid += 1;
            addError(event.error);
            continue;
          }
          const record: SequenceRecord = event.record;
          const first = seen.get(record.id);
          if (first) {
            summary.invalid += 1;
            addError({
              file: file.name,
              line: record.line,
              recordId: record.id,
              code: 'duplicate-id',
              reason: `duplicate id '${record.id}' (first seen in ${first.file} at line ${first.line})`,
            });
            continue;
          }
          seen.set(record.id, { file: file.name, line: record.line });
          const meta = metadata?.rows.get(record.id) ?? null;
          if (meta) matched += 1;
          const acgt = record.length - record.nCount - record.ambiguousCount;
          insertSequence.run(
            datasetId,
            seen.size - 1,
            record.id,
            record.description,
            record.length,
            record.nCount,
            record.ambiguousCount,
            record.gcCount,
            record.length > 0 ? record.nCount / record.length : 0,
            acgt > 0 ? record.gcCount / acgt : 0,
            record.sequence,
            record.quality ?? null,
            meta ? JSON.stringify(meta) : null,
          );
          hash.update(`${record.id}\t${record.sequence}\n`);
          totalBases += record.length;
          summary.valid += 1;
          fileProgress.records += 1;
          progress.records += 1;
        }
      }
      fileProgress.bytesDone = fileProgress.bytesTotal;
    }
    signal?.throwIfAborted();
    progress.done = progress.total;
    progress.message = 'Saving';
    onProgress?.(progress);

    let metadataReport: MetadataReport | null = null;
    if (metadata) {
      const unmatched = [...metadata.rows.keys()].filter((id) => !seen.has(id));
      hash.update(`metadata\t${metadata.columns.join('\t')}\n`);
      for (const [id, row] of metadata.rows) hash.update(`${id}\t${JSON.stringify(row)}\n`);
      metadataReport = {
        file: metadata.file,
        columns: metadata.columns,
        idColumn: metadata.idColumn,
        rows: metadata.rows.size,
        matched,
        unmatchedIds: unmatched.slice(0, MAX_UNMATCHED_IDS),
        unmatchedCount: unmatched.length,
        sequencesWithoutMetadata: seen.size - matched,
      };
    }
    const invalid = summaries.reduce((sum, s) => sum + s.invalid, 0);
    const base = {
      files: summaries,
      records: { total: seen.size + invalid, valid: seen.size, invalid },
      errors,
      errorCount,
      metadata: metadataReport,
    };
    if (seen.size === 0) {
      client.exec('ROLLBACK');
      return { ...base, dataset: null, duplicateOf: null };
    }
    const contentSha256 = hash.digest('hex');
    const existing = db
      .select({ id: datasets.id, name: datasets.name })
      .from(datasets)
      .where(eq(datasets.contentSha256, contentSha256))
      .get();
    if (existing) {
      client.exec('ROLLBACK');
      return { ...base, dataset: null, duplicateOf: existing };
    }
    db.update(datasets)
      .set({
        contentSha256,
        sequenceCount: seen.size,
        invalidCount: invalid,
        totalBases,
        sourceFiles: summaries,
        metadataColumns: metadata?.columns.filter((c) => c !== metadata.idColumn) ?? [],
        metadataReport,
        errorCount,
        errors,
      })
      .where(eq(datasets.id, datasetId))
      .run();
    db.insert(auditLog)
      .values({
        action: 'dataset.import',
        detail: { datasetId, files: files.map((f) => f.name), sequences: seen.size },
      })
      .run();
    const row = db.select().from(datasets).where(eq(datasets.id, datasetId)).get()!;
    const report: ImportReport = { ...base, dataset: toDatasetSummary(row), duplicateOf: null };
    options.onCommit?.(report);
    client.exec('COMMIT');
    return report;
  } catch (error) {
    if (client.inTransaction) client.exec('ROLLBACK');
    throw error;
  }
}
