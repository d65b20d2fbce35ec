import { describe, expect, it } from 'vitest';

import { buildLossGraph } from '../../../../src/core/ml/linear/loss-graph';
import { parameterShapes, type LinearModelSpec } from '../../../../src/core/ml/linear/model';
import { nextName } from '../../../../src/core/ml/linear/optimizer-graph';
import { buildTrainingStepGraph } from '../../../../src/core/ml/linear/step-graph';
import { createSession, runSession, type Feed } from '../../../../src/core/onnx/session';
import { parameterFeeds, randomProblem, toFloat32 } from './graph-problem';

const l2 = 0.3;
const learningRate = 0.5;

async function checkGradients(spec: LinearModelSpec, seed: number) {
  const problem = randomProblem(spec, seed);
  const common = {
    spec,
    normalization: problem.normalization,
    l2,
    dropoutMask: spec.kind === 'mlp',
  };
  const sgd = { kind: 'sgd', learningRate, momentum: 0 } as const;
  const lossSession = await createSession(buildLossGraph({ ...common, dtype: 'double' }));
  const stepDouble = await createSession(
    buildTrainingStepGraph({ ...common, optimizer: sgd, dtype: 'double' }),
  );
  const stepFloat = await createSession(buildTrainingStepGraph({ ...common, optimizer: sgd }));
  const lr = (float32: boolean): Feed =>
    float32
      ? { data: new Float32Array([learningRate]), dims: [] }
      : { data: new Float64Array([learningRate]), dims: [] };

  const lossAt = async (values: Record<string, Float64Array>) => {
    const out = await runSession(
      lossSession,
      { ...parameterFeeds(spec, values, false), ...problem.batchFeeds },
      ['loss'],
    );
    return out.loss!.data[0]!;
  };
  const stepOutputs = async (session: typeof stepDouble, float32: boolean) => {
    const batchFeeds = float32 ? toFloat32(problem.batchFeeds) : problem.batchFeeds;
    return runSession(session, {
      ...parameterFeeds(spec, problem.parameters, float32),
      ...batchFeeds,
      learning_rate: lr(float32),
    });
  };
  const doubleStep = await stepOutputs(stepDouble, false);
  const floatStep = await stepOutputs(stepFloat, true);

  // The step reports the loss before its update.
  expect(doubleStep.loss!.data[0]).toBeCloseTo(await lossAt(problem.parameters), 12);
  expect(floatStep.loss!.data[0]).toBeCloseTo(doubleStep.loss!.data[0]!, 5);

  const eps = 1e-6;
  for (const { name } of parameterShapes(spec)) {
    const old = problem.parameters[name]!;
    const nextDouble = doubleStep[nextName(name)]!.data;
    const nextFloat = floatStep[nextName(name)]!.data;
    for (let k = 0; k < old.length; k++) {
      const plus = { ...problem.parameters, [name]: old.slice() };
      const minus = { ...problem.parameters, [name]: old.slice() };
      plus[name]![k]! += eps;
      minus[name]![k]! -= eps;
      const numeric = ((await lossAt(plus)) - (await lossAt(minus))) / (2 * eps);
      const implied = (old[k]! - nextDouble[k]!) / learningRate;
      expect(Math.abs(implied - numeric), `${name}[${k}] float64`).toBeLessThan(1e-7);
      // float32 graph: the update loses about 1e-7 relative to |parameter|.
      const impliedFloat = (Math.fround(old[k]!) - nextFloat[k]!) / learningRate;
      expect(Math.abs(impliedFloat - numeric), `${name}[${k}] float32`).toBeLessThan(2e-5);
    }
  }
  await Promise.all([lossSession.release(), stepDouble.release(), stepFloat.release()]);
}

describe('training step gradients', () => {
  it('match central finite differences for softmax regression with L2 and row weights', async () => {
    await checkGradients({ kind: 'softmax', numFeatures: 4, numClasses: 3 }, 11);
  });

  it('match central finite differences for the MLP with a dropout mask', async () => {
    await checkGradients({ kind: 'mlp', numFeatures: 4, numClasses: 3, hiddenUnits: 5 }, 12);
  });
});
