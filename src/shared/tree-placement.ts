/** Reading a prediction's tree placement, the same way in the core's outputs and the app. */
import type { TreePlacement } from './classify-types';

/** Its private nucleotide mutations as one list: reversions, labeled, unlabeled, deletions. */
export function privateNucMutations(tree: TreePlacement): string[] {
  const { reversions, labeled, unlabeled, deletions } = tree.privateMutations;
  return [...reversions, ...labeled.map((m) => m.mutation), ...unlabeled, ...deletions];
}

/** Its private amino-acid mutations as one list: reversions, then substitutions. */
export function privateAaMutations(tree: TreePlacement): string[] {
  return [...tree.privateMutations.aaReversions, ...tree.privateMutations.aaSubstitutions];
}

/** Whether the tree's clade is the model's label (null when either is missing). */
export function treeAgrees(label: string | null, tree: TreePlacement | null): boolean | null {
  if (!tree || !tree.clade || label === null) return null;
  return label === tree.clade;
}
