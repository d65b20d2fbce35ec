/**
 * Principal component analysis of k-mer spectra by randomized subspace iteration: the
 * centered matrix is never materialized and no rows x rows or cols x cols matrix is built,
 * so the cost is O(rows x cols x (components + oversampling) x iterations).
 */
import { orthonormalizeColumns, symmetricEigen } from './linear-algebra';
import { assertMatrix, type Matrix } from './matrix';
import { gaussian, mulberry32 } from './random';

export interface PcaOptions {
  /** Seed of the random starting subspace. Default 1. */
  seed?: number;
  /** Power iterations; more sharpen components whose variances are close. Default 8. */
  iterations?: number;
  /** Extra directions carried along to speed convergence. Default 8. */
  oversampling?: number;
}

export interface PcaResult {
  /** rows x components, row-major: the centered rows projected on each component. */
  coordinates: Float32Array;
  /** Per component: its variance over the total variance of all columns. */
  explainedVarianceRatio: number[];
  /** Per component: its variance (denominator rows - 1). */
  explainedVariance: number[];
  /** components x cols, row-major unit vectors; the largest |loading| of each is positive. */
  loadings: Float32Array;
  /** Column means subtracted before projecting. */
  mean: Float32Array;
}

/** The top `components` principal components of the rows of `matrix`. */
export function pca(matrix: Matrix, components = 2, options: PcaOptions = {}): PcaResult {
  assertMatrix(matrix);
  const { rows, cols, data } = matrix;
  if (!Number.isInteger(components) || components < 1 || components > Math.min(rows, cols))
    throw new RangeError(
      `components must be an integer from 1 to min(rows, cols) = ${Math.min(rows, cols)}, got ${components}`,
    );
  const iterations = options.iterations ?? 8;
  const width = Math.min(rows, cols, components + (options.oversampling ?? 8));
  const random = mulberry32(options.seed ?? 1);

  const mean = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) mean[j]! += data[i * cols + j]!;
  for (let j = 0; j < cols; j++) mean[j]! /= rows;
  let totalSquares = 0;
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) totalSquares += (data[i * cols + j]! - mean[j]!) ** 2;
  const dof = Math.max(1, rows - 1);

  const basis = new Float64Array(cols * width); // cols x width
  for (let i = 0; i < basis.length; i++) basis[i] = gaussian(random);
  orthonormalizeColumns(basis, cols, width, random);
  const projected = new Float64Array(rows * width); // rows x width
  for (let it = 0; it < iterations; it++) {
    multiplyCentered(matrix, mean, basis, width, projected);
    multiplyCenteredTransposed(matrix, mean, projected, width, basis);
    orthonormalizeColumns(basis, cols, width, random);
  }
  multiplyCentered(matrix, mean, basis, width, projected);

  // Rayleigh-Ritz: eigenvectors of the small width x width Gram matrix of the projection.
  const gram = new Float64Array(width * width);
  for (let i = 0; i < rows; i++)
    for (let a = 0; a < width; a++) {
      const pa = projected[i * width + a]!;
      for (let b = a; b < width; b++) gram[a * width + b]! += pa * projected[i * width + b]!;
    }
  for (let a = 0; a < width; a++)
    for (let b = 0; b < a; b++) gram[a * width + b] = gram[b * width + a]!;
  const eigen = symmetricEigen(gram, width);

  const loadings = new Float32Array(components * cols);
  const coordinates = new Float32Array(rows * components);
  const explainedVariance: number[] = [];
  for (let c = 0; c < components; c++) {
    const loading = new Float64Array(cols);
    for (let j = 0; j < cols; j++) {
      let sum = 0;
      for (let a = 0; a < width; a++) sum += basis[j * width + a]! * eigen.vectors[a * width + c]!;
      loading[j] = sum;
    }
    // Sign convention: the largest |loading| (first on ties) is positive.
    let largest = 0;
    for (let j = 1; j < cols; j++)
      if (Math.abs(loading[j]!) > Math.abs(loading[largest]!)) largest = j;
    const sign = loading[largest]! < 0 ? -1 : 1;
    for (let j = 0; j < cols; j++) loadings[c * cols + j] = sign * loading[j]!;
    for (let i = 0; i < rows; i++) {
      let sum = 0;
      for (let a = 0; a < width; a++)
        sum += projected[i * width + a]! * eigen.vectors[a * width + c]!;
      coordinates[i * components + c] = sign * sum;
    }
    explainedVariance.push(Math.max(0, eigen.values[c]!) / dof);
  }
  const totalVariance = totalSquares / dof;
  return {
    coordinates,
    explainedVarianceRatio: explainedVariance.map((v) =>
      totalVariance > 0 ? Math.min(1, v / totalVariance) : 0,
    ),
    explainedVariance,
    loadings,
    mean: Float32Array.from(mean),
  };
}

/** out (rows x width) = (X - 1 mean^T) basis, with basis cols x width. */
function multiplyCentered(
  { rows, cols, data }: Matrix,
  mean: Float64Array,
  basis: Float64Array,
  width: number,
  out: Float64Array,
): void {
  const shift = new Float64Array(width); // mean^T basis
  for (let j = 0; j < cols; j++)
    for (let a = 0; a < width; a++) shift[a]! += mean[j]! * basis[j * width + a]!;
  for (let i = 0; i < rows; i++) {
    const row = i * width;
    for (let a = 0; a < width; a++) out[row + a] = -shift[a]!;
    for (let j = 0; j < cols; j++) {
      const x = data[i * cols + j]!;
      if (x === 0) continue; // spectra are sparse
      const b = j * width;
      for (let a = 0; a < width; a++) out[row + a]! += x * basis[b + a]!;
    }
  }
}

/** out (cols x width) = (X - 1 mean^T)^T projected, with projected rows x width. */
function multiplyCenteredTransposed(
  { rows, cols, data }: Matrix,
  mean: Float64Array,
  projected: Float64Array,
  width: number,
  out: Float64Array,
): void {
  out.fill(0);
  const columnSums = new Float64Array(width);
  for (let i = 0; i < rows; i++) {
    const row = i * width;
    for (let a = 0; a < width; a++) columnSums[a]! += projected[row + a]!;
    for (let j = 0; j < cols; j++) {
      const x = data[i * cols + j]!;
      if (x === 0) continue;
      const b = j * width;
      for (let a = 0; a < width; a++) out[b + a]! += x * projected[row + a]!;
    }
  }
  for (let j = 0; j < cols; j++)
    for (let a = 0; a < width; a++) out[j * width + a]! -= mean[j]! * columnSums[a]!;
}
