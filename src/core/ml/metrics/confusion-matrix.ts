import { InvalidInputError } from '../../errors';
import { checkLabels } from './label-inputs';

/**
 * Counts of (true class, predicted class): `matrix[t][p]` rows are true classes, columns
 * predicted ones, as scikit-learn's `confusion_matrix`.
 */
export function confusionMatrix(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  numClasses: number,
): number[][] {
  if (yTrue.length !== yPred.length)
    throw new InvalidInputError(`${yTrue.length} true labels but ${yPred.length} predictions`);
  checkLabels(yTrue, numClasses, 'true label');
  checkLabels(yPred, numClasses, 'predicted label');
  const matrix = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  for (let i = 0; i < yTrue.length; i++) matrix[yTrue[i]!]![yPred[i]!]! += 1;
  return matrix;
}
