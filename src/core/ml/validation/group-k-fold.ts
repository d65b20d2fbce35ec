import { checkFoldCount, foldsFromAssignment, type Fold } from './folds';

/**
 * Group k-fold: all rows of a group (a lineage, a subtree, a submitting lab) land in the same
 * test fold, so the score estimates accuracy on groups the model never saw. Groups go,
 * largest first, to the fold with the fewest rows so far (ties: the lower fold), which
 * balances fold sizes; equal-sized groups keep their order of first appearance, so the
 * folds are the same on every run.
 */
export function groupKFold(groups: ArrayLike<number | string>, k: number): Fold[] {
  const rowsOfGroup = new Map<number | string, number[]>();
  for (let i = 0; i < groups.length; i++) {
    const rows = rowsOfGroup.get(groups[i]!);
    if (rows) rows.push(i);
    else rowsOfGroup.set(groups[i]!, [i]);
  }
  checkFoldCount(k, rowsOfGroup.size, 'groups');
  // Array.prototype.sort is stable, so equal sizes keep first-appearance order.
  const bySize = [...rowsOfGroup.values()].sort((a, b) => b.length - a.length);
  const sizes = new Array<number>(k).fill(0);
  const assignment = new Int32Array(groups.length);
  for (const rows of bySize) {
    let lightest = 0;
    for (let f = 1; f < k; f++) if (sizes[f]! < sizes[lightest]!) lightest = f;
    sizes[lightest]! += rows.length;
    for (const row of rows) assignment[row] = lightest;
  }
  return foldsFromAssignment(assignment, k);
}
