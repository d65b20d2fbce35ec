/** Shapes and parameters of the two gradient-trained classifiers: softmax regression and an MLP. */
import { gaussian, type Random } from '../../cluster/random';
import { InvalidInputError } from '../../errors';

/** Multinomial logistic regression: logits = x W + b. */
export interface SoftmaxSpec {
  kind: 'softmax';
  numFeatures: number;
  numClasses: number;
}

/** One hidden ReLU layer: logits = relu(x W1 + b1) W2 + b2. */
export interface MlpSpec {
  kind: 'mlp';
  numFeatures: number;
  numClasses: number;
  hiddenUnits: number;
}

export type LinearModelSpec = SoftmaxSpec | MlpSpec;

/** One trainable tensor; `regularized` ones carry the L2 penalty (weights, not biases). */
export interface ParameterShape {
  name: string;
  dims: number[];
  regularized: boolean;
}

/** Parameter values by name, row-major float32. */
export type Parameters = Record<string, Float32Array>;

/** Per-feature standardization applied inside the graph: (x - mean) * scale. */
export interface Normalization {
  mean: Float32Array;
  scale: Float32Array;
}

/** A trained model: its shape, learned parameters and the normalization they expect. */
export interface LinearModel {
  spec: LinearModelSpec;
  parameters: Parameters;
  normalization: Normalization;
}

/** The trainable tensors of a model, in a fixed order. */
export function parameterShapes(spec: LinearModelSpec): ParameterShape[] {
  const { numFeatures: d, numClasses: c } = spec;
  if (spec.kind === 'softmax')
    return [
      { name: 'weight', dims: [d, c], regularized: true },
      { name: 'bias', dims: [c], regularized: false },
    ];
  const h = spec.hiddenUnits;
  return [
    { name: 'hidden_weight', dims: [d, h], regularized: true },
    { name: 'hidden_bias', dims: [h], regularized: false },
    { name: 'output_weight', dims: [h, c], regularized: true },
    { name: 'output_bias', dims: [c], regularized: false },
  ];
}

/** Number of values in a tensor of the given shape. */
export function sizeOf(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

/**
 * Starting parameters: zeros for softmax regression (its loss is convex), He-normal
 * hidden weights and Glorot-normal output weights for the MLP, zero biases.
 */
export function initialParameters(spec: LinearModelSpec, random: Random): Parameters {
  const parameters: Parameters = {};
  for (const { name, dims } of parameterShapes(spec)) {
    const values = new Float32Array(sizeOf(dims));
    if (spec.kind === 'mlp' && dims.length === 2) {
      const [fanIn, fanOut] = dims as [number, number];
      const std = name === 'hidden_weight' ? Math.sqrt(2 / fanIn) : Math.sqrt(2 / (fanIn + fanOut));
      for (let i = 0; i < values.length; i++) values[i] = std * gaussian(random);
    }
    parameters[name] = values;
  }
  return parameters;
}

/** Throws unless the spec has positive integer sizes and at least two classes. */
export function assertSpec(spec: LinearModelSpec): void {
  const sizes: [string, number][] = [
    ['numFeatures', spec.numFeatures],
    ['numClasses', spec.numClasses],
  ];
  if (spec.kind === 'mlp') sizes.push(['hiddenUnits', spec.hiddenUnits]);
  for (const [name, value] of sizes)
    if (!Number.isInteger(value) || value < 1)
      throw new InvalidInputError(`${name} must be a positive integer, got ${value}`);
  if (spec.numClasses < 2) throw new InvalidInputError('a classifier needs at least two classes');
}
