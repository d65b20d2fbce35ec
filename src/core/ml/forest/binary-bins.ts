/**
 * The fast path of binning for 0/1 matrices (one-hot alleles): codes are the values
 * themselves and every two-valued column splits at 0.5, so the matrix is only transposed,
 * one bit per row, in a single pass that also checks the values and counts the ones.
 */
import type { Matrix } from '../../cluster/matrix';
import type { BinnedFeatures } from './binned-features';

// Columns read together, so the row-major matrix is walked along cache lines while the
// bytes written (one per column per 8 rows) stay within a few cache lines per column.
const BLOCK = 64;

/** Binned form of `features` (bit-packed, no byte codes) if every value is 0 or 1, else null. */
export function binBinaryFeatures(features: Matrix): BinnedFeatures | null {
  const { rows, cols, data } = features;
  const stride = Math.ceil(rows / 8);
  const packed = new Uint8Array(new SharedArrayBuffer(stride * cols));
  const ones = new Int32Array(cols);
  for (let c0 = 0; c0 < cols; c0 += BLOCK) {
    const width = Math.min(BLOCK, cols - c0);
    for (let g = 0; g < stride; g++) {
      const r0 = 8 * g;
      const groupRows = Math.min(8, rows - r0);
      for (let j = 0; j < width; j++) {
        const c = c0 + j;
        let byte = 0;
        let at = r0 * cols + c;
        for (let k = 0; k < groupRows; k++, at += cols) {
          const value = data[at]!;
          if (value === 1) byte |= 1 << k;
          else if (value !== 0) return null;
        }
        packed[c * stride + g] = byte;
        ones[c]! += bitCount(byte);
      }
    }
  }
  const binCounts = new Uint16Array(cols);
  const thresholdStart = new Int32Array(cols + 1);
  for (let c = 0; c < cols; c++) {
    const twoValued = ones[c]! > 0 && ones[c]! < rows;
    // A constant column has the single code 0, as any column with one value.
    if (!twoValued && ones[c]! > 0) packed.fill(0, c * stride, (c + 1) * stride);
    binCounts[c] = twoValued ? 2 : 1;
    thresholdStart[c + 1] = thresholdStart[c]! + (twoValued ? 1 : 0);
  }
  const thresholds = new Float32Array(new SharedArrayBuffer(4 * thresholdStart[cols]!));
  thresholds.fill(0.5);
  return { rows, cols, bins: null, packed, binCounts, thresholdStart, thresholds };
}

function bitCount(byte: number): number {
  byte -= (byte >>> 1) & 0x55;
  byte = (byte & 0x33) + ((byte >>> 2) & 0x33);
  return (byte + (byte >>> 4)) & 0x0f;
}
