/**
 * One analysis: align every sequence of a dataset to its pathogen's reference, call
 * mutations, run QC, and store it all in one transaction (cancelled, failed or killed, the
 * registry is left as it was). Runs in a worker; alignment fans out to a worker pool.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { analyzeDatasetInput } from '../../shared/analysis-schemas';
import type { AlignmentOutcome } from '../../shared/analysis-types';
import { createAlignPool, type AlignPool } from './align';
import { InvalidInputError, NotFoundError } from '../errors';
import type { JobContext } from '../jobs/job-manager';
import { loadLabeledReferences } from './qc/labeled-references';
import { PlacementIndex } from '../tree/placement';
import { loadPathogen } from '../pathogens/load-pathogen';
import type { RegistryDb } from '../registry/db';
import { datasets } from '../registry/schema';
import { findAnalysis } from './analysis-service';
import { bestMatchText, detectPathogen } from '../pathogens/detect-pathogen';
import { AnalysisWriter, type SequenceBatchRow } from './analysis-writer';
import type { PathogenCatalog } from '../pathogens/pathogen-catalog';

const BATCH = 64;
const DETECTION_SAMPLE = 20;

export interface AnalyzeOptions {
  signal?: AbortSignal;
  onProgress?: JobContext['report'];
  threads?: number;
  /** Runs inside the analysis' transaction, just before COMMIT (the job records its outcome). */
  onCommit?: (analysisId: number) => void;
}

function choosePathogen(db: RegistryDb, catalog: PathogenCatalog, datasetId: number): string {
  const sample = db.$client
    .prepare('SELECT sequence FROM sequences WHERE dataset_id = ? ORDER BY ordinal LIMIT ?')
    .pluck()
    .all(datasetId, DETECTION_SAMPLE) as string[];
  const detection = detectPathogen(catalog.references(), sample);
  if (!detection.pathogenId)
    throw new InvalidInputError(
      `could not tell which pathogen dataset ${datasetId} is${bestMatchText(detection)}: choose one (${catalog
        .list()
        .map((p) => p.id)
        .join(', ')})`,
    );
  return detection.pathogenId;
}

/** The analysis' row, replacing `replacedId` (a stale analysis of the same pair) if given. */
function insertAnalysis(
  client: RegistryDb['$client'],
  replacedId: number | null,
  analysis: { datasetId: number; pathogenId: string; referenceSha256: string },
): number {
  if (replacedId !== null) client.prepare('DELETE FROM analyses WHERE id = ?').run(replacedId);
  return Number(
    client
      .prepare(
        `INSERT INTO analyses (dataset_id, pathogen_id, reference_sha256, sequence_count, aligned_count, failed_count,
           good_count, mediocre_count, bad_count, duration_ms) VALUES (?, ?, ?, 0, 0, 0, 0, 0, 0, 0)`,
      )
      .run(analysis.datasetId, analysis.pathogenId, analysis.referenceSha256).lastInsertRowid,
  );
}

/**
 * Aligns the dataset's sequences batch by batch in `pool`, handing each batch and its
 * outcomes to `onBatch` in order: the next batch aligns while this thread stores the current one.
 */
async function alignBatches(
  pool: AlignPool,
  fetch: (fromOrdinal: number) => SequenceBatchRow[],
  signal: AbortSignal | undefined,
  onBatch: (rows: SequenceBatchRow[], outcomes: AlignmentOutcome[]) => void,
): Promise<void> {
  let batch = fetch(0);
  let pending: Promise<AlignmentOutcome[]> | null = batch.length
    ? pool.align(batch.map((r) => r.sequence))
    : null;
  while (pending) {
    const outcomes = await pending;
    signal?.throwIfAborted();
    const current = batch;
    batch = current.length === BATCH ? fetch(current.at(-1)!.ordinal + 1) : [];
    pending = batch.length ? pool.align(batch.map((r) => r.sequence)) : null;
    onBatch(current, outcomes);
  }
}

/** Fills in the analysis' counts and duration and logs it. */
function finishAnalysis(
  client: RegistryDb['$client'],
  analysisId: number,
  writer: AnalysisWriter,
  log: { datasetId: number; pathogenId: string; durationMs: number },
): void {
  const { aligned, failed, verdicts } = writer;
  client
    .prepare(
      `UPDATE analyses SET sequence_count = ?, aligned_count = ?, failed_count = ?, good_count = ?,
         mediocre_count = ?, bad_count = ?, duration_ms = ? WHERE id = ?`,
    )
    .run(
      aligned + failed,
      aligned,
      failed,
      verdicts.good,
      verdicts.mediocre,
      verdicts.bad,
      log.durationMs,
      analysisId,
    );
  client.prepare(`INSERT INTO audit_log (action, detail) VALUES ('analysis.create', ?)`).run(
    JSON.stringify({
      analysisId,
      datasetId: log.datasetId,
      pathogenId: log.pathogenId,
      aligned,
      failed,
    }),
  );
}

export async function analyzeDataset(
  db: RegistryDb,
  catalog: PathogenCatalog,
  input: z.output<typeof analyzeDatasetInput>,
  options: AnalyzeOptions = {},
): Promise<{ analysisId: number; reused: boolean }> {
  const { signal, onProgress } = options;
  const started = Date.now();
  const dataset = db.select().from(datasets).where(eq(datasets.id, input.datasetId)).get();
  if (!dataset) throw new NotFoundError(`no dataset with id ${input.datasetId}`);
  const pathogenId = input.pathogenId ?? choosePathogen(db, catalog, dataset.id);
  const entry = catalog.get(pathogenId);

  const existing = findAnalysis(db, dataset.id, pathogenId);
  if (existing && existing.referenceSha256 === entry.sha256 && !input.force) {
    return { analysisId: existing.id, reused: true };
  }

  const pathogen = loadPathogen(entry.dir);
  const labeled = await loadLabeledReferences(entry.dir);
  const progress = {
    unit: 'sequences' as const,
    done: 0,
    total: dataset.sequenceCount,
    records: 0,
    message: `Aligning to ${entry.config.name}`,
    files: [],
  };
  // The tree is read before the workers start: a tree that does not fit stops here.
  const reference = pathogen.reference.sequence;
  const writer = new AnalysisWriter(db.$client, {
    labeled,
    qc: entry.config.qc,
    genes: pathogen.genes,
    tree: entry.treePath
      ? { index: new PlacementIndex(catalog.referenceTree(entry.treePath), reference), reference }
      : null,
  });
  const pool: AlignPool = createAlignPool(pathogen, options.threads ?? 2);
  const client = db.$client;
  const readBatch = client.prepare(
    'SELECT id, ordinal, seq_id, sequence FROM sequences WHERE dataset_id = ? AND ordinal >= ? ORDER BY ordinal LIMIT ?',
  );

  client.exec('BEGIN IMMEDIATE');
  try {
    const analysisId = insertAnalysis(client, existing ? existing.id : null, {
      datasetId: dataset.id,
      pathogenId,
      referenceSha256: entry.sha256,
    });
    await alignBatches(
      pool,
      (from) => readBatch.all(dataset.id, from, BATCH) as SequenceBatchRow[],
      signal,
      (rows, outcomes) => {
        rows.forEach((row, i) => writer.storeOutcome(analysisId, row, outcomes[i]!));
        progress.done += rows.length;
        progress.records = progress.done;
        onProgress?.(progress);
      },
    );
    signal?.throwIfAborted();
    onProgress?.({ ...progress, message: 'Saving the mutation table' });
    writer.storeMutationTable(analysisId);
    finishAnalysis(client, analysisId, writer, {
      datasetId: dataset.id,
      pathogenId,
      durationMs: Date.now() - started,
    });
    options.onCommit?.(analysisId);
    client.exec('COMMIT');
    return { analysisId, reused: false };
  } catch (error) {
    if (client.inTransaction) client.exec('ROLLBACK');
    throw error;
  } finally {
    await pool.close();
  }
}
