/** Our two trainers on the bench's split, with the options the comparison needs. */
import type { Matrix } from '../../src/core/cluster/matrix';
import { predictForestLabels, trainRandomForest } from '../../src/core/ml/forest';
import type { LinearTrainOptions } from '../../src/core/ml/linear/train-options';
import { trainSoftmax } from '../../src/core/ml/linear/train-linear';
import { predictLinear } from '../../src/core/ml/linear/predict';
import type { LinearModel } from '../../src/core/ml/linear/model';

export interface SoftmaxSettings {
  /** scikit-learn's inverse regularization strength, mapped to our `l2` (see `l2ForC`). */
  C: number;
  options: Omit<LinearTrainOptions, 'l2'>;
}

/**
 * scikit-learn's multinomial LogisticRegression minimises 0.5 ||W||^2 + C sum_i ce_i;
 * dividing by C n gives mean_i ce_i + ||W||^2 / (2 C n). Our loss is mean_i ce_i +
 * (l2 / 2) ||W||^2, so the same optimum needs l2 = 1 / (C n), n = the rows the loss
 * averages over (our training rows after the early-stopping split). Neither penalises
 * the biases, and both see standardized features (StandardScaler there, the graph here).
 */
export function l2ForC(C: number, lossRows: number): number {
  return 1 / (C * lossRows);
}

/** Training rows our softmax loss averages over, after its per-class validation split. */
export function lossRowsOf(labels: Int32Array, numClasses: number, fraction: number): number {
  const counts = new Int32Array(numClasses);
  for (const label of labels) counts[label]!++;
  let validation = 0;
  for (const n of counts) validation += n < 2 ? 0 : Math.min(n - 1, Math.round(n * fraction));
  return labels.length - validation;
}

export async function fitSoftmax(
  train: Matrix,
  labels: Int32Array,
  numClasses: number,
  settings: SoftmaxSettings,
): Promise<{ model: LinearModel; epochs: number; bestEpoch: number }> {
  const fraction = settings.options.validationFraction ?? 0.1;
  const l2 = l2ForC(settings.C, lossRowsOf(labels, numClasses, fraction));
  const { model, history } = await trainSoftmax(train, labels, numClasses, {
    ...settings.options,
    l2,
  });
  return { model, epochs: history.epochs.length, bestEpoch: history.bestEpoch };
}

/**
 * scikit-learn's objective divided by C n, on `rows` rows: mean cross-entropy plus
 * ||W||^2 / (2 C n). Both sides report it on all their training rows, so a lower value
 * is closer to the regularized optimum both are meant to reach.
 */
export async function softmaxObjective(
  model: LinearModel,
  rows: Matrix,
  labels: Int32Array,
  C: number,
): Promise<number> {
  const { probabilities } = await predictLinear(model, rows);
  const classes = model.spec.numClasses;
  let crossEntropy = 0;
  for (let r = 0; r < rows.rows; r++)
    crossEntropy -= Math.log(Math.max(probabilities[r * classes + labels[r]!]!, 1e-30));
  let squares = 0;
  for (const w of model.parameters.weight!) squares += w * w;
  return crossEntropy / rows.rows + squares / (2 * C * rows.rows);
}

/** Most probable class of every test row, by the exported ONNX graph. */
export async function predictSoftmax(model: LinearModel, test: Matrix): Promise<Int32Array> {
  const { probabilities } = await predictLinear(model, test);
  const C = model.spec.numClasses;
  return Int32Array.from({ length: test.rows }, (_, r) => {
    let bestClass = 0;
    for (let c = 1; c < C; c++)
      if (probabilities[r * C + c]! > probabilities[r * C + bestClass]!) bestClass = c;
    return bestClass;
  });
}

/** Grows a forest as scikit-learn's RandomForestClassifier defaults do, on 2 threads. */
export async function fitForest(
  train: Matrix,
  labels: Int32Array,
  numClasses: number,
  options: { trees: number; seed: number },
): Promise<{ predict: (test: Matrix) => Int32Array; nodes: number }> {
  const forest = await trainRandomForest(train, labels, {
    nClasses: numClasses,
    nTrees: options.trees,
    maxFeatures: 'sqrt',
    threads: 2,
    seed: options.seed,
  });
  return {
    predict: (test) => predictForestLabels(forest, test),
    nodes: forest.trees.reduce((sum, tree) => sum + tree.nodeCount, 0),
  };
}
