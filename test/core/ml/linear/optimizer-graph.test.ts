import { describe, expect, it } from 'vitest';

import { mulberry32 } from '../../../../src/core/cluster/random';
import { parameterShapes, type LinearModelSpec } from '../../../../src/core/ml/linear/model';
import {
  nextName,
  optimizerStateShapes,
  type OptimizerConfig,
} from '../../../../src/core/ml/linear/optimizer-graph';
import { buildTrainingStepGraph } from '../../../../src/core/ml/linear/step-graph';
import { createSession, runSession, type Feed } from '../../../../src/core/onnx/session';
import { parameterFeeds, randomProblem, toFloat32 } from './graph-problem';

const spec: LinearModelSpec = { kind: 'softmax', numFeatures: 3, numClasses: 2 };
const problem = randomProblem(spec, 21);
const scalar = (value: number): Feed => ({ data: new Float64Array([value]), dims: [] });

async function step(optimizer: OptimizerConfig, state: Record<string, Feed>, float32 = false) {
  const bytes = buildTrainingStepGraph({
    spec,
    normalization: problem.normalization,
    optimizer,
    l2: 0.1,
    dtype: float32 ? 'float' : 'double',
  });
  const session = await createSession(bytes);
  const feeds = {
    ...parameterFeeds(spec, problem.parameters, false),
    ...problem.batchFeeds,
    ...state,
    learning_rate: scalar(optimizer.learningRate),
  };
  const out = await runSession(session, float32 ? toFloat32(feeds) : feeds);
  await session.release();
  return out;
}

/** The gradient, read off a plain SGD step with learning rate 1. */
async function gradients(): Promise<Record<string, Float64Array>> {
  const out = await step({ kind: 'sgd', learningRate: 1 }, {});
  const result: Record<string, Float64Array> = {};
  for (const { name } of parameterShapes(spec)) {
    const next = out[nextName(name)]!.data;
    result[name] = problem.parameters[name]!.map((p, k) => p - next[k]!);
  }
  return result;
}

function randomState(names: { name: string; dims: number[] }[], seed: number) {
  const random = mulberry32(seed);
  const state: Record<string, Float64Array> = {};
  for (const { name, dims } of names)
    state[name] = Float64Array.from({ length: dims.reduce((a, b) => a * b, 1) }, () => random());
  return state;
}

const feedsOf = (state: Record<string, Float64Array>, names: { name: string; dims: number[] }[]) =>
  Object.fromEntries(names.map(({ name, dims }) => [name, { data: state[name]!, dims }]));

describe('optimizer updates', () => {
  it('Adam matches a hand-written bias-corrected Adam update', async () => {
    const config = {
      kind: 'adam',
      learningRate: 0.05,
      beta1: 0.8,
      beta2: 0.95,
      epsilon: 1e-3,
    } as const;
    const shapes = optimizerStateShapes(config, parameterShapes(spec));
    const state = randomState(shapes, 5);
    state.adam_step = new Float64Array([4]);
    const g = await gradients();
    const out = await step(config, feedsOf(state, shapes));
    const outFloat = await step(config, feedsOf(state, shapes), true);

    const t = 5;
    expect(out[nextName('adam_step')]!.data[0]).toBe(t);
    for (const { name } of parameterShapes(spec)) {
      const p = problem.parameters[name]!;
      for (let k = 0; k < p.length; k++) {
        const m = 0.8 * state[`${name}_m`]![k]! + 0.2 * g[name]![k]!;
        const v = 0.95 * state[`${name}_v`]![k]! + 0.05 * g[name]![k]! ** 2;
        const update = (0.05 * (m / (1 - 0.8 ** t))) / (Math.sqrt(v / (1 - 0.95 ** t)) + 1e-3);
        expect(out[nextName(`${name}_m`)]!.data[k]).toBeCloseTo(m, 12);
        expect(out[nextName(`${name}_v`)]!.data[k]).toBeCloseTo(v, 12);
        expect(out[nextName(name)]!.data[k]).toBeCloseTo(p[k]! - update, 12);
        expect(outFloat[nextName(name)]!.data[k]).toBeCloseTo(p[k]! - update, 5);
      }
    }
  });

  it('SGD with momentum updates the velocity, then steps along it', async () => {
    const config = { kind: 'sgd', learningRate: 0.3, momentum: 0.7 } as const;
    const shapes = optimizerStateShapes(config, parameterShapes(spec));
    expect(shapes.map((s) => s.name)).toEqual(['weight_velocity', 'bias_velocity']);
    const state = randomState(shapes, 6);
    const g = await gradients();
    const out = await step(config, feedsOf(state, shapes));
    for (const { name } of parameterShapes(spec)) {
      const p = problem.parameters[name]!;
      for (let k = 0; k < p.length; k++) {
        const velocity = 0.7 * state[`${name}_velocity`]![k]! + g[name]![k]!;
        expect(out[nextName(`${name}_velocity`)]!.data[k]).toBeCloseTo(velocity, 12);
        expect(out[nextName(name)]!.data[k]).toBeCloseTo(p[k]! - 0.3 * velocity, 12);
      }
    }
  });
});
