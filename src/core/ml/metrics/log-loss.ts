import { InvalidInputError } from '../../errors';
import { checkLabels, checkProbabilities } from './label-inputs';

/** Machine epsilon of float32, the clip scikit-learn applies to float32 probabilities. */
export const FLOAT32_EPSILON = 2 ** -23;

/**
 * Mean negative log of the probability given to the true class, with probabilities clipped
 * to `[epsilon, 1 - epsilon]` as scikit-learn's `log_loss` (epsilon = the dtype's machine
 * epsilon, float32 by default). Rows are not renormalized.
 */
export function logLoss(
  yTrue: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  numClasses: number,
  epsilon = FLOAT32_EPSILON,
): number {
  checkLabels(yTrue, numClasses, 'true label');
  checkProbabilities(probabilities, yTrue.length, numClasses);
  if (yTrue.length === 0) throw new InvalidInputError('no rows to score');
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const p = probabilities[i * numClasses + yTrue[i]!]!;
    sum -= Math.log(Math.min(1 - epsilon, Math.max(epsilon, p)));
  }
  return sum / yTrue.length;
}
