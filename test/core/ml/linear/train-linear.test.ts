import { describe, expect, it } from 'vitest';

import type { LinearModel } from '../../../../src/core/ml/linear/model';
import { predictLinear } from '../../../../src/core/ml/linear/predict';
import { trainMlp, trainSoftmax } from '../../../../src/core/ml/linear/train-linear';
import type { TrainProgress } from '../../../../src/core/ml/linear/train-options';
import { accuracy, argmaxRows, gaussianBlobs } from './synthetic-blobs';

const blobs = (seed: number, perClass = [150, 150, 150]) =>
  gaussianBlobs({ perClass, cols: 6, spread: 0.4, centerSeed: 7, seed });
const train = blobs(1);
const test = blobs(2);

async function testAccuracy(model: LinearModel): Promise<number> {
  const { probabilities } = await predictLinear(model, test.matrix);
  return accuracy(argmaxRows(probabilities, 3), test.labels);
}

describe('trainSoftmax', () => {
  it('separates Gaussian blobs given raw, unscaled features', async () => {
    const progress: TrainProgress[] = [];
    const { model, history } = await trainSoftmax(train.matrix, train.labels, 3, {
      seed: 3,
      epochs: 30,
      onProgress: (p) => progress.push(p),
    });
    expect(await testAccuracy(model)).toBeGreaterThan(0.98);
    expect(progress.length).toBe(history.steps);
    const epochEnds = progress.filter((p) => p.validationLoss !== undefined);
    expect(epochEnds.map((p) => p.validationLoss)).toEqual(
      history.epochs.map((e) => e.validationLoss),
    );
    const first = history.epochs[0]!;
    const best = history.epochs[history.bestEpoch - 1]!;
    expect(best.validationLoss!).toBeLessThan(first.validationLoss! / 2);
    expect(history.validationRows).toBe(45);
    expect(history.trainRows).toBe(405);
  });

  it('stops early and keeps the parameters of the best validation epoch', async () => {
    const options = { seed: 5, epochs: 500, patience: 3, minDelta: 0 };
    const stopped = await trainSoftmax(train.matrix, train.labels, 3, options);
    const { history } = stopped;
    expect(history.stoppedEarly).toBe(true);
    expect(history.epochs.length).toBe(history.bestEpoch + 3);
    const losses = history.epochs.map((e) => e.validationLoss!);
    expect(Math.min(...losses)).toBe(losses[history.bestEpoch - 1]);
    // The same seed run for exactly bestEpoch epochs follows the same path and ends there.
    const short = await trainSoftmax(train.matrix, train.labels, 3, {
      ...options,
      epochs: history.bestEpoch,
    });
    expect(short.model.parameters).toEqual(stopped.model.parameters);
  });

  it('is bit-reproducible for a seed and differs across seeds', async () => {
    const options = { epochs: 5, validationFraction: 0.2 };
    const a = await trainSoftmax(train.matrix, train.labels, 3, { ...options, seed: 9 });
    const b = await trainSoftmax(train.matrix, train.labels, 3, { ...options, seed: 9 });
    const c = await trainSoftmax(train.matrix, train.labels, 3, { ...options, seed: 10 });
    expect(b.model.parameters).toEqual(a.model.parameters);
    expect(b.history).toEqual(a.history);
    expect(c.model.parameters.weight).not.toEqual(a.model.parameters.weight);
  });

  it('rejects with an AbortError when the signal aborts between steps', async () => {
    const controller = new AbortController();
    const seen: TrainProgress[] = [];
    const run = trainSoftmax(train.matrix, train.labels, 3, {
      batchSize: 32,
      signal: controller.signal,
      onProgress: (progress) => {
        seen.push(progress);
        if (progress.step === 3) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.length).toBe(3);
  });

  it('with balanced class weights finds more of a rare, overlapping class', async () => {
    const imbalanced = gaussianBlobs({
      perClass: [600, 30],
      cols: 2,
      spread: 2,
      centerSeed: 4,
      seed: 1,
    });
    const population = gaussianBlobs({
      perClass: [600, 600],
      cols: 2,
      spread: 2,
      centerSeed: 4,
      seed: 2,
    });
    const recall = async (classWeights?: 'balanced') => {
      const { model } = await trainSoftmax(imbalanced.matrix, imbalanced.labels, 2, {
        seed: 1,
        epochs: 30,
        classWeights,
      });
      const { probabilities } = await predictLinear(model, population.matrix);
      const predicted = argmaxRows(probabilities, 2);
      return predicted.subarray(600).filter((label) => label === 1).length / 600;
    };
    const plain = await recall();
    const balanced = await recall('balanced');
    expect(balanced).toBeGreaterThan(plain + 0.2);
  });

  it('refuses labels outside 0..numClasses-1 and a label count that does not match the rows', async () => {
    const labels = train.labels.slice();
    labels[10] = 3;
    await expect(trainSoftmax(train.matrix, labels, 3)).rejects.toThrow(/label 3 is outside 0..2/);
    await expect(trainSoftmax(train.matrix, labels.subarray(1), 4)).rejects.toThrow(/labels/);
  });
});

describe('trainMlp', () => {
  it('separates Gaussian blobs, with dropout, reproducibly', async () => {
    const options = { seed: 4, epochs: 30, hiddenUnits: 16, dropout: 0.2 };
    const { model, history } = await trainMlp(train.matrix, train.labels, 3, options);
    expect(await testAccuracy(model)).toBeGreaterThan(0.98);
    expect(model.parameters.hidden_weight!.length).toBe(6 * 16);
    const again = await trainMlp(train.matrix, train.labels, 3, options);
    expect(again.model.parameters).toEqual(model.parameters);
    expect(again.history).toEqual(history);
  });

  it('trains with SGD and momentum', async () => {
    const { model } = await trainMlp(train.matrix, train.labels, 3, {
      seed: 4,
      epochs: 30,
      hiddenUnits: 16,
      optimizer: { kind: 'sgd', learningRate: 0.05, momentum: 0.9 },
    });
    expect(await testAccuracy(model)).toBeGreaterThan(0.98);
  });
});
