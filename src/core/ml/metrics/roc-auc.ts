/** ROC-AUC as the Mann-Whitney statistic: tied scores count one half, as the trapezoid rule. */
import { InvalidInputError } from '../../errors';
import { checkLabels, checkProbabilities } from './label-inputs';

/**
 * Area under the ROC curve of `scores` for the rows where `positive` is truthy: the chance a
 * random positive scores above a random negative, ties counting 1/2. Null when there is no
 * positive or no negative row (the area is undefined).
 */
export function binaryRocAuc(
  scores: ArrayLike<number>,
  positive: ArrayLike<number | boolean>,
): number | null {
  const n = scores.length;
  if (positive.length !== n)
    throw new InvalidInputError(`${n} scores but ${positive.length} positive flags`);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && scores[order[end]!] === scores[order[start]!]) end++;
    // Ranks start..end-1 (0-based) share their mean, 1-based.
    const meanRank = (start + end + 1) / 2;
    for (let j = start; j < end; j++)
      if (positive[order[j]!]) {
        positives++;
        positiveRankSum += meanRank;
      }
    start = end;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * One-vs-rest ROC-AUC of every class (its probability column against "is this class"), and
 * their unweighted mean over the classes where it is defined. A class absent from `yTrue`
 * (or making up all of it) gets null; the macro mean is null when no class has an area.
 */
export function oneVsRestRocAuc(
  yTrue: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  numClasses: number,
): { perClass: (number | null)[]; macro: number | null } {
  checkLabels(yTrue, numClasses, 'true label');
  checkProbabilities(probabilities, yTrue.length, numClasses);
  const rows = yTrue.length;
  const column = new Float64Array(rows);
  const positive = new Uint8Array(rows);
  const perClass: (number | null)[] = [];
  for (let c = 0; c < numClasses; c++) {
    for (let i = 0; i < rows; i++) {
      column[i] = probabilities[i * numClasses + c]!;
      positive[i] = yTrue[i] === c ? 1 : 0;
    }
    perClass.push(binaryRocAuc(column, positive));
  }
  const defined = perClass.filter((auc): auc is number => auc !== null);
  const macro = defined.length === 0 ? null : defined.reduce((a, b) => a + b, 0) / defined.length;
  return { perClass, macro };
}
