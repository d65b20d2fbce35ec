/** Small dense helpers for PCA: all matrices are row-major Float64Arrays. */
import { gaussian, type Random } from './random';

/**
 * Orthonormalizes the `width` columns of the `height x width` matrix `m` in place
 * (modified Gram-Schmidt, two passes for stability). A column that collapses to nothing,
 * as happens when the data has lower rank than `width`, is replaced by a random direction
 * so the basis stays complete.
 */
export function orthonormalizeColumns(
  m: Float64Array,
  height: number,
  width: number,
  random: Random,
): void {
  for (let c = 0; c < width; c++) {
    for (let attempt = 0; ; attempt++) {
      const before = columnNorm(m, height, width, c);
      for (let pass = 0; pass < 2; pass++) {
        for (let prev = 0; prev < c; prev++) {
          let dot = 0;
          for (let r = 0; r < height; r++) dot += m[r * width + c]! * m[r * width + prev]!;
          for (let r = 0; r < height; r++) m[r * width + c]! -= dot * m[r * width + prev]!;
        }
      }
      const norm = columnNorm(m, height, width, c);
      if (norm > 1e-10 * before && norm > 0) {
        for (let r = 0; r < height; r++) m[r * width + c]! /= norm;
        break;
      }
      if (attempt > 8) throw new Error(`cannot complete an orthonormal basis of ${width} columns`);
      for (let r = 0; r < height; r++) m[r * width + c] = gaussian(random);
    }
  }
}

function columnNorm(m: Float64Array, height: number, width: number, c: number): number {
  let sum = 0;
  for (let r = 0; r < height; r++) sum += m[r * width + c]! ** 2;
  return Math.sqrt(sum);
}

/**
 * Eigen-decomposition of the symmetric `n x n` matrix `a` (cyclic Jacobi; `a` is not
 * modified). Eigenvalues come out in decreasing order; column j of `vectors` belongs to
 * `values[j]`.
 */
export function symmetricEigen(
  input: Float64Array,
  n: number,
): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let scale = 0;
  for (const x of a) scale += x * x;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off <= 1e-30 * scale || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (apq === 0) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        // A <- J^T A J, then V <- V J.
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (x, y) => a[y * n + y]! - a[x * n + x]! || x - y,
  );
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((from, to) => {
    values[to] = a[from * n + from]!;
    for (let k = 0; k < n; k++) vectors[k * n + to] = v[k * n + from]!;
  });
  return { values, vectors };
}
