/**
 * What a stored prediction says once the sequence's QC is known, and the run's totals.
 * A sequence whose QC verdict is bad is unassigned (as pangolin does with a failed QC):
 * the model's most probable label is kept for reference, never reported as the call.
 */
import type { QcVerdict } from '../../shared/analysis-types';
import type {
  ClassificationSummary,
  ConfidenceBin,
  Prediction,
  PredictionRow,
  UnassignedReason,
} from '../../shared/classify-types';

export type StoredVerdict = QcVerdict | 'failed' | null;

/** The row stored for one prediction, given its QC verdict and amino-acid substitutions. */
export function toPredictionRow(
  prediction: Prediction,
  ordinal: number,
  qcVerdict: StoredVerdict,
  aaSubstitutions: string[],
): PredictionRow & { top: Prediction['top'] } {
  const topLabel = prediction.top[0]?.label ?? null;
  const badQc = qcVerdict === 'bad' && prediction.reason !== 'not-aligned';
  const status = badQc ? 'unassigned' : prediction.status;
  return {
    ordinal,
    seqId: prediction.id,
    label: status === 'assigned' ? prediction.label : null,
    topLabel,
    confidence: prediction.confidence,
    status,
    reason: badQc ? 'bad-qc' : (prediction.reason ?? null),
    detail: prediction.detail ?? null,
    fallbackLabel: prediction.fallbackLabel,
    fallbackExemplar: prediction.fallbackExemplar,
    fallbackDistance: prediction.fallbackDistance,
    recombinant: prediction.recombinant,
    tree: prediction.tree,
    qcVerdict,
    aaSubstitutions,
    top: prediction.top,
  };
}

export type RunTotals = Pick<
  ClassificationSummary,
  | 'sequenceCount'
  | 'assignedCount'
  | 'unassignedCount'
  | 'unassignedByReason'
  | 'recombinantCount'
  | 'labelCounts'
>;

/** Counts over a run's rows; labels most frequent first (ties by name). */
export function summarizeRows(rows: readonly PredictionRow[]): RunTotals {
  const unassignedByReason: Record<UnassignedReason, number> = {
    'low-confidence': 0,
    'not-aligned': 0,
    'bad-qc': 0,
  };
  const byLabel = new Map<string, { count: number; confidence: number }>();
  let assignedCount = 0;
  let recombinantCount = 0;
  for (const row of rows) {
    if (row.recombinant) recombinantCount += 1;
    if (row.status === 'unassigned') {
      unassignedByReason[row.reason ?? 'low-confidence'] += 1;
      continue;
    }
    assignedCount += 1;
    const entry = byLabel.get(row.label!) ?? { count: 0, confidence: 0 };
    entry.count += 1;
    entry.confidence += row.confidence;
    byLabel.set(row.label!, entry);
  }
  const labelCounts = [...byLabel.entries()]
    .map(([label, { count, confidence }]) => ({
      label,
      count,
      meanConfidence: confidence / count,
    }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return {
    sequenceCount: rows.length,
    assignedCount,
    unassignedCount: rows.length - assignedCount,
    unassignedByReason,
    recombinantCount,
    labelCounts,
  };
}

/** Confidence in `bins` equal bins over [0, 1] (1 falls in the last), by status. */
export function confidenceHistogram(
  values: readonly { confidence: number; status: 'assigned' | 'unassigned' }[],
  bins = 20,
): ConfidenceBin[] {
  const out: ConfidenceBin[] = Array.from({ length: bins }, (_, i) => ({
    from: i / bins,
    to: (i + 1) / bins,
    assigned: 0,
    unassigned: 0,
  }));
  for (const { confidence, status } of values) {
    const bin = out[Math.min(bins - 1, Math.max(0, Math.floor(confidence * bins)))]!;
    bin[status] += 1;
  }
  return out;
}
