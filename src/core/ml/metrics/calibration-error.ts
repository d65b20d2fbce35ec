/** Expected calibration error and the reliability curve, over equal-width confidence bins. */
import { InvalidInputError } from '../../errors';
import { argmaxLabels, checkLabels, checkProbabilities, maxProbabilities } from './label-inputs';

export const DEFAULT_CALIBRATION_BINS = 15;

// A float32 softmax can overshoot 1 by a rounding step; such values are clamped, not refused.
const CONFIDENCE_SLACK = 1e-6;

export interface ReliabilityBin {
  /** The bin is [lower, upper); the last bin also holds confidence 1. */
  lower: number;
  upper: number;
  count: number;
  /** Null when the bin is empty. */
  meanConfidence: number | null;
  accuracy: number | null;
}

export interface ReliabilityCurve {
  /** Sum over bins of (count / rows) x |accuracy - mean confidence|. */
  ece: number;
  bins: ReliabilityBin[];
}

/**
 * The reliability curve of predictions with confidence `confidence[i]` that were right where
 * `correct[i]` is truthy, over `bins` equal-width bins of [0, 1], and its expected
 * calibration error.
 */
export function reliabilityCurve(
  confidence: ArrayLike<number>,
  correct: ArrayLike<number | boolean>,
  bins = DEFAULT_CALIBRATION_BINS,
): ReliabilityCurve {
  const n = confidence.length;
  if (correct.length !== n)
    throw new InvalidInputError(`${n} confidences but ${correct.length} correctness flags`);
  if (!Number.isInteger(bins) || bins < 1)
    throw new InvalidInputError(`bins must be a positive integer, got ${bins}`);
  if (n === 0) throw new InvalidInputError('no rows to score');
  const counts = new Float64Array(bins);
  const confidenceSums = new Float64Array(bins);
  const correctCounts = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const raw = confidence[i]!;
    if (!(raw >= -CONFIDENCE_SLACK && raw <= 1 + CONFIDENCE_SLACK))
      throw new InvalidInputError(`confidence ${raw} (row ${i}) is not in [0, 1]`);
    const value = Math.min(1, Math.max(0, raw));
    const bin = Math.min(bins - 1, Math.floor(value * bins));
    counts[bin]! += 1;
    confidenceSums[bin]! += value;
    if (correct[i]) correctCounts[bin]! += 1;
  }
  let ece = 0;
  const curve: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const count = counts[b]!;
    const meanConfidence = count === 0 ? null : confidenceSums[b]! / count;
    const accuracy = count === 0 ? null : correctCounts[b]! / count;
    if (meanConfidence !== null && accuracy !== null)
      ece += (count / n) * Math.abs(accuracy - meanConfidence);
    curve.push({ lower: b / bins, upper: (b + 1) / bins, count, meanConfidence, accuracy });
  }
  return { ece, bins: curve };
}

/** The reliability curve of a classifier's top-1 predictions (confidence = largest probability). */
export function expectedCalibrationError(
  yTrue: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  numClasses: number,
  bins = DEFAULT_CALIBRATION_BINS,
): ReliabilityCurve {
  checkLabels(yTrue, numClasses, 'true label');
  checkProbabilities(probabilities, yTrue.length, numClasses);
  const predicted = argmaxLabels(probabilities, numClasses);
  const correct = Uint8Array.from(predicted, (label, i) => (label === yTrue[i] ? 1 : 0));
  return reliabilityCurve(maxProbabilities(probabilities, numClasses), correct, bins);
}
