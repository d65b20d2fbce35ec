/** Seeded synthetic classification problems for the forest tests. */
import type { Matrix } from '../../../../src/core/cluster/matrix';
import { gaussian, mulberry32 } from '../../../../src/core/cluster/random';

/**
 * `rows` rows of `cols` features: class c shifts its own `informative` columns by `shift`,
 * everything else is unit Gaussian noise. Classes cycle row by row.
 */
export function gaussianClasses(
  rows: number,
  cols: number,
  nClasses: number,
  seed: number,
  shift = 2,
  informative = 3,
): { features: Matrix; labels: Int32Array } {
  const random = mulberry32(seed);
  const data = new Float32Array(rows * cols);
  const labels = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const c = r % nClasses;
    labels[r] = c;
    for (let j = 0; j < cols; j++) data[r * cols + j] = gaussian(random);
    for (let k = 0; k < informative; k++) data[r * cols + ((c * informative + k) % cols)]! += shift;
  }
  return { features: { rows, cols, data }, labels };
}

/** Rows of 0/1 columns (aligned alleles): class c sets its marker columns, noise flips bits. */
export function binaryClasses(
  rows: number,
  cols: number,
  nClasses: number,
  seed: number,
): { features: Matrix; labels: Int32Array } {
  const random = mulberry32(seed);
  const data = new Float32Array(rows * cols);
  const labels = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const c = r % nClasses;
    labels[r] = c;
    for (let j = 0; j < cols; j++) {
      const marker = j % nClasses === c && j < 4 * nClasses;
      data[r * cols + j] = random() < 0.1 !== marker ? 1 : 0;
    }
  }
  return { features: { rows, cols, data }, labels };
}

export function accuracy(predicted: Int32Array, labels: Int32Array): number {
  let right = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) right++;
  return right / labels.length;
}
