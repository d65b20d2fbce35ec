import { describe, expect, it } from 'vitest';
import { crossValidate, type FoldContext } from '../../../../src/core/ml/validation';

const labels = Int32Array.from({ length: 24 }, (_, i) => i % 3);

function oneHot(rows: Int32Array, shift: number): Float32Array {
  const probabilities = new Float32Array(rows.length * 3);
  rows.forEach((row, j) => (probabilities[j * 3 + ((labels[row]! + shift) % 3)] = 1));
  return probabilities;
}

describe('crossValidate', () => {
  it('pools out-of-fold probabilities back in row order and reports progress per fold', async () => {
    const progress: { fold: number; folds: number }[] = [];
    const result = await crossValidate(
      labels,
      3,
      { kind: 'stratified', k: 4, seed: 1 },
      async ({ train, test }: FoldContext) => {
        const inTest = new Set(test);
        expect(train.some((row) => inTest.has(row))).toBe(false);
        return oneHot(test, 0);
      },
      { onProgress: (p) => progress.push(p) },
    );
    expect(progress).toEqual([1, 2, 3, 4].map((fold) => ({ fold, folds: 4 })));
    expect(Array.from(result.testedRows)).toEqual(Array.from(labels.keys()));
    expect(result.outOfFold).toEqual(oneHot(Int32Array.from(labels.keys()), 0));
    expect(result.pooled.accuracy).toBe(1);
    expect(result.perFold).toHaveLength(4);
    expect(result).toMatchObject({ metric: 'macroF1', mean: 1, std: 0 });
  });

  it('summarizes the chosen metric as mean and population std over folds', async () => {
    // Right on folds 0 and 2, wrong on 1 and 3: per-fold accuracy 1, 0, 1, 0.
    const result = await crossValidate(
      labels,
      3,
      { kind: 'group', k: 4, groups: Array.from(labels.keys(), (i) => i % 8) },
      async ({ fold, test }) => oneHot(test, fold % 2),
      { metric: 'accuracy' },
    );
    expect(result.perFold.map((report) => report.accuracy)).toEqual([1, 0, 1, 0]);
    expect(result.mean).toBeCloseTo(0.5, 12);
    expect(result.std).toBeCloseTo(0.5, 12);
    expect(result.pooled.accuracy).toBeCloseTo(0.5, 12);
  });

  it('stops when the signal aborts, without running the next fold', async () => {
    const controller = new AbortController();
    let calls = 0;
    const run = crossValidate(
      labels,
      3,
      { kind: 'stratified', k: 4 },
      async ({ test }) => {
        calls++;
        return oneHot(test, 0);
      },
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    await expect(run).rejects.toThrow(/abort/i);
    expect(calls).toBe(1);
  });

  it('refuses a row tested twice and probabilities of the wrong length', async () => {
    const folds = [
      { train: Int32Array.from([1]), test: Int32Array.from([0]) },
      { train: Int32Array.from([1]), test: Int32Array.from([0]) },
    ];
    await expect(
      crossValidate(labels, 3, { kind: 'explicit', folds }, async ({ test }) => oneHot(test, 0)),
    ).rejects.toThrow(/more than one test fold/);
    await expect(
      crossValidate(labels, 3, { kind: 'stratified', k: 2 }, async () => new Float32Array(1)),
    ).rejects.toThrow(/1 probabilities/);
  });
});
