/** A dense row-major matrix of float32 values, as produced by the k-mer featurizer. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float32Array;
}

export function assertMatrix(matrix: Matrix): void {
  const { rows, cols, data } = matrix;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0)
    throw new RangeError(`matrix shape must be non-negative integers, got ${rows} x ${cols}`);
  if (data.length !== rows * cols)
    throw new RangeError(
      `matrix data has ${data.length} values, expected rows x cols = ${rows * cols}`,
    );
}

/** Squared Euclidean distance between `a[aOffset..+cols)` and `b[bOffset..+cols)`. */
export function squaredDistance(
  a: ArrayLike<number>,
  aOffset: number,
  b: ArrayLike<number>,
  bOffset: number,
  cols: number,
): number {
  let sum = 0;
  for (let j = 0; j < cols; j++) {
    const diff = a[aOffset + j]! - b[bOffset + j]!;
    sum += diff * diff;
  }
  return sum;
}
