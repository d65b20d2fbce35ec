import { mulberry32 } from '../../../../src/core/cluster/random';
import {
  parameterShapes,
  sizeOf,
  type LinearModelSpec,
} from '../../../../src/core/ml/linear/model';
import type { Feed } from '../../../../src/core/onnx/session';

const batch = 7;

/** A random float64 problem for one step: raw features, one-hot targets, uneven row weights, a dropout mask. */
export function randomProblem(spec: LinearModelSpec, seed: number) {
  const random = mulberry32(seed);
  const uniform = (n: number, lo: number, hi: number) =>
    Float64Array.from({ length: n }, () => lo + (hi - lo) * random());
  const d = spec.numFeatures;
  const parameters: Record<string, Float64Array> = {};
  for (const { name, dims } of parameterShapes(spec))
    parameters[name] = uniform(sizeOf(dims), -1, 1);
  const targets = new Float64Array(batch * spec.numClasses);
  for (let i = 0; i < batch; i++) targets[i * spec.numClasses + (i % spec.numClasses)] = 1;
  const hidden = spec.kind === 'mlp' ? spec.hiddenUnits : 0;
  // Dropout with p = 0.5: kept units are scaled by 2.
  const mask = Float64Array.from({ length: batch * hidden }, () => (random() < 0.5 ? 0 : 2));
  return {
    parameters,
    normalization: {
      mean: Float32Array.from(uniform(d, 2, 5)),
      scale: Float32Array.from(uniform(d, 0.2, 2)),
    },
    batchFeeds: {
      features: { data: uniform(batch * d, 0, 8), dims: [batch, d] },
      targets: { data: targets, dims: [batch, spec.numClasses] },
      sample_weight: { data: uniform(batch, 0.2, 3), dims: [batch] },
      ...(hidden > 0 ? { dropout_mask: { data: mask, dims: [batch, hidden] } } : {}),
    } as Record<string, Feed>,
  };
}

export function parameterFeeds(
  spec: LinearModelSpec,
  values: Record<string, Float64Array>,
  float32: boolean,
) {
  const feeds: Record<string, Feed> = {};
  for (const { name, dims } of parameterShapes(spec)) {
    const data = values[name]!;
    feeds[name] = { data: float32 ? Float32Array.from(data) : data, dims };
  }
  return feeds;
}

export function toFloat32(feeds: Record<string, Feed>): Record<string, Feed> {
  const out: Record<string, Feed> = {};
  for (const [name, feed] of Object.entries(feeds)) {
    const { data, dims } = feed as { data: Float64Array; dims: number[] };
    out[name] = { data: Float32Array.from(data), dims };
  }
  return out;
}
