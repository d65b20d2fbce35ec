/** A fold is a split of row indices into the rows a model trains on and the rows it is tested on. */
import { InvalidInputError } from '../../errors';

export interface Fold {
  /** Row indices, ascending. */
  train: Int32Array;
  test: Int32Array;
}

/** Builds `k` folds from each row's test fold (`assignment[row]` in 0..k-1). */
export function foldsFromAssignment(assignment: ArrayLike<number>, k: number): Fold[] {
  const n = assignment.length;
  const testCounts = new Int32Array(k);
  for (let i = 0; i < n; i++) testCounts[assignment[i]!]! += 1;
  return Array.from({ length: k }, (_, fold) => {
    const test = new Int32Array(testCounts[fold]!);
    const train = new Int32Array(n - test.length);
    let t = 0;
    let r = 0;
    for (let i = 0; i < n; i++) {
      if (assignment[i] === fold) test[t++] = i;
      else train[r++] = i;
    }
    return { train, test };
  });
}

/** Throws unless `k` is an integer fold count in 2..`units` (rows or groups). */
export function checkFoldCount(k: number, units: number, what: string): void {
  if (!Number.isInteger(k) || k < 2)
    throw new InvalidInputError(`the number of folds must be an integer >= 2, got ${k}`);
  if (k > units) throw new InvalidInputError(`${k} folds but only ${units} ${what}`);
}

/** Shuffles `values` in place with `random` (Fisher-Yates). */
export function shuffleInPlace(values: Int32Array | number[], random: () => number): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = values[i]!;
    values[i] = values[j]!;
    values[j] = swap;
  }
}
