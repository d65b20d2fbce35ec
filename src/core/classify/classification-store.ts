/** Writes one classification run and its predictions in one transaction. */
import type { ModelVersionSummary, PredictionRow } from '../../shared/classify-types';
import type { RegistryDb } from '../registry/db';
import { auditLog, classifications } from '../registry/schema';
import { summarizeRows } from './prediction-rules';

export interface NewClassification {
  datasetId: number;
  analysisId: number | null;
  model: ModelVersionSummary;
  rows: readonly (PredictionRow & { top: { label: string; probability: number }[] })[];
  durationMs: number;
}

/**
 * @param onCommit runs inside the transaction, before COMMIT (the job records its outcome)
 * @returns the new classification's id
 */
export function insertClassification(
  db: RegistryDb,
  run: NewClassification,
  onCommit?: (classificationId: number) => void,
): number {
  const totals = summarizeRows(run.rows);
  const insertPrediction = db.$client.prepare(
    `INSERT INTO predictions (classification_id, ordinal, seq_id, label, top_label, confidence,
       status, reason, detail, top, fallback_label, fallback_exemplar, fallback_distance,
       recombinant, tree, qc_verdict, aa_substitutions)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return db.transaction((tx) => {
    const { id } = tx
      .insert(classifications)
      .values({
        datasetId: run.datasetId,
        modelVersionId: run.model.id,
        analysisId: run.analysisId,
        pathogenId: run.model.pathogenId,
        ...totals,
        confidenceThreshold: run.model.confidenceThreshold,
        durationMs: run.durationMs,
      })
      .returning({ id: classifications.id })
      .get();
    for (const row of run.rows)
      insertPrediction.run(
        id,
        row.ordinal,
        row.seqId,
        row.label,
        row.topLabel,
        row.confidence,
        row.status,
        row.reason,
        row.detail,
        JSON.stringify(row.top),
        row.fallbackLabel,
        row.fallbackExemplar,
        row.fallbackDistance,
        row.recombinant ? JSON.stringify(row.recombinant) : null,
        row.tree ? JSON.stringify(row.tree) : null,
        row.qcVerdict,
        row.aaSubstitutions.join(','),
      );
    tx.insert(auditLog)
      .values({
        action: 'classification.create',
        detail: {
          classificationId: id,
          datasetId: run.datasetId,
          modelId: run.model.id,
          model: `${run.model.name}@${run.model.version}`,
          sequences: totals.sequenceCount,
          assigned: totals.assignedCount,
        },
      })
      .run();
    onCommit?.(id);
    return id;
  });
}
