/** Per-tree row weights: bootstrap multiplicities times optional class-balancing weights. */
import type { Random } from '../../cluster/random';

/**
 * 'balanced': weight n / (classes present x class size) from the whole training set;
 * 'balanced_subsample': the same computed on each tree's bootstrap draw (scikit-learn's
 * `class_weight` values of the same names).
 */
export type ClassWeightMode = 'balanced' | 'balanced_subsample';

/** How many times each of `n` rows is drawn in `n` draws with replacement. */
export function bootstrapCounts(n: number, random: Random): Float64Array {
  const counts = new Float64Array(n);
  for (let draw = 0; draw < n; draw++) counts[Math.floor(random() * n)]! += 1;
  return counts;
}

/**
 * Balanced class weights from (possibly repeated) rows: `rowCounts[i]` draws of row i, each
 * of class `y[i]`. A class never drawn gets weight 0.
 */
export function balancedClassWeights(
  y: Int32Array,
  nClasses: number,
  rowCounts?: Float64Array,
): Float64Array {
  const perClass = new Float64Array(nClasses);
  let draws = 0;
  for (let i = 0; i < y.length; i++) {
    const count = rowCounts ? rowCounts[i]! : 1;
    perClass[y[i]!]! += count;
    draws += count;
  }
  const present = perClass.reduce((sum, count) => sum + (count > 0 ? 1 : 0), 0);
  return perClass.map((count) => (count > 0 ? draws / (present * count) : 0));
}

/**
 * One tree's training weights: bootstrap counts (or all ones) times the class weight.
 * @param classWeights precomputed for 'balanced'; ignored otherwise
 */
export function treeSampleWeights(
  y: Int32Array,
  nClasses: number,
  bootstrap: boolean,
  mode: ClassWeightMode | null,
  classWeights: Float64Array | null,
  random: Random,
): Float64Array {
  const weights = bootstrap
    ? bootstrapCounts(y.length, random)
    : new Float64Array(y.length).fill(1);
  const perClass =
    mode === 'balanced_subsample'
      ? balancedClassWeights(y, nClasses, weights)
      : mode === 'balanced'
        ? classWeights
        : null;
  if (perClass) for (let i = 0; i < y.length; i++) weights[i]! *= perClass[y[i]!]!;
  return weights;
}
