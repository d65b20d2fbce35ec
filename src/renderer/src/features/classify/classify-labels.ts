/** How classification results read: model names, confidences and unassigned reasons in words. */
import type {
  ModelHeadline,
  ModelVersionSummary,
  PredictionRow,
  UnassignedReason,
} from '../../../../shared/classify-types';
import { formatCount, formatPercent } from '../../lib/format';

/** `sars-cov-2-clade@1.0.0`: how a model version is named everywhere. */
export function modelName(model: { name: string; version: string }): string {
  return `${model.name}@${model.version}`;
}

export function isProduction(model: Pick<ModelVersionSummary, 'aliases'>): boolean {
  return model.aliases.includes('production');
}

/** A calibrated probability as a percentage; 0.6994 -> `69.9%`. */
export function formatConfidence(probability: number): string {
  return formatPercent(probability, 1);
}

/** A headline figure (accuracy, F1, coverage) as a percentage, a dash when the report lacks it. */
export function formatHeadline(value: ModelHeadline[keyof ModelHeadline]): string {
  return value === null || !Number.isFinite(value) ? '—' : formatPercent(value, 1);
}

/** An F1, precision or recall as three decimals. */
export function formatScore3(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : value.toFixed(3);
}

export const reasonLabels: Record<UnassignedReason, string> = {
  'low-confidence': 'Low confidence',
  'bad-qc': 'Bad QC',
  'not-aligned': 'Not aligned',
};

/** Why a sequence is unassigned, in a sentence with its numbers. */
export function explainReason(
  row: Pick<PredictionRow, 'reason' | 'confidence' | 'topLabel' | 'detail'>,
  threshold: number,
): string {
  switch (row.reason) {
    case 'low-confidence':
      return `Low confidence: ${formatConfidence(row.confidence)}${row.topLabel ? ` for ${row.topLabel}` : ''}, below the ${formatConfidence(threshold)} threshold`;
    case 'bad-qc':
      return 'Bad QC: the sequence failed quality control, so no label is trusted';
    case 'not-aligned':
      return `Not aligned: ${row.detail ?? 'the sequence did not align to the reference'}`;
    default:
      return '';
  }
}

/** `3 mismatches` */
export function formatDistance(distance: number): string {
  return `${formatCount(distance)} ${distance === 1 ? 'mismatch' : 'mismatches'}`;
}
