/** Entry points: train softmax regression or a one-hidden-layer MLP on a feature matrix. */
import type { Matrix } from '../../cluster/matrix';
import type { LinearModelSpec } from './model';
import { trainLinearModel } from './train-loop';
import type { LinearTrainOptions, MlpTrainOptions, TrainResult } from './train-options';

/**
 * Trains multinomial logistic regression (softmax + L2) on the rows of `matrix` with
 * labels `0..numClasses-1`. Resolves with the model holding the parameters of the
 * best validation epoch and the per-epoch history; rejects with the signal's reason
 * (an AbortError by default) when `signal` aborts.
 */
export async function trainSoftmax(
  matrix: Matrix,
  labels: Int32Array,
  numClasses: number,
  options: LinearTrainOptions = {},
): Promise<TrainResult> {
  const spec: LinearModelSpec = { kind: 'softmax', numFeatures: matrix.cols, numClasses };
  const optimizer = options.optimizer ?? { kind: 'adam', learningRate: 0.01 };
  return trainLinearModel(spec, matrix, labels, { ...options, optimizer });
}

/** Trains a one-hidden-layer ReLU MLP (optional dropout); otherwise as `trainSoftmax`. */
export async function trainMlp(
  matrix: Matrix,
  labels: Int32Array,
  numClasses: number,
  options: MlpTrainOptions = {},
): Promise<TrainResult> {
  const spec: LinearModelSpec = {
    kind: 'mlp',
    numFeatures: matrix.cols,
    numClasses,
    hiddenUnits: options.hiddenUnits ?? 64,
  };
  const optimizer = options.optimizer ?? { kind: 'adam', learningRate: 0.003 };
  return trainLinearModel(spec, matrix, labels, { ...options, optimizer });
}
