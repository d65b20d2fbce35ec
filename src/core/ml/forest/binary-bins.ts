/**
 * The fast path of binning for 0/1 matrices (one-hot alleles): codes are the values
 * themselves and every two-valued column splits at 0.5, so the matrix is only transposed.
 */
import type { Matrix } from '../../cluster/matrix';
import type { BinnedFeatures } from './binned-features';

const BLOCK = 64;

/** Binned form of `features` if every value is 0 or 1, else null. */
export function binBinaryFeatures(features: Matrix): BinnedFeatures | null {
  const { rows, cols, data } = features;
  for (let i = 0; i < data.length; i++) if (data[i] !== 0 && data[i] !== 1) return null;
  const bins = new Uint8Array(new SharedArrayBuffer(rows * cols));
  const ones = new Int32Array(cols);
  for (let c0 = 0; c0 < cols; c0 += BLOCK) {
    const width = Math.min(BLOCK, cols - c0);
    for (let r = 0; r < rows; r++)
      for (let j = 0; j < width; j++) {
        const value = data[r * cols + c0 + j]!;
        bins[(c0 + j) * rows + r] = value;
        ones[c0 + j]! += value;
      }
  }
  const binCounts = new Uint16Array(cols);
  const thresholdStart = new Int32Array(cols + 1);
  for (let c = 0; c < cols; c++) {
    const twoValued = ones[c]! > 0 && ones[c]! < rows;
    // A constant column has the single code 0, as any column with one value.
    if (!twoValued && ones[c]! > 0) bins.fill(0, c * rows, (c + 1) * rows);
    binCounts[c] = twoValued ? 2 : 1;
    thresholdStart[c + 1] = thresholdStart[c]! + (twoValued ? 1 : 0);
  }
  const thresholds = new Float32Array(new SharedArrayBuffer(4 * thresholdStart[cols]!));
  thresholds.fill(0.5);
  const stride = Math.ceil(rows / 8);
  const packed = new Uint8Array(new SharedArrayBuffer(stride * cols));
  for (let c = 0; c < cols; c++)
    for (let r = 0; r < rows; r++)
      packed[c * stride + (r >>> 3)]! |= bins[c * rows + r]! << (r & 7);
  return { rows, cols, bins, packed, binCounts, thresholdStart, thresholds };
}
