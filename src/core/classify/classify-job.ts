/**
 * Classifies a dataset as a job: sequences are read in chunks (keyset on the import
 * ordinal, so the connection is free between chunks), classified by the cached
 * classifier, joined with the analysis' QC verdict and amino-acid substitutions, and the
 * whole run is written in one transaction at the end: a cancelled or failed run leaves
 * nothing behind.
 */
import type { SequenceCalls } from '../../shared/analysis-types';
import type { ModelVersionSummary, PredictionRow } from '../../shared/classify-types';
import { formatAaSubstitution } from '../analysis/align';
import type { JobContext } from '../jobs/job-manager';
import type { ClassifierCache } from './classifier-cache';
import type { RegistryDb } from '../registry/db';
import { insertClassification } from './classification-store';
import { toPredictionRow, type StoredVerdict } from './prediction-rules';

const CHUNK = 4096;

export interface ClassifyJobData {
  db: RegistryDb;
  classifiers: ClassifierCache;
  datasetId: number;
  datasetName: string;
  /** The analysis whose QC and calls are joined in; null without one. */
  analysisId: number | null;
  model: ModelVersionSummary;
  /** Runs inside the run's transaction, before COMMIT (the job records its outcome). */
  onCommit?: (classificationId: number) => void;
}

interface SourceRow {
  ordinal: number;
  seq_id: string;
  /** As bytes (CAST AS BLOB): see SequenceInput. */
  sequence: Uint8Array;
  failure: string | null;
  qc_verdict: string | null;
  calls: string | null;
  has_result: number;
}

function verdictOf(row: SourceRow, hasAnalysis: boolean): StoredVerdict {
  if (!hasAnalysis || !row.has_result) return null;
  if (row.failure !== null) return 'failed';
  return row.qc_verdict as StoredVerdict;
}

function aaSubstitutionsOf(calls: string | null): string[] {
  if (!calls) return [];
  return (JSON.parse(calls) as SequenceCalls).aaSubstitutions.map(formatAaSubstitution);
}

/** @returns the id of the stored classification */
export async function runClassifyJob(data: ClassifyJobData, ctx: JobContext): Promise<number> {
  const { db, model } = data;
  const started = Date.now();
  const total = (
    db.$client
      .prepare('SELECT count(*) AS n FROM sequences WHERE dataset_id = ?')
      .get(data.datasetId) as { n: number }
  ).n;
  const message = `Classifying ${data.datasetName} with ${model.name}@${model.version}`;
  const report = (done: number): void =>
    ctx.report({ unit: 'sequences', done, total, records: done, message, files: [] });
  report(0);
  const read = db.$client.prepare(
    `SELECT s.ordinal, s.seq_id, CAST(s.sequence AS BLOB) AS sequence, r.failure, r.qc_verdict, r.calls,
            r.id IS NOT NULL AS has_result
       FROM sequences s
       LEFT JOIN sequence_results r ON r.analysis_id = ? AND r.seq_id = s.seq_id
      WHERE s.dataset_id = ? AND s.ordinal > ?
      ORDER BY s.ordinal LIMIT ?`,
  );
  const hasAnalysis = data.analysisId !== null;
  const rows: (PredictionRow & { top: { label: string; probability: number }[] })[] = [];
  await data.classifiers.use(model.id, async (classifier) => {
    let after = -1;
    for (;;) {
      ctx.signal.throwIfAborted();
      const chunk = read.all(data.analysisId ?? -1, data.datasetId, after, CHUNK) as SourceRow[];
      if (chunk.length === 0) break;
      after = chunk[chunk.length - 1]!.ordinal;
      const before = rows.length;
      const predictions = await classifier.classify(
        chunk.map((row) => ({ id: row.seq_id, sequence: row.sequence })),
        { signal: ctx.signal, onProgress: ({ done }) => report(before + done) },
      );
      predictions.forEach((prediction, i) => {
        const source = chunk[i]!;
        rows.push(
          toPredictionRow(
            prediction,
            source.ordinal,
            verdictOf(source, hasAnalysis),
            aaSubstitutionsOf(source.calls),
          ),
        );
      });
    }
  });
  ctx.signal.throwIfAborted();
  ctx.report({
    unit: 'sequences',
    done: total,
    total,
    records: total,
    message: 'Saving',
    files: [],
  });
  return insertClassification(
    db,
    {
      datasetId: data.datasetId,
      analysisId: data.analysisId,
      model,
      rows,
      durationMs: Date.now() - started,
    },
    data.onCommit,
  );
}
