import { describe, expect, it } from 'vitest';
import { pca, type Matrix } from '../../../src/core/cluster';
import { symmetricEigen } from '../../../src/core/cluster/linear-algebra';
import { gaussian, mulberry32 } from '../../../src/core/cluster/random';

function randomMatrix(rows: number, cols: number, seed: number, scales: number[]): Matrix {
  const random = mulberry32(seed);
  const data = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) data[i * cols + j] = (scales[j] ?? 0.1) * gaussian(random) + j;
  return { rows, cols, data };
}

/** Eigenvalues (descending) of the sample covariance, built the slow way. */
function covarianceEigen({ rows, cols, data }: Matrix) {
  const mean = new Float64Array(cols);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) mean[j]! += data[i * cols + j]! / rows;
  const cov = new Float64Array(cols * cols);
  for (let i = 0; i < rows; i++)
    for (let a = 0; a < cols; a++)
      for (let b = 0; b < cols; b++)
        cov[a * cols + b]! +=
          ((data[i * cols + a]! - mean[a]!) * (data[i * cols + b]! - mean[b]!)) / (rows - 1);
  return symmetricEigen(cov, cols);
}

describe('pca', () => {
  it('recovers the direction of points on a 2D line, with all the variance', () => {
    const ts = [-3, -1, 0, 2, 5, 7];
    const data = Float32Array.from(ts.flatMap((t) => [1 + t, 4 + 2 * t]));
    const result = pca({ rows: ts.length, cols: 2, data }, 1);
    expect(result.explainedVarianceRatio[0]).toBeCloseTo(1, 6);
    expect(result.loadings[0]).toBeCloseTo(1 / Math.sqrt(5), 5);
    expect(result.loadings[1]).toBeCloseTo(2 / Math.sqrt(5), 5); // largest loading positive
    const meanT = ts.reduce((s, t) => s + t, 0) / ts.length;
    ts.forEach((t, i) => expect(result.coordinates[i]).toBeCloseTo((t - meanT) * Math.sqrt(5), 4));
  });

  it('gives a second component of a line ~0 variance and orthogonal to the first', () => {
    const data = Float32Array.from([0, 0, 1, 1, 2, 2, 3, 3]);
    const { explainedVarianceRatio, loadings } = pca({ rows: 4, cols: 2, data }, 2);
    expect(explainedVarianceRatio[0]).toBeCloseTo(1, 6);
    expect(explainedVarianceRatio[1]).toBeCloseTo(0, 6);
    expect(loadings[0]! * loadings[2]! + loadings[1]! * loadings[3]!).toBeCloseTo(0, 6);
  });

  it('matches the covariance eigenvalues when the subspace covers fewer than all columns', () => {
    const scales = [5, 0.2, 3, 0.1, 1.5, 0.3, 0.2, 0.1];
    const matrix = randomMatrix(300, 40, 3, scales);
    const { explainedVariance, explainedVarianceRatio, loadings } = pca(matrix, 3, {
      oversampling: 4,
    });
    const exact = covarianceEigen(matrix);
    const total = exact.values.reduce((s, v) => s + v, 0);
    for (let c = 0; c < 3; c++) {
      expect(explainedVariance[c]! / exact.values[c]!).toBeCloseTo(1, 4);
      expect(explainedVarianceRatio[c]).toBeCloseTo(exact.values[c]! / total, 5);
      // Same direction up to sign.
      let dot = 0;
      for (let j = 0; j < 40; j++) dot += loadings[c * 40 + j]! * exact.vectors[j * 40 + c]!;
      expect(Math.abs(dot)).toBeCloseTo(1, 4);
    }
  });

  it('projects rows so each coordinate column has the component variance', () => {
    const matrix = randomMatrix(200, 6, 9, [4, 2, 1, 0.5, 0.5, 0.5]);
    const { coordinates, explainedVariance } = pca(matrix, 2);
    for (let c = 0; c < 2; c++) {
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < 200; i++) {
        sum += coordinates[i * 2 + c]!;
        squares += coordinates[i * 2 + c]! ** 2;
      }
      expect(sum / 200).toBeCloseTo(0, 3);
      expect(squares / 199 / explainedVariance[c]!).toBeCloseTo(1, 4);
    }
  });

  it('is deterministic for a seed', () => {
    const matrix = randomMatrix(120, 30, 5, [2, 2, 1]);
    const first = pca(matrix, 2, { seed: 42 });
    expect(pca(matrix, 2, { seed: 42 })).toEqual(first);
  });

  it('rejects more components than the data has dimensions', () => {
    const matrix = randomMatrix(3, 5, 1, []);
    expect(() => pca(matrix, 4)).toThrow(RangeError);
    expect(() => pca({ rows: 2, cols: 2, data: new Float32Array(3) }, 1)).toThrow(RangeError);
  });
});
