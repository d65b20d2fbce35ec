import type { Matrix } from '../../../../src/core/cluster/matrix';
import { gaussian, mulberry32 } from '../../../../src/core/cluster/random';

/**
 * Seeded Gaussian blobs, one per class, with `spread` the within-class standard
 * deviation. Centers come from `centerSeed`, points from `seed`: draws with the same
 * centers and different seeds are a training set and a test set of one population. Features get column-specific offsets and scales (column j is shifted by
 * 10 j and scaled by j + 1) so that the in-graph standardization matters.
 */
export function gaussianBlobs(options: {
  perClass: number[];
  cols: number;
  spread: number;
  centerSeed: number;
  seed: number;
}): { matrix: Matrix; labels: Int32Array } {
  const { perClass, cols, spread } = options;
  const centerRandom = mulberry32(options.centerSeed);
  const centers = perClass.map(() =>
    Array.from({ length: cols }, () => 4 * (centerRandom() - 0.5)),
  );
  const random = mulberry32(options.seed);
  const rows = perClass.reduce((a, b) => a + b, 0);
  const data = new Float32Array(rows * cols);
  const labels = new Int32Array(rows);
  let row = 0;
  perClass.forEach((count, label) => {
    for (let k = 0; k < count; k++, row++) {
      labels[row] = label;
      for (let j = 0; j < cols; j++)
        data[row * cols + j] = 10 * j + (j + 1) * (centers[label]![j]! + spread * gaussian(random));
    }
  });
  return { matrix: { rows, cols, data }, labels };
}

/** Index of the largest of each row of a row-major `[rows, C]` array. */
export function argmaxRows(values: Float32Array, numClasses: number): Int32Array {
  const out = new Int32Array(values.length / numClasses);
  for (let i = 0; i < out.length; i++) {
    let best = 0;
    for (let c = 1; c < numClasses; c++)
      if (values[i * numClasses + c]! > values[i * numClasses + best]!) best = c;
    out[i] = best;
  }
  return out;
}

/** Fraction of positions where the two label arrays agree. */
export function accuracy(predicted: Int32Array, labels: Int32Array): number {
  let hits = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) hits++;
  return hits / labels.length;
}
