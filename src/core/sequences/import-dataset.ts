/**
 * One import: sequence files (+ optional metadata) into one dataset, in one transaction.
 * Cancelled, failed or killed, it leaves the registry as it was.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { eq } from 'drizzle-orm';
import type { ImportFilesInput } from '../../shared/schemas';
import type {
  DatasetSummary,
  ImportReport,
  MetadataReport,
  SourceFileSummary,
} from '../../shared/types';
import type { RegistryDb } from '../registry/db';
import { auditLog, datasets } from '../registry/schema';
import { detectFile } from './detect';
import { readMetadata, type MetadataTable } from './metadata';
import { readSequences } from './reader';
import type { FileInfo } from './types';
import { toDatasetSummary } from './dataset-rows';
import { ImportTally } from './import-tally';

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

type NamedFile = { path: string; name: string };

interface CheckedInputs {
  files: NamedFile[];
  infos: FileInfo[];
  metadata: MetadataTable | null;
  sizes: number[];
}

function defaultName(fileName: string): string {
  return (
    fileName.replace(/(\.gz)?$/i, '').replace(/\.(fasta|fa|fna|fas|fastq|fq|txt)$/i, '') || fileName
  );
}

/** Refuses a file that is not sequence data (and reads the metadata) before anything is written. */
async function checkInputs(input: ImportFilesInput | ParsedImport): Promise<CheckedInputs> {
  const files = input.files.map((file) => ({
    path: file.path,
    name: file.name ?? basename(file.path),
  }));
  const infos: FileInfo[] = [];
  for (const file of files) infos.push(await detectFile(file.path, file.name));
  const metadataName = input.metadata
    ? (input.metadata.name ?? basename(input.metadata.path))
    : null;
  const metadata: MetadataTable | null =
    input.metadata && metadataName ? await readMetadata(input.metadata.path, metadataName) : null;
  const sizes = await Promise.all(files.map(async (file) => (await stat(file.path)).size));
  return { files, infos, metadata, sizes };
}

function startProgress(files: NamedFile[], sizes: number[]): ImportProgress {
  return {
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
}

/** The dataset's row, written first with a placeholder hash and counts (`saveDataset` fills them). */
function insertPendingDataset(client: RegistryDb['$client'], name: string): number {
  return Number(
    client
      .prepare(
        `INSERT INTO datasets (name, content_sha256, sequence_count, invalid_count, total_bases,
           source_files, metadata_columns, error_count, errors)
         VALUES (?, ?, 0, 0, 0, '[]', '[]', 0, '[]')`,
      )
      .run(name, `pending:${Date.now()}:${Math.random()}`).lastInsertRowid,
  );
}

/** Reads one sequence file into the tally (and so into its dataset), reporting progress. */
async function readFileInto(
  tally: ImportTally,
  source: { file: NamedFile; info: FileInfo; fileProgress: ImportProgress['files'][number] },
  progress: ImportProgress,
  options: ImportOptions,
): Promise<SourceFileSummary> {
  const { file, fileProgress } = source;
  const { signal, onProgress, maxRecordLength } = options;
  const summary: SourceFileSummary = {
    name: file.name,
    ...source.info,
    records: 0,
    valid: 0,
    invalid: 0,
  };
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
      if (!tally.take(file.name, event)) {
        summary.invalid += 1;
        continue;
      }
      summary.valid += 1;
      fileProgress.records += 1;
      progress.records += 1;
    }
  }
  fileProgress.bytesDone = fileProgress.bytesTotal;
  return summary;
}

/** Fills in the dataset's row and logs the import; returns the summary of the saved row. */
function saveDataset(
  db: RegistryDb,
  datasetId: number,
  saved: {
    contentSha256: string;
    tally: ImportTally;
    invalid: number;
    summaries: SourceFileSummary[];
    metadata: MetadataTable | null;
    metadataReport: MetadataReport | null;
    files: NamedFile[];
  },
): DatasetSummary {
  const { tally, metadata } = saved;
  db.update(datasets)
    .set({
      contentSha256: saved.contentSha256,
      sequenceCount: tally.seen.size,
      invalidCount: saved.invalid,
      totalBases: tally.totalBases,
      sourceFiles: saved.summaries,
      metadataColumns: metadata?.columns.filter((c) => c !== metadata.idColumn) ?? [],
      metadataReport: saved.metadataReport,
      errorCount: tally.errorCount,
      errors: tally.errors,
    })
    .where(eq(datasets.id, datasetId))
    .run();
  db.insert(auditLog)
    .values({
      action: 'dataset.import',
      detail: { datasetId, files: saved.files.map((f) => f.name), sequences: tally.seen.size },
    })
    .run();
  const row = db.select().from(datasets).where(eq(datasets.id, datasetId)).get()!;
  return toDatasetSummary(row);
}

export async function importDataset(
  db: RegistryDb,
  input: ImportFilesInput | ParsedImport,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { signal, onProgress } = options;
  const { files, infos, metadata, sizes } = await checkInputs(input);
  const progress = startProgress(files, sizes);
  const client = db.$client;

  client.exec('BEGIN IMMEDIATE');
  try {
    const datasetId = insertPendingDataset(client, input.name ?? defaultName(files[0]!.name));
    const tally = new ImportTally(client, datasetId, metadata);
    const summaries: SourceFileSummary[] = [];
    for (const [index, file] of files.entries()) {
      const source = { file, info: infos[index]!, fileProgress: progress.files[index]! };
      summaries.push(await readFileInto(tally, source, progress, options));
    }
    signal?.throwIfAborted();
    progress.done = progress.total;
    progress.message = 'Saving';
    onProgress?.(progress);

    const metadataReport = tally.metadataReport();
    const valid = tally.seen.size;
    const invalid = summaries.reduce((sum, s) => sum + s.invalid, 0);
    const base = {
      files: summaries,
      records: { total: valid + invalid, valid, invalid },
      errors: tally.errors,
      errorCount: tally.errorCount,
      metadata: metadataReport,
    };
    if (valid === 0) {
      client.exec('ROLLBACK');
      return { ...base, dataset: null, duplicateOf: null };
    }
    const contentSha256 = tally.contentSha256();
    const existing = db
      .select({ id: datasets.id, name: datasets.name })
      .from(datasets)
      .where(eq(datasets.contentSha256, contentSha256))
      .get();
    if (existing) {
      client.exec('ROLLBACK');
      return { ...base, dataset: null, duplicateOf: existing };
    }
    const dataset = saveDataset(db, datasetId, {
      contentSha256,
      tally,
      invalid,
      summaries,
      metadata,
      metadataReport,
      files,
    });
    const report: ImportReport = { ...base, dataset, duplicateOf: null };
    options.onCommit?.(report);
    client.exec('COMMIT');
    return report;
  } catch (error) {
    if (client.inTransaction) client.exec('ROLLBACK');
    throw error;
  }
}
