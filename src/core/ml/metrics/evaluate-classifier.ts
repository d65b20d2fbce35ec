/** One call that gathers every classification metric into a JSON-serializable report. */
import { InvalidInputError } from '../../errors';
import { DEFAULT_CALIBRATION_BINS, expectedCalibrationError } from './calibration-error';
import {
  accuracyFromConfusion,
  macroF1,
  perClassScores,
  weightedF1,
} from './classification-scores';
import { confusionMatrix } from './confusion-matrix';
import { argmaxLabels, checkLabels, checkProbabilities } from './label-inputs';
import { FLOAT32_EPSILON, logLoss } from './log-loss';
import type { ClassificationReport } from './report-schema';
import { oneVsRestRocAuc } from './roc-auc';
import { topKAccuracy } from './top-k-accuracy';

export interface EvaluateOptions {
  /** Class names by index, copied into the per-class entries. */
  labels?: readonly string[];
  /** Truthy for the rows the model declined (below its confidence threshold). */
  declined?: ArrayLike<number | boolean>;
  /** Equal-width bins of the reliability curve. Default 15. */
  calibrationBins?: number;
  /** The k of each top-k accuracy; ks not below numClasses are dropped. Default [3, 5]. */
  topK?: readonly number[];
  /** Log-loss clip. Default float32 machine epsilon. */
  logLossEpsilon?: number;
}

/**
 * Scores a classifier from its probabilities (`yTrue.length` x `numClasses`, row-major).
 * Predictions are each row's most probable class (ties to the lowest index); every metric
 * but coverage and accuracyAssigned is over all rows, as if the model had to answer, so
 * models with different thresholds stay comparable.
 */
export function evaluateClassifier(
  yTrue: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  numClasses: number,
  options: EvaluateOptions = {},
): ClassificationReport {
  checkLabels(yTrue, numClasses, 'true label');
  checkProbabilities(probabilities, yTrue.length, numClasses);
  const rows = yTrue.length;
  if (rows === 0) throw new InvalidInputError('no rows to score');
  const { labels, declined } = options;
  if (labels && labels.length !== numClasses)
    throw new InvalidInputError(`${labels.length} class names for ${numClasses} classes`);
  if (declined && declined.length !== rows)
    throw new InvalidInputError(`declined mask has ${declined.length} rows, expected ${rows}`);

  const predicted = argmaxLabels(probabilities, numClasses);
  const confusion = confusionMatrix(yTrue, predicted, numClasses);
  const auc = oneVsRestRocAuc(yTrue, probabilities, numClasses);
  const perClass = perClassScores(confusion).map((scores, classIndex) => ({
    classIndex,
    ...(labels ? { label: labels[classIndex]! } : {}),
    ...scores,
    rocAuc: auc.perClass[classIndex]!,
  }));

  let assigned = 0;
  let correctAssigned = 0;
  for (let i = 0; i < rows; i++) {
    if (declined?.[i]) continue;
    assigned++;
    if (predicted[i] === yTrue[i]) correctAssigned++;
  }

  const ks = (options.topK ?? [3, 5]).filter((k) => k < numClasses);
  return {
    rows,
    numClasses,
    accuracy: accuracyFromConfusion(confusion),
    macroF1: macroF1(confusion),
    weightedF1: weightedF1(confusion),
    macroRocAuc: auc.macro,
    logLoss: logLoss(yTrue, probabilities, numClasses, options.logLossEpsilon ?? FLOAT32_EPSILON),
    perClass,
    confusionMatrix: confusion,
    calibration: expectedCalibrationError(
      yTrue,
      probabilities,
      numClasses,
      options.calibrationBins ?? DEFAULT_CALIBRATION_BINS,
    ),
    topK: ks.map((k) => ({ k, accuracy: topKAccuracy(yTrue, probabilities, numClasses, k) })),
    coverage: assigned / rows,
    assigned,
    accuracyAssigned: assigned === 0 ? null : correctAssigned / assigned,
  };
}
