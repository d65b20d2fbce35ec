/** A trained random forest and its prediction in TypeScript (the ONNX export must agree). */
import { assertMatrix, type Matrix } from '../../cluster/matrix';
import { InvalidInputError } from '../../errors';
import { leafOf, type DecisionTree } from './decision-tree';

export interface RandomForest {
  /** Columns of the feature matrix the forest was trained on. */
  nFeatures: number;
  /** Classes are indices 0..nClasses-1. */
  nClasses: number;
  trees: DecisionTree[];
}

/**
 * Class probabilities per row (`rows x nClasses`, row-major): the mean over trees of the
 * class distribution in the leaf each row reaches, as scikit-learn's `predict_proba`.
 */
export function predictForestProbabilities(forest: RandomForest, features: Matrix): Float32Array {
  assertMatrix(features);
  if (features.cols !== forest.nFeatures)
    throw new InvalidInputError(
      `the forest takes ${forest.nFeatures} features, got a matrix with ${features.cols} columns`,
    );
  const { rows, cols, data } = features;
  const C = forest.nClasses;
  const sums = new Float64Array(rows * C);
  for (const tree of forest.trees) {
    const { value } = tree;
    for (let r = 0; r < rows; r++) {
      const leaf = leafOf(tree, data, r, cols);
      for (let c = 0; c < C; c++) sums[r * C + c]! += value[leaf * C + c]!;
    }
  }
  const probabilities = new Float32Array(rows * C);
  const nTrees = forest.trees.length;
  for (let i = 0; i < sums.length; i++) probabilities[i] = sums[i]! / nTrees;
  return probabilities;
}

/** Index of the largest value in each row of a `rows x nClasses` matrix (first on ties). */
export function argmaxRows(probabilities: Float32Array, nClasses: number): Int32Array {
  const rows = probabilities.length / nClasses;
  const labels = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < nClasses; c++)
      if (probabilities[r * nClasses + c]! > probabilities[r * nClasses + best]!) best = c;
    labels[r] = best;
  }
  return labels;
}

/** Most probable class per row. */
export function predictForestLabels(forest: RandomForest, features: Matrix): Int32Array {
  return argmaxRows(predictForestProbabilities(forest, features), forest.nClasses);
}
