/** Shape checks and per-row helpers shared by the metrics: labels are class indices, probabilities are rows x C. */
import { InvalidInputError } from '../../errors';

/** Throws unless every label is an integer class index in `0..numClasses-1`. */
export function checkLabels(labels: ArrayLike<number>, numClasses: number, what = 'label'): void {
  if (!Number.isInteger(numClasses) || numClasses < 1)
    throw new InvalidInputError(`numClasses must be a positive integer, got ${numClasses}`);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (!Number.isInteger(label) || label < 0 || label >= numClasses)
      throw new InvalidInputError(
        `${what} ${label} (row ${i}) is not a class index in 0..${numClasses - 1}`,
      );
  }
}

/** Throws unless `probabilities` holds `rows` x `numClasses` finite values. */
export function checkProbabilities(
  probabilities: ArrayLike<number>,
  rows: number,
  numClasses: number,
): void {
  if (probabilities.length !== rows * numClasses)
    throw new InvalidInputError(
      `${probabilities.length} probabilities for ${rows} rows x ${numClasses} classes`,
    );
  for (let i = 0; i < probabilities.length; i++)
    if (!Number.isFinite(probabilities[i]!))
      throw new InvalidInputError(`probability ${probabilities[i]} (value ${i}) is not finite`);
}

/** The most probable class of every row; ties go to the lowest class index. */
export function argmaxLabels(probabilities: ArrayLike<number>, numClasses: number): Int32Array {
  const rows = Math.floor(probabilities.length / numClasses);
  const labels = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const offset = i * numClasses;
    let best = 0;
    for (let c = 1; c < numClasses; c++)
      if (probabilities[offset + c]! > probabilities[offset + best]!) best = c;
    labels[i] = best;
  }
  return labels;
}

/** The largest probability of every row: the model's confidence in its prediction. */
export function maxProbabilities(
  probabilities: ArrayLike<number>,
  numClasses: number,
): Float64Array {
  const rows = Math.floor(probabilities.length / numClasses);
  const confidence = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let max = -Infinity;
    for (let c = 0; c < numClasses; c++) max = Math.max(max, probabilities[i * numClasses + c]!);
    confidence[i] = max;
  }
  return confidence;
}

/**
 * The rows a model with confidence threshold `threshold` declines: 1 where the largest
 * probability is below the threshold (a row at exactly the threshold is assigned).
 */
export function declinedBelow(
  probabilities: ArrayLike<number>,
  numClasses: number,
  threshold: number,
): Uint8Array {
  const confidence = maxProbabilities(probabilities, numClasses);
  return Uint8Array.from(confidence, (value) => (value < threshold ? 1 : 0));
}
