import { mulberry32 } from '../../cluster/random';
import { InvalidInputError } from '../../errors';
import { checkFoldCount, foldsFromAssignment, shuffleInPlace, type Fold } from './folds';

/** Row indices of each class, in row order; classes are 0..max label. */
export function rowsByClass(labels: ArrayLike<number>): number[][] {
  const byClass: number[][] = [];
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (!Number.isInteger(label) || label < 0)
      throw new InvalidInputError(`label ${label} (row ${i}) is not a class index`);
    while (byClass.length <= label) byClass.push([]);
    byClass[label]!.push(i);
  }
  return byClass;
}

/**
 * Stratified k-fold: every class's rows are shuffled with `seed` and dealt to the folds in
 * turn, the turn carrying on from class to class. So each fold holds floor or ceil of
 * (class count / k) rows of every class, and the fold sizes differ by at most one.
 * A class with fewer than k rows is missing from some test folds.
 */
export function stratifiedKFold(labels: ArrayLike<number>, k: number, seed = 0): Fold[] {
  checkFoldCount(k, labels.length, 'rows');
  const random = mulberry32(seed);
  const assignment = new Int32Array(labels.length);
  let turn = 0;
  for (const rows of rowsByClass(labels)) {
    shuffleInPlace(rows, random);
    for (const row of rows) assignment[row] = turn++ % k;
  }
  return foldsFromAssignment(assignment, k);
}
