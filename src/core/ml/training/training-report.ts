/** Pieces of the training report: per-fold figures and the manifest's metrics. */
import { evaluateClassifier } from '../metrics';
import type { Fold } from '../validation';
import type { JsonValue } from './fit-candidate';
import type { PreparedData } from './prepare-training-data';
import type { FoldSummary, TrainingReport } from './training-options';

/** Accuracy and macro-F1 of each fold's test rows, and how many groups it held out. */
export function foldSummaries(
  folds: readonly Fold[],
  prepared: PreparedData,
  calibrated: Float32Array,
): FoldSummary[] {
  const { labels, numClasses } = prepared.data;
  return folds.map((fold, i) => {
    const probabilities = new Float32Array(fold.test.length * numClasses);
    fold.test.forEach((row, j) =>
      probabilities.set(
        calibrated.subarray(row * numClasses, (row + 1) * numClasses),
        j * numClasses,
      ),
    );
    const yTrue = Int32Array.from(fold.test, (row) => labels[row]!);
    const report = evaluateClassifier(yTrue, probabilities, numClasses);
    const groups = new Set(Array.from(fold.test, (row) => prepared.groups[row]!)).size;
    const { accuracy, macroF1 } = report;
    return { fold: i + 1, rows: fold.test.length, groups, accuracy, macroF1 };
  });
}

/**
 * The report as manifest metrics: JSON, without timings (the same seed must give the same
 * bytes), the failed list cut to its first 20.
 */
export function metricsOf(report: TrainingReport): Record<string, JsonValue> {
  const { failed, seconds: _seconds, trials, ...rest } = report;
  const untimed = trials.map(({ seconds: _s, ...trial }) => trial);
  return JSON.parse(
    JSON.stringify({
      ...rest,
      trials: untimed,
      failedCount: failed.length,
      failed: failed.slice(0, 20),
    }),
  ) as Record<string, JsonValue>;
}
