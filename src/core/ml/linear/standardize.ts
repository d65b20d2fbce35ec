/** Per-feature standardization fitted on training rows, applied inside the model graphs. */
import type { Matrix } from '../../cluster/matrix';
import { InvalidInputError } from '../../errors';
import type { Normalization } from './model';

// Below this standard deviation a feature is treated as constant and left unscaled
// (k-mer spectra have many all-zero columns).
const MIN_STD = 1e-8;

/** Mean and 1/std of every column over `rows` (all rows by default), accumulated in float64. */
export function fitStandardization(matrix: Matrix, rows?: ArrayLike<number>): Normalization {
  const { cols, data } = matrix;
  const count = rows ? rows.length : matrix.rows;
  const sum = new Float64Array(cols);
  const sumSquares = new Float64Array(cols);
  for (let r = 0; r < count; r++) {
    const offset = (rows ? rows[r]! : r) * cols;
    for (let j = 0; j < cols; j++) sum[j]! += data[offset + j]!;
  }
  const mean = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    mean[j] = count > 0 ? sum[j]! / count : 0;
    if (!Number.isFinite(mean[j]))
      throw new InvalidInputError(`feature column ${j} contains NaN or infinite values`);
  }
  // Two passes: centered squares do not cancel catastrophically as E[x^2] - E[x]^2 can.
  for (let r = 0; r < count; r++) {
    const offset = (rows ? rows[r]! : r) * cols;
    for (let j = 0; j < cols; j++) {
      const centered = data[offset + j]! - mean[j]!;
      sumSquares[j]! += centered * centered;
    }
  }
  const scale = new Float32Array(cols);
  for (let j = 0; j < cols; j++) {
    const std = count > 0 ? Math.sqrt(sumSquares[j]! / count) : 0;
    scale[j] = std > MIN_STD ? 1 / std : 1;
  }
  return { mean: Float32Array.from(mean), scale };
}
