/** Optimizer updates (Adam, SGD with momentum) as ONNX nodes, and their state tensors. */
import type { GraphBuilder } from '../../onnx/graph-builder';
import { floatScalar, type FloatType } from './graph-helpers';
import type { ParameterShape } from './model';

/** Adam (Kingma & Ba) with bias correction. */
export interface AdamConfig {
  kind: 'adam';
  learningRate: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

/** SGD with heavy-ball momentum: v <- momentum v + g; p <- p - lr v. */
export interface SgdConfig {
  kind: 'sgd';
  learningRate: number;
  momentum?: number;
}

export type OptimizerConfig = AdamConfig | SgdConfig;

/** One optimizer state tensor, zero-initialized. */
export interface StateShape {
  name: string;
  dims: number[];
}

/** Name of the output that carries the next value of a parameter or state tensor. */
export function nextName(name: string): string {
  return `${name}_next`;
}

/** The state tensors the optimizer carries from step to step. */
export function optimizerStateShapes(
  config: OptimizerConfig,
  parameters: readonly ParameterShape[],
): StateShape[] {
  if (config.kind === 'adam')
    return [
      ...parameters.flatMap(({ name, dims }) => [
        { name: `${name}_m`, dims },
        { name: `${name}_v`, dims },
      ]),
      { name: 'adam_step', dims: [] },
    ];
  if ((config.momentum ?? 0) === 0) return [];
  return parameters.map(({ name, dims }) => ({ name: `${name}_velocity`, dims }));
}

/**
 * Adds the update of every parameter from its gradient. Reads the state inputs named by
 * `optimizerStateShapes` and `learningRate` (a scalar value), writes `nextName(...)` of
 * every parameter and state tensor.
 */
export function addOptimizerUpdate(
  g: GraphBuilder,
  config: OptimizerConfig,
  parameters: readonly ParameterShape[],
  gradients: Record<string, string>,
  learningRate: string,
  dtype: FloatType,
): void {
  const c = (value: number) => floatScalar(g, value, dtype);
  if (config.kind === 'sgd') {
    const momentum = config.momentum ?? 0;
    for (const { name } of parameters) {
      let direction = gradients[name]!;
      if (momentum !== 0) {
        const velocity = `${name}_velocity`;
        direction = g.node(
          'Add',
          [g.op('Mul', [velocity, c(momentum)]), direction],
          [nextName(velocity)],
        )[0]!;
      }
      g.node('Sub', [name, g.op('Mul', [direction, learningRate])], [nextName(name)]);
    }
    return;
  }
  const beta1 = config.beta1 ?? 0.9;
  const beta2 = config.beta2 ?? 0.999;
  const epsilon = config.epsilon ?? 1e-8;
  const t = g.node('Add', ['adam_step', c(1)], [nextName('adam_step')])[0]!;
  const one = c(1);
  const correction1 = g.op('Sub', [one, g.op('Pow', [c(beta1), t])]);
  const correction2 = g.op('Sub', [one, g.op('Pow', [c(beta2), t])]);
  // p -= (lr / c1) * m / (sqrt(v) / sqrt(c2) + eps): Adam with bias-corrected moments.
  const stepSize = g.op('Div', [learningRate, correction1]);
  const rootCorrection2 = g.op('Sqrt', [correction2]);
  for (const { name } of parameters) {
    const gradient = gradients[name]!;
    const m = g.node(
      'Add',
      [g.op('Mul', [`${name}_m`, c(beta1)]), g.op('Mul', [gradient, c(1 - beta1)])],
      [nextName(`${name}_m`)],
    )[0]!;
    const v = g.node(
      'Add',
      [
        g.op('Mul', [`${name}_v`, c(beta2)]),
        g.op('Mul', [g.op('Mul', [gradient, gradient]), c(1 - beta2)]),
      ],
      [nextName(`${name}_v`)],
    )[0]!;
    const denominator = g.op('Add', [
      g.op('Div', [g.op('Sqrt', [v]), rootCorrection2]),
      c(epsilon),
    ]);
    const update = g.op('Mul', [g.op('Div', [m, denominator]), stepSize]);
    g.node('Sub', [name, update], [nextName(name)]);
  }
}
