import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../src/core/cluster/random';
import {
  argmaxRows,
  forestToOnnx,
  predictForestProbabilities,
  trainRandomForest,
} from '../../../../src/core/ml/forest';
import { createSession } from '../../../../src/core/onnx/session';
import { gaussianClasses } from './synthetic';

async function runForest(bytes: Uint8Array, data: Float32Array, rows: number, cols: number) {
  const session = await createSession(bytes);
  const out = await session.run({ features: new ort.Tensor('float32', data, [rows, cols]) });
  return {
    label: Array.from(out.label!.data as BigInt64Array, Number),
    probabilities: out.probabilities!.data as Float32Array,
    dims: out.probabilities!.dims,
  };
}

describe('forestToOnnx', () => {
  for (const nClasses of [2, 4]) {
    it(`matches the TypeScript probabilities on unseen random data (${nClasses} classes)`, async () => {
      const { features, labels } = gaussianClasses(400, 25, nClasses, nClasses, 1);
      const forest = await trainRandomForest(features, labels, { nTrees: 25, seed: 4 });
      const random = mulberry32(99);
      const rows = 300;
      // Coarse values so many land exactly on thresholds' neighbours and on ties.
      const data = Float32Array.from(
        { length: rows * 25 },
        () => Math.round((random() * 8 - 4) * 4) / 4,
      );
      const onnx = await runForest(forestToOnnx(forest), data, rows, 25);
      const expected = predictForestProbabilities(forest, { rows, cols: 25, data });
      expect(onnx.dims).toEqual([rows, nClasses]);
      for (let i = 0; i < expected.length; i++)
        expect(Math.abs(onnx.probabilities[i]! - expected[i]!)).toBeLessThan(1e-5);
      // The label is the most probable class, except where two classes tie.
      const argmax = argmaxRows(expected, nClasses);
      for (let r = 0; r < rows; r++) {
        const p = expected.subarray(r * nClasses, (r + 1) * nClasses);
        const top = Math.max(...p);
        if (p.filter((v) => Math.abs(v - top) < 1e-6).length === 1)
          expect(onnx.label[r]).toBe(argmax[r]);
      }
    });
  }

  it('reproduces the training rows exactly where the forest has thresholds on them', async () => {
    const { features, labels } = gaussianClasses(200, 8, 3, 8);
    const forest = await trainRandomForest(features, labels, { nTrees: 15, seed: 1, maxBins: 16 });
    const onnx = await runForest(forestToOnnx(forest, { task: 'test' }), features.data, 200, 8);
    const expected = predictForestProbabilities(forest, features);
    for (let i = 0; i < expected.length; i++)
      expect(Math.abs(onnx.probabilities[i]! - expected[i]!)).toBeLessThan(1e-5);
  });
});
