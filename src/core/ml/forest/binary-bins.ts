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
  const minority = minorityRows(packed, stride, rows, ones, binCounts);
  return { rows, cols, bins: null, packed, binCounts, thresholdStart, thresholds, minority };
}

/** Each two-valued column's rarer value (ties: 1) and its rows (see BinnedFeatures.minority). */
function minorityRows(
  packed: Uint8Array,
  stride: number,
  rows: number,
  ones: Int32Array,
  binCounts: Uint16Array,
): NonNullable<BinnedFeatures['minority']> {
  const cols = binCounts.length;
  const shared = <T>(Kind: new (buffer: SharedArrayBuffer) => T, bytes: number): T =>
    new Kind(new SharedArrayBuffer(bytes));
  const value = shared(Uint8Array, cols);
  const start = shared(Int32Array, 4 * (cols + 1));
  for (let c = 0; c < cols; c++) {
    const twoValued = binCounts[c]! > 1;
    value[c] = 2 * ones[c]! <= rows ? 1 : 0;
    const count = twoValued ? (value[c] ? ones[c]! : rows - ones[c]!) : 0;
    start[c + 1] = start[c]! + count;
  }
  const out = shared(Int32Array, 4 * start[cols]!);
  // Padding bits past the last row are 0: masked off when the rarer value is 0.
  const lastMask = rows % 8 === 0 ? 0xff : (1 << (rows % 8)) - 1;
  for (let c = 0; c < cols; c++) {
    if (start[c + 1] === start[c]) continue;
    let at = start[c]!;
    const flip = value[c] ? 0 : 0xff;
    for (let g = 0; g < stride; g++) {
      let byte = packed[c * stride + g]! ^ flip;
      if (g === stride - 1) byte &= lastMask;
      for (; byte !== 0; byte &= byte - 1) out[at++] = 8 * g + (31 - Math.clz32(byte & -byte));
    }
  }
  return { value, start, rows: out };
}

function bitCount(byte: number): number {
  byte -= (byte >>> 1) & 0x55;
  byte = (byte & 0x33) + ((byte >>> 2) & 0x33);
  return (byte + (byte >>> 4)) & 0x0f;
}
