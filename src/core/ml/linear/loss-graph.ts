/** Weighted cross-entropy plus L2 penalty, and a graph that evaluates only the loss. */
import { attr, GraphBuilder } from '../../onnx/graph-builder';
import { addForward, addNormalization } from './forward-graph';
import { axesConstant, floatScalar, LINEAR_OPSETS, type FloatType } from './graph-helpers';
import { parameterShapes, type LinearModelSpec, type Normalization } from './model';

/** Names of the loss values. */
export interface CrossEntropyValues {
  /** softmax(logits), `[batch, C]`. */
  probabilities: string;
  /** Per-row cross-entropy, `[batch]`. */
  sampleLoss: string;
  /** sum(w_i * ce_i) / sum(w_i), a scalar. */
  meanLoss: string;
  /** sum(w_i), a scalar. */
  weightSum: string;
}

/** Cross-entropy of `[batch, C]` logits against one-hot targets, weighted per row. */
export function addCrossEntropy(
  g: GraphBuilder,
  logits: string,
  targets: string,
  sampleWeight: string,
): CrossEntropyValues {
  const logProbabilities = g.op('LogSoftmax', [logits], { axis: attr.int(-1) });
  const probabilities = g.op('Exp', [logProbabilities]);
  const classAxis = axesConstant(g, [1]);
  const targetLogLikelihood = g.op(
    'ReduceSum',
    [g.op('Mul', [targets, logProbabilities]), classAxis],
    {
      keepdims: attr.int(0),
    },
  );
  const sampleLoss = g.op('Neg', [targetLogLikelihood]);
  const weightSum = g.op('ReduceSum', [sampleWeight], { keepdims: attr.int(0) });
  const weightedSum = g.op('ReduceSum', [g.op('Mul', [sampleLoss, sampleWeight])], {
    keepdims: attr.int(0),
  });
  const meanLoss = g.op('Div', [weightedSum, weightSum]);
  return { probabilities, sampleLoss, meanLoss, weightSum };
}

/** Adds (l2 / 2) * sum of squares of the regularized parameters to `loss`. */
export function addL2Penalty(
  g: GraphBuilder,
  spec: LinearModelSpec,
  loss: string,
  l2: number,
  dtype: FloatType,
): string {
  if (l2 === 0) return loss;
  let total = loss;
  const half = floatScalar(g, l2 / 2, dtype);
  for (const { name, regularized } of parameterShapes(spec)) {
    if (!regularized) continue;
    const squares = g.op('ReduceSumSquare', [name], { keepdims: attr.int(0) });
    total = g.op('Add', [total, g.op('Mul', [squares, half])]);
  }
  return total;
}

export interface LossGraphOptions {
  spec: LinearModelSpec;
  normalization: Normalization;
  l2: number;
  dtype?: FloatType;
  /** MLP: take a `dropout_mask` input as the training step does. */
  dropoutMask?: boolean;
}

/**
 * A graph from parameters and a batch (`features`, one-hot `targets`, `sample_weight`)
 * to `loss` (weighted mean cross-entropy + L2), `sample_loss` and `probabilities`,
 * computed exactly as in the training step. Used for validation and gradient checks.
 */
export function buildLossGraph(options: LossGraphOptions): Uint8Array {
  const { spec, normalization, l2 } = options;
  const dtype = options.dtype ?? 'float';
  const g = new GraphBuilder(`${spec.kind}_loss`);
  for (const { name, dims } of parameterShapes(spec)) g.input(name, dtype, dims);
  const features = g.input('features', dtype, ['batch', spec.numFeatures]);
  const targets = g.input('targets', dtype, ['batch', spec.numClasses]);
  const sampleWeight = g.input('sample_weight', dtype, ['batch']);
  const mask =
    options.dropoutMask && spec.kind === 'mlp'
      ? g.input('dropout_mask', dtype, ['batch', spec.hiddenUnits])
      : undefined;
  const norm = addNormalization(g, normalization, dtype);
  const { logits } = addForward(g, spec, features, norm, mask);
  const ce = addCrossEntropy(g, logits, targets, sampleWeight);
  g.node('Identity', [addL2Penalty(g, spec, ce.meanLoss, l2, dtype)], ['loss']);
  g.node('Identity', [ce.sampleLoss], ['sample_loss']);
  g.node('Identity', [ce.probabilities], ['probabilities']);
  g.output('loss', dtype, []);
  g.output('sample_loss', dtype, ['batch']);
  g.output('probabilities', dtype, ['batch', spec.numClasses]);
  return g.toBytes(LINEAR_OPSETS);
}
