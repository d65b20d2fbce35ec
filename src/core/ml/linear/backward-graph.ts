/**
 * Hand-written gradients of the weighted cross-entropy + L2 loss, as ONNX nodes.
 *
 * With w the row weights and S = sum(w), the gradient of the loss with respect to the
 * logits is G = (P - Y) * w / S. From there: dW = A^T G + l2 W and db = sum_rows G for
 * a layer with input A; the hidden layer gets G W2^T, times the dropout mask, times
 * the ReLU derivative.
 */
import { attr, type GraphBuilder } from '../../onnx/graph-builder';
import type { CrossEntropyValues } from './loss-graph';
import type { ForwardValues, NormalizationConstants } from './forward-graph';
import { axesConstant, floatScalar, type FloatType } from './graph-helpers';
import type { LinearModelSpec } from './model';

interface BackwardContext {
  g: GraphBuilder;
  l2: number;
  dtype: FloatType;
}

/** Gradient names by parameter name. */
export type Gradients = Record<string, string>;

function addWeightDecay(ctx: BackwardContext, gradient: string, weight: string): string {
  if (ctx.l2 === 0) return gradient;
  const { g } = ctx;
  return g.op('Add', [gradient, g.op('Mul', [weight, floatScalar(g, ctx.l2, ctx.dtype)])]);
}

function sumRows(g: GraphBuilder, delta: string): string {
  return g.op('ReduceSum', [delta, axesConstant(g, [0])], { keepdims: attr.int(0) });
}

/** Gradients of a dense layer `input W + b` whose pre-activation gradient is `delta`. */
function denseLayerGradients(
  ctx: BackwardContext,
  input: string,
  weight: string,
  delta: string,
): { weight: string; bias: string } {
  const { g } = ctx;
  const bias = sumRows(g, delta);
  const inputTDelta = g.op('Gemm', [input, delta], { transA: attr.int(1) });
  return { weight: addWeightDecay(ctx, inputTDelta, weight), bias };
}

/** Gradients of the first layer, whose input is the raw features normalized in-graph. */
function inputLayerGradients(
  ctx: BackwardContext,
  features: string,
  weight: string,
  delta: string,
  norm: NormalizationConstants,
): { weight: string; bias: string } {
  const { g } = ctx;
  const bias = sumRows(g, delta);
  // d/dW_jk = scale_j * (sum_i x_ij delta_ik - mean_j * sum_i delta_ik)
  const featuresTDelta = g.op('Gemm', [features, delta], { transA: attr.int(1) });
  const centering = g.op('Mul', [norm.mean(), g.op('Unsqueeze', [bias, axesConstant(g, [0])])]);
  const raw = g.op('Mul', [g.op('Sub', [featuresTDelta, centering]), norm.scale]);
  return { weight: addWeightDecay(ctx, raw, weight), bias };
}

/**
 * Adds the gradient of `loss` with respect to every parameter. `targets` are one-hot,
 * `sampleWeight` the per-row weights fed to the cross-entropy.
 */
export function addGradients(
  g: GraphBuilder,
  spec: LinearModelSpec,
  options: {
    features: string;
    targets: string;
    sampleWeight: string;
    norm: NormalizationConstants;
    forward: ForwardValues;
    loss: CrossEntropyValues;
    dropoutMask?: string;
    l2: number;
    dtype: FloatType;
  },
): Gradients {
  const { features, targets, sampleWeight, norm, forward, loss, dtype } = options;
  const ctx: BackwardContext = { g, l2: options.l2, dtype };
  const rowScale = g.op('Div', [sampleWeight, loss.weightSum]);
  const residual = g.op('Sub', [loss.probabilities, targets]);
  const logitsDelta = g.op('Mul', [residual, g.op('Unsqueeze', [rowScale, axesConstant(g, [1])])]);

  if (spec.kind === 'softmax') {
    const layer = inputLayerGradients(ctx, features, 'weight', logitsDelta, norm);
    return { weight: layer.weight, bias: layer.bias };
  }
  const output = denseLayerGradients(ctx, forward.hidden!, 'output_weight', logitsDelta);
  let hiddenDelta = g.op('Gemm', [logitsDelta, 'output_weight'], { transB: attr.int(1) });
  if (options.dropoutMask) hiddenDelta = g.op('Mul', [hiddenDelta, options.dropoutMask]);
  // ReLU'(pre) is 1 where the ReLU output is positive, 0 elsewhere: its sign.
  const preDelta = g.op('Mul', [hiddenDelta, g.op('Sign', [forward.relu!])]);
  const hidden = inputLayerGradients(ctx, features, 'hidden_weight', preDelta, norm);
  return {
    hidden_weight: hidden.weight,
    hidden_bias: hidden.bias,
    output_weight: output.weight,
    output_bias: output.bias,
  };
}
