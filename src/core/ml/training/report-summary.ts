/** A training report as a few lines of text for a terminal. */
import { higherIsBetter } from '../metrics';
import type { TrainingReport } from './training-options';

const f4 = (x: number | null): string => (x === null ? '-' : x.toFixed(4));

/** Chosen model, pooled cross-validated figures, per-fold figures and the best trials. */
export function formatTrainingSummary(report: TrainingReport, topTrials = 5): string {
  const cv = report.crossValidation;
  const lines = [
    `${report.rows} genomes, ${report.classes.length} labels, ${report.groups} groups (${report.grouping}), ` +
      `${report.featurePositions} allele positions` +
      (report.failed.length > 0 ? `; ${report.failed.length} did not align` : ''),
    `chosen by ${report.metric}: ${report.chosen}`,
    `cross-validated: accuracy ${f4(cv.accuracy)}, macro-F1 ${f4(cv.macroF1)}, ` +
      `ECE ${f4(cv.calibration.ece)} (before calibration ${f4(report.eceBeforeCalibration)}), ` +
      `log loss ${f4(cv.logLoss)}`,
    `confidence threshold ${report.confidenceThreshold.toFixed(3)} (temperature ${report.temperature.toFixed(3)}): ` +
      `coverage ${f4(cv.coverage)}, accuracy assigned ${f4(cv.accuracyAssigned)}`,
    ...report.perFold.map(
      (fold) =>
        `  fold ${fold.fold}: ${fold.rows} genomes, ${fold.groups} groups, accuracy ${f4(fold.accuracy)}, macro-F1 ${f4(fold.macroF1)}`,
    ),
  ];
  const sign = higherIsBetter(report.metric) ? 1 : -1;
  const rank = (score: number | null): number => (score === null ? -Infinity : sign * score);
  const ranked = [...report.trials].sort((a, b) => rank(b.score) - rank(a.score));
  lines.push(`best of ${report.trials.length} trials:`);
  for (const trial of ranked.slice(0, topTrials)) lines.push(`  ${f4(trial.score)}  ${trial.name}`);
  return `${lines.join('\n')}\n`;
}
