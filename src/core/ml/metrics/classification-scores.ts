/** Accuracy, precision, recall and F1 from a confusion matrix (rows true, columns predicted). */
import { InvalidInputError } from '../../errors';

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  /** Rows whose true class this is. */
  support: number;
}

// A 0/0 ratio counts as 0, as scikit-learn's zero_division=0.
const ratio = (numerator: number, denominator: number): number =>
  denominator === 0 ? 0 : numerator / denominator;

function total(confusion: number[][]): number {
  const n = confusion.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
  if (n === 0) throw new InvalidInputError('no rows to score');
  return n;
}

/** Share of rows whose prediction is their true class. */
export function accuracyFromConfusion(confusion: number[][]): number {
  const correct = confusion.reduce((sum, row, c) => sum + row[c]!, 0);
  return correct / total(confusion);
}

/**
 * Precision, recall, F1 and support of every class. A class never predicted has precision 0
 * and a class absent from the true labels recall 0 (scikit-learn's zero_division=0).
 */
export function perClassScores(confusion: number[][]): ClassScores[] {
  return confusion.map((row, c) => {
    const truePositives = row[c]!;
    const support = row.reduce((a, b) => a + b, 0);
    const predicted = confusion.reduce((sum, other) => sum + other[c]!, 0);
    const precision = ratio(truePositives, predicted);
    const recall = ratio(truePositives, support);
    const f1 = ratio(2 * precision * recall, precision + recall);
    return { precision, recall, f1, support };
  });
}

/**
 * Unweighted mean F1 over the classes that occur in the true or the predicted labels
 * (scikit-learn's default label set); a class absent from both says nothing about the model.
 */
export function macroF1(confusion: number[][]): number {
  const scores = perClassScores(confusion);
  const present = scores.filter(
    (score, c) => score.support > 0 || confusion.some((row) => row[c]! > 0),
  );
  if (present.length === 0) throw new InvalidInputError('no rows to score');
  return present.reduce((sum, score) => sum + score.f1, 0) / present.length;
}

/** Mean F1 weighted by each class's support. */
export function weightedF1(confusion: number[][]): number {
  const n = total(confusion);
  return perClassScores(confusion).reduce((sum, score) => sum + score.f1 * score.support, 0) / n;
}
