import onnxProto from 'onnx-proto';
import { describe, expect, it } from 'vitest';

import { mulberry32 } from '../../../../src/core/cluster/random';
import { toInferenceModel } from '../../../../src/core/ml/linear/inference-graph';
import { buildLossGraph } from '../../../../src/core/ml/linear/loss-graph';
import {
  initialParameters,
  parameterShapes,
  type LinearModel,
} from '../../../../src/core/ml/linear/model';
import { predictLinear } from '../../../../src/core/ml/linear/predict';
import { createSession, runFloat } from '../../../../src/core/onnx/session';

const rows = 5;
const random = mulberry32(8);
const raw = Float32Array.from({ length: rows * 3 }, () => 50 + 20 * random());
const normalization = {
  mean: new Float32Array([55, 60, 58]),
  scale: new Float32Array([0.2, 0.1, 0.05]),
};
const softmax: LinearModel = {
  spec: { kind: 'softmax', numFeatures: 3, numClasses: 4 },
  parameters: {
    weight: Float32Array.from({ length: 12 }, () => random() * 2 - 1),
    bias: new Float32Array([0.1, -0.2, 0.3, 0]),
  },
  normalization,
};
const mlp: LinearModel = {
  spec: { kind: 'mlp', numFeatures: 3, numClasses: 4, hiddenUnits: 6 },
  parameters: initialParameters(
    { kind: 'mlp', numFeatures: 3, numClasses: 4, hiddenUnits: 6 },
    mulberry32(9),
  ),
  normalization,
};

/** softmax((x - mean) * scale W + b), in float64 from the raw features. */
function handLogits(row: number): number[] {
  const { weight, bias } = softmax.parameters;
  return [0, 1, 2, 3].map((c) => {
    let z = bias![c]!;
    for (let j = 0; j < 3; j++)
      z +=
        (raw[row * 3 + j]! - normalization.mean[j]!) *
        normalization.scale[j]! *
        weight![j * 4 + c]!;
    return z;
  });
}

describe('toInferenceModel', () => {
  it('standardizes raw features inside the graph', async () => {
    const { logits } = await predictLinear(softmax, { rows, cols: 3, data: raw });
    for (let i = 0; i < rows; i++)
      handLogits(i).forEach((z, c) => expect(logits[i * 4 + c]).toBeCloseTo(z, 4));
  });

  it.each([
    ['softmax', softmax],
    ['mlp', mlp],
  ])('%s probabilities sum to 1 and match the training-time forward pass', async (_, model) => {
    const { probabilities } = await predictLinear(model, { rows, cols: 3, data: raw });
    const loss = await createSession(buildLossGraph({ ...model, l2: 0 }));
    const parameterFeeds = Object.fromEntries(
      parameterShapes(model.spec).map(({ name, dims }) => [
        name,
        { data: model.parameters[name]!, dims },
      ]),
    );
    const training = await runFloat(loss, {
      ...parameterFeeds,
      features: { data: raw, dims: [rows, 3] },
      targets: { data: new Float32Array(rows * 4).fill(0.25), dims: [rows, 4] },
      sample_weight: { data: new Float32Array(rows).fill(1), dims: [rows] },
    });
    for (let i = 0; i < rows; i++) {
      const row = probabilities.subarray(i * 4, i * 4 + 4);
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
      row.forEach((p, c) => expect(p).toBeCloseTo(training.probabilities!.data[i * 4 + c]!, 5));
    }
  });

  it('applies the calibration temperature to the probabilities, not the logits', async () => {
    const plain = await predictLinear(softmax, { rows, cols: 3, data: raw });
    const warm = await predictLinear(softmax, { rows, cols: 3, data: raw }, { temperature: 2.5 });
    expect(warm.logits).toEqual(plain.logits);
    for (let i = 0; i < rows; i++) {
      const z = Array.from(plain.logits.subarray(i * 4, i * 4 + 4), (v) => v / 2.5);
      const total = z.reduce((a, v) => a + Math.exp(v), 0);
      z.forEach((v, c) =>
        expect(warm.probabilities[i * 4 + c]).toBeCloseTo(Math.exp(v) / total, 6),
      );
    }
    const { onnx } = onnxProto;
    const decoded = onnx.ModelProto.decode(
      toInferenceModel(softmax, { temperature: 2.5, metadata: { label: 'x' } }),
    );
    const metadata = Object.fromEntries(decoded.metadataProps.map((p) => [p.key, p.value]));
    expect(metadata).toMatchObject({ 'variantdesk.temperature': '2.5', label: 'x' });
    expect(() => toInferenceModel(softmax, { temperature: 0 })).toThrow(/temperature/);
  });
});
