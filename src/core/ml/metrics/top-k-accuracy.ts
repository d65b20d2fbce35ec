import { InvalidInputError } from '../../errors';
import { checkLabels, checkProbabilities } from './label-inputs';

/**
 * Share of rows whose true class is among the `k` most probable. The true class's rank counts
 * the classes with a higher probability plus the tied ones with a lower index, so a tie is
 * broken the same way as the top-1 prediction (lowest index first).
 */
export function topKAccuracy(
  yTrue: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  numClasses: number,
  k: number,
): number {
  checkLabels(yTrue, numClasses, 'true label');
  checkProbabilities(probabilities, yTrue.length, numClasses);
  if (!Number.isInteger(k) || k < 1)
    throw new InvalidInputError(`k must be a positive integer, got ${k}`);
  if (yTrue.length === 0) throw new InvalidInputError('no rows to score');
  let hits = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const offset = i * numClasses;
    const truth = yTrue[i]!;
    const p = probabilities[offset + truth]!;
    let rank = 0;
    for (let c = 0; c < numClasses; c++) {
      const other = probabilities[offset + c]!;
      if (other > p || (other === p && c < truth)) rank++;
    }
    if (rank < k) hits++;
  }
  return hits / yTrue.length;
}
