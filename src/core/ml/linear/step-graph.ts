/**
 * One optimizer step as an ONNX graph: parameters, optimizer state and a batch in;
 * updated parameters, updated state and the batch loss out. onnxruntime-node has no
 * training API, so the training loop runs this graph in an InferenceSession.
 */
import { GraphBuilder } from '../../onnx/graph-builder';
import { addGradients } from './backward-graph';
import { addForward, addNormalization } from './forward-graph';
import { LINEAR_OPSETS, type FloatType } from './graph-helpers';
import { addCrossEntropy, addL2Penalty } from './loss-graph';
import { parameterShapes, type LinearModelSpec, type Normalization } from './model';
import {
  addOptimizerUpdate,
  nextName,
  optimizerStateShapes,
  type OptimizerConfig,
} from './optimizer-graph';

export interface StepGraphOptions {
  spec: LinearModelSpec;
  normalization: Normalization;
  optimizer: OptimizerConfig;
  /** L2 penalty on the weights: the loss gains (l2 / 2) * sum(W^2). */
  l2: number;
  /** float (default) for training; double for gradient checks. */
  dtype?: FloatType;
  /** MLP: take a `dropout_mask` input `[batch, hiddenUnits]` of 0 and 1/(1-p). */
  dropoutMask?: boolean;
}

/**
 * Builds the training step. Inputs: every parameter (`parameterShapes`), every state
 * tensor (`optimizerStateShapes`), `learning_rate` (scalar), `features` `[batch, d]`
 * raw, `targets` `[batch, C]` one-hot, `sample_weight` `[batch]`, and `dropout_mask`
 * when asked. Outputs: `nextName(x)` for each parameter and state tensor, and `loss`
 * (weighted mean cross-entropy + L2, before the update).
 */
export function buildTrainingStepGraph(options: StepGraphOptions): Uint8Array {
  const { spec, normalization, optimizer, l2 } = options;
  const dtype = options.dtype ?? 'float';
  const parameters = parameterShapes(spec);
  const state = optimizerStateShapes(optimizer, parameters);
  const g = new GraphBuilder(`${spec.kind}_${optimizer.kind}_step`);

  for (const { name, dims } of [...parameters, ...state]) g.input(name, dtype, dims);
  const learningRate = g.input('learning_rate', dtype, []);
  const features = g.input('features', dtype, ['batch', spec.numFeatures]);
  const targets = g.input('targets', dtype, ['batch', spec.numClasses]);
  const sampleWeight = g.input('sample_weight', dtype, ['batch']);
  const dropoutMask =
    options.dropoutMask && spec.kind === 'mlp'
      ? g.input('dropout_mask', dtype, ['batch', spec.hiddenUnits])
      : undefined;

  const norm = addNormalization(g, normalization, dtype);
  const forward = addForward(g, spec, features, norm, dropoutMask);
  const loss = addCrossEntropy(g, forward.logits, targets, sampleWeight);
  g.node('Identity', [addL2Penalty(g, spec, loss.meanLoss, l2, dtype)], ['loss']);
  const gradients = addGradients(g, spec, {
    features,
    targets,
    sampleWeight,
    norm,
    forward,
    loss,
    dropoutMask,
    l2,
    dtype,
  });
  addOptimizerUpdate(g, optimizer, parameters, gradients, learningRate, dtype);

  for (const { name, dims } of [...parameters, ...state]) g.output(nextName(name), dtype, dims);
  g.output('loss', dtype, []);
  return g.toBytes(LINEAR_OPSETS, { 'variantdesk.graph': 'training-step' });
}
