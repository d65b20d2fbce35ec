/** Reads one named score out of a report, for model selection and cross-validation summaries. */
import type { ClassificationReport } from './report-schema';

export const METRIC_NAMES = [
  'accuracy',
  'macroF1',
  'weightedF1',
  'macroRocAuc',
  'logLoss',
  'ece',
  'coverage',
  'accuracyAssigned',
] as const;

export type MetricName = (typeof METRIC_NAMES)[number];

/** Whether a larger value of the metric is better (false for the losses and ECE). */
export function higherIsBetter(metric: MetricName): boolean {
  return metric !== 'logLoss' && metric !== 'ece';
}

/** The metric's value in the report; null when the report has none (e.g. no class has an AUC). */
export function metricValue(report: ClassificationReport, metric: MetricName): number | null {
  return metric === 'ece' ? report.calibration.ece : report[metric];
}
