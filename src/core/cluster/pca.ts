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

/**
 * A product of the uncentered data X (rows x cols) the PCA needs: `times` is X·right with
 * right cols x width, `transposeTimes` is Xᵀ·right with right rows x width.
 */
export interface ProductRequest {
  kind: 'times' | 'transposeTimes';
  right: Float64Array;
  width: number;
}

/** The top `components` principal components of the rows of `matrix`, in this thread. */
export function pca(matrix: Matrix, components = 2, options: PcaOptions = {}): PcaResult {
  const steps = pcaSteps(matrix, components, options);
  let step = steps.next();
  while (!step.done) step = steps.next(multiplyInThread(matrix, step.value));
  return step.value;
}

/**
 * The algorithm, with each large product asked of the caller: the in-thread driver above
 * multiplies in JavaScript, `pcaWithOnnx` in ONNX Runtime's GEMM.
 */
export function* pcaSteps(
  matrix: Matrix,
  components: number,
  options: PcaOptions,
): Generator<ProductRequest, PcaResult, Float64Array> {
  assertMatrix(matrix);
  const { rows, cols } = matrix;
  if (!Number.isInteger(components) || components < 1 || components > Math.min(rows, cols))
    throw new RangeError(
      `components must be an integer from 1 to min(rows, cols) = ${Math.min(rows, cols)}, got ${components}`,
    );
  const iterations = options.iterations ?? 8;
  const width = Math.min(rows, cols, components + (options.oversampling ?? 8));
  const random = mulberry32(options.seed ?? 1);

  const { mean, totalSquares } = columnMeans(matrix);
  const dof = Math.max(1, rows - 1);

  let basis: Float64Array = new Float64Array(cols * width); // cols x width
  for (let i = 0; i < basis.length; i++) basis[i] = gaussian(random);
  orthonormalizeColumns(basis, cols, width, random);
  let projected: Float64Array = new Float64Array(rows * width); // rows x width
  for (let it = 0; it < iterations; it++) {
    projected = centerTimes(
      yield { kind: 'times', right: basis, width },
      mean,
      basis,
      rows,
      cols,
      width,
    );
    basis = centerTransposeTimes(
      yield { kind: 'transposeTimes', right: projected, width },
      mean,
      projected,
      rows,
      cols,
      width,
    );
    orthonormalizeColumns(basis, cols, width, random);
  }
  projected = centerTimes(
    yield { kind: 'times', right: basis, width },
    mean,
    basis,
    rows,
    cols,
    width,
  );

  // Rayleigh-Ritz: eigenvectors of the small width x width Gram matrix of the projection.
  const eigen = symmetricEigen(gramOf(projected, rows, width), width);
  const { loadings, coordinates, explainedVariance } = rotateToComponents(
    { basis, projected, eigen },
    { rows, cols, width, components, dof },
  );
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

/** Column means, and the sum of squared deviations from them over all cells. */
function columnMeans({ rows, cols, data }: Matrix): { mean: Float64Array; totalSquares: number } {
  const mean = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) mean[j]! += data[i * cols + j]!;
  for (let j = 0; j < cols; j++) mean[j]! /= rows;
  let totalSquares = 0;
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) totalSquares += (data[i * cols + j]! - mean[j]!) ** 2;
  return { mean, totalSquares };
}

/** projectedᵀ·projected (width x width, symmetric) of the rows x width projection. */
function gramOf(projected: Float64Array, rows: number, width: number): Float64Array {
  const gram = new Float64Array(width * width);
  for (let i = 0; i < rows; i++)
    for (let a = 0; a < width; a++) {
      const pa = projected[i * width + a]!;
      for (let b = a; b < width; b++) gram[a * width + b]! += pa * projected[i * width + b]!;
    }
  for (let a = 0; a < width; a++)
    for (let b = 0; b < a; b++) gram[a * width + b] = gram[b * width + a]!;
  return gram;
}

/**
 * The components from the converged subspace: loadings (basis rotated by the Gram matrix's
 * eigenvectors), the rows' coordinates on them, and their variances.
 */
function rotateToComponents(
  subspace: {
    basis: Float64Array;
    projected: Float64Array;
    eigen: ReturnType<typeof symmetricEigen>;
  },
  shape: { rows: number; cols: number; width: number; components: number; dof: number },
): Pick<PcaResult, 'loadings' | 'coordinates' | 'explainedVariance'> {
  const { basis, projected, eigen } = subspace;
  const { rows, cols, width, components, dof } = shape;
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
  return { loadings, coordinates, explainedVariance };
}

/** (X - 1 meanᵀ)·basis from product = X·basis: subtracts meanᵀ·basis from every row. */
function centerTimes(
  product: Float64Array,
  mean: Float64Array,
  basis: Float64Array,
  rows: number,
  cols: number,
  width: number,
): Float64Array {
  const shift = new Float64Array(width);
  for (let j = 0; j < cols; j++)
    for (let a = 0; a < width; a++) shift[a]! += mean[j]! * basis[j * width + a]!;
  for (let i = 0; i < rows; i++)
    for (let a = 0; a < width; a++) product[i * width + a]! -= shift[a]!;
  return product;
}

/** (X - 1 meanᵀ)ᵀ·projected from product = Xᵀ·projected: subtracts mean·(1ᵀ projected). */
function centerTransposeTimes(
  product: Float64Array,
  mean: Float64Array,
  projected: Float64Array,
  rows: number,
  cols: number,
  width: number,
): Float64Array {
  const columnSums = new Float64Array(width);
  for (let i = 0; i < rows; i++)
    for (let a = 0; a < width; a++) columnSums[a]! += projected[i * width + a]!;
  for (let j = 0; j < cols; j++)
    for (let a = 0; a < width; a++) product[j * width + a]! -= mean[j]! * columnSums[a]!;
  return product;
}

/** X·right or Xᵀ·right in JavaScript, skipping zeros (spectra are sparse). */
export function multiplyInThread(
  { rows, cols, data }: Matrix,
  request: ProductRequest,
): Float64Array {
  const { right, width } = request;
  const out = new Float64Array((request.kind === 'times' ? rows : cols) * width);
  for (let i = 0; i < rows; i++) {
    const row = i * width;
    for (let j = 0; j < cols; j++) {
      const x = data[i * cols + j]!;
      if (x === 0) continue;
      const b = j * width;
      if (request.kind === 'times')
        for (let a = 0; a < width; a++) out[row + a]! += x * right[b + a]!;
      else for (let a = 0; a < width; a++) out[b + a]! += x * right[row + a]!;
    }
  }
  return out;
}
