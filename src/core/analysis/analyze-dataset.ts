/**
 * One analysis: align every sequence of a dataset to its pathogen's reference, call
 * mutations, run QC, and store it all in one transaction (cancelled, failed or killed, the
 * registry is left as it was). Runs in a worker; alignment fans out to a worker pool.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { analyzeDatasetInput } from '../../shared/analysis-schemas';
import type { AlignmentOutcome, QcVerdict } from '../../shared/analysis-types';
import { createAlignPool, type AlignPool } from './align';
import { InvalidInputError, NotFoundError } from '../errors';
import type { JobContext } from '../jobs/job-manager';
import { findNearestReference, loadLabeledReferences } from './qc/labeled-references';
import { runQc } from './qc/run-qc';
import { loadPathogen } from '../pathogens/load-pathogen';
import type { RegistryDb } from '../registry/db';
import { datasets } from '../registry/schema';
import { findAnalysis } from './analysis-service';
import { bestMatchText, detectPathogen } from '../pathogens/detect-pathogen';
import { mutationEntries } from './mutation-entries';
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

interface SequenceBatchRow {
  id: number;
  ordinal: number;
  seq_id: string;
  sequence: string;
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
  const genes = pathogen.genes;
  const total = dataset.sequenceCount;
  const progress = {
    unit: 'sequences' as const,
    done: 0,
    total,
    records: 0,
    message: `Aligning to ${entry.config.name}`,
    files: [],
  };
  const pool: AlignPool = createAlignPool(pathogen, options.threads ?? 2);
  const client = db.$client;
  const readBatch = client.prepare(
    'SELECT id, ordinal, seq_id, sequence FROM sequences WHERE dataset_id = ? AND ordinal >= ? ORDER BY ordinal LIMIT ?',
  );
  const insertResult = client.prepare(
    `INSERT INTO sequence_results (analysis_id, ordinal, seq_id, failure, calls, qc, qc_score, qc_verdict, nearest,
       substitution_count, deletion_count, insertion_count, missing_count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMutation = client.prepare(
    `INSERT INTO mutation_counts (analysis_id, label, kind, position, gene, aa_changes, count, frequency)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCarrier = client.prepare(
    'INSERT INTO mutation_carriers (mutation_id, result_id) VALUES (?, ?)',
  );

  const mutations = new Map<
    string,
    {
      kind: string;
      position: number;
      gene: string | null;
      aaChanges: Set<string>;
      carriers: number[];
    }
  >();
  const verdicts: Record<QcVerdict, number> = { good: 0, mediocre: 0, bad: 0 };
  let aligned = 0;
  let failed = 0;

  client.exec('BEGIN IMMEDIATE');
  try {
    if (existing) client.prepare('DELETE FROM analyses WHERE id = ?').run(existing.id);
    const analysisId = Number(
      client
        .prepare(
          `INSERT INTO analyses (dataset_id, pathogen_id, reference_sha256, sequence_count, aligned_count, failed_count,
             good_count, mediocre_count, bad_count, duration_ms) VALUES (?, ?, ?, 0, 0, 0, 0, 0, 0, 0)`,
        )
        .run(dataset.id, pathogenId, entry.sha256).lastInsertRowid,
    );

    const fetch = (from: number): SequenceBatchRow[] =>
      readBatch.all(dataset.id, from, BATCH) as SequenceBatchRow[];
    let batch = fetch(0);
    // The next batch aligns in the pool while this thread scores and stores the current one.
    let pending: Promise<AlignmentOutcome[]> | null = batch.length
      ? pool.align(batch.map((r) => r.sequence))
      : null;
    while (pending) {
      const outcomes = await pending;
      signal?.throwIfAborted();
      const current = batch;
      batch = current.length === BATCH ? fetch(current.at(-1)!.ordinal + 1) : [];
      pending = batch.length ? pool.align(batch.map((r) => r.sequence)) : null;

      current.forEach((row, i) => {
        const outcome = outcomes[i]!;
        if (!outcome.ok) {
          failed += 1;
          insertResult.run(
            analysisId,
            row.ordinal,
            row.seq_id,
            outcome.reason,
            null,
            null,
            null,
            null,
            null,
            0,
            0,
            0,
            0,
          );
          return;
        }
        aligned += 1;
        const { calls } = outcome;
        const match = findNearestReference(labeled, calls);
        const qc = runQc(calls, { config: entry.config.qc, nearest: match! });
        verdicts[qc.verdict] += 1;
        const missingCount = calls.missing.reduce((sum, r) => sum + r.end - r.start + 1, 0);
        const resultId = Number(
          insertResult.run(
            analysisId,
            row.ordinal,
            row.seq_id,
            null,
            JSON.stringify(calls),
            JSON.stringify(qc),
            qc.overallScore,
            qc.verdict,
            match ? JSON.stringify(match.nearest) : null,
            calls.substitutions.length,
            calls.deletions.length,
            calls.insertions.length,
            missingCount,
          ).lastInsertRowid,
        );
        for (const mutation of mutationEntries(calls, genes)) {
          let counted = mutations.get(mutation.label);
          if (!counted) {
            counted = { ...mutation, aaChanges: new Set(), carriers: [] };
            mutations.set(mutation.label, counted);
          }
          for (const aa of mutation.aaChanges) counted.aaChanges.add(aa);
          counted.carriers.push(resultId);
        }
      });
      progress.done += current.length;
      progress.records = progress.done;
      onProgress?.(progress);
    }
    signal?.throwIfAborted();
    onProgress?.({ ...progress, message: 'Saving the mutation table' });
    for (const [label, m] of mutations) {
      const mutationId = Number(
        insertMutation.run(
          analysisId,
          label,
          m.kind,
          m.position,
          m.gene,
          m.aaChanges.size ? [...m.aaChanges].join(',') : null,
          m.carriers.length,
          aligned ? m.carriers.length / aligned : 0,
        ).lastInsertRowid,
      );
      for (const resultId of m.carriers) insertCarrier.run(mutationId, resultId);
    }
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
        Date.now() - started,
        analysisId,
      );
    client
      .prepare(`INSERT INTO audit_log (action, detail) VALUES ('analysis.create', ?)`)
      .run(JSON.stringify({ analysisId, datasetId: dataset.id, pathogenId, aligned, failed }));
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
