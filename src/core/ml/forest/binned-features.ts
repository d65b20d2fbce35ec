/**
 * Features quantised once per training run: each column gets at most `maxBins` ordered bins
 * (one per distinct value when there are few, quantiles otherwise) stored column-major as
 * uint8, plus the float threshold that separates every pair of adjacent bins. Trees split
 * on bins, so a node scans its samples once instead of sorting them; the float thresholds
 * keep prediction on raw values exact.
 */
import type { Matrix } from '../../cluster/matrix';
import { binBinaryFeatures } from './binary-bins';
import { DistinctValues } from './distinct-values';

export interface BinnedFeatures {
  rows: number;
  cols: number;
  /**
   * Column-major bin codes: `bins[col * rows + row]`; in a SharedArrayBuffer. Null for a
   * 0/1 matrix, whose codes are only in `packed`.
   */
  bins: Uint8Array | null;
  /**
   * For a 0/1 matrix, the codes one bit per row (`packed[col * ceil(rows / 8) + (row >> 3)]`,
   * bit `row & 7`; padding bits 0): a column spans 8x fewer cache lines than as bytes, which
   * is what split search on small nodes waits for.
   */
  packed?: Uint8Array;
  /**
   * For a 0/1 matrix, each column's rarer value and the rows that hold it, in row order:
   * column c's are `rows[start[c] .. start[c + 1])`, its value `value[c]` (no rows for a
   * constant column); in SharedArrayBuffers. Split search on a large node visits only these
   * rows (one-hot alleles: a few dozen per column on average, against thousands of rows).
   */
  minority?: { value: Uint8Array; start: Int32Array; rows: Int32Array };
  /** Number of bins per column (1 = constant column). */
  binCounts: Uint16Array;
  /** Column c's thresholds (in a SharedArrayBuffer) are `thresholds[thresholdStart[c] + b]`: bins <= b go left. */
  thresholdStart: Int32Array;
  thresholds: Float32Array;
}

// Columns read together, so the row-major matrix is walked along cache lines.
const BLOCK = 64;
// Quantile cuts come from at most this many evenly spaced rows of a column.
const QUANTILE_SAMPLE = 1024;

/**
 * A split value between `lower` (largest value going left) and `upper` (smallest going
 * right), as float32 with `lower <= t < upper`: the midpoint unless it rounds onto `upper`.
 */
function splitValue(lower: number, upper: number): number {
  const mid = Math.fround(lower / 2 + upper / 2);
  return mid >= upper || mid < lower ? lower : mid;
}

/** Cut values for one column, from its values sorted ascending. */
function columnCuts(sorted: Float32Array, maxBins: number): number[] {
  const n = sorted.length;
  let nDistinct = n > 0 ? 1 : 0;
  for (let k = 1; k < n; k++) if (sorted[k] !== sorted[k - 1]) nDistinct++;
  const cuts: number[] = [];
  if (nDistinct <= maxBins) {
    for (let k = 1; k < n; k++)
      if (sorted[k] !== sorted[k - 1]) cuts.push(splitValue(sorted[k - 1]!, sorted[k]!));
    return cuts;
  }
  // Quantile bins: close a bin at a value change once it holds its share of the rows; a
  // run of equal values never straddles two bins.
  for (let k = 1; k < n && cuts.length < maxBins - 1; k++)
    if (sorted[k] !== sorted[k - 1] && k >= ((cuts.length + 1) * n) / maxBins)
      cuts.push(splitValue(sorted[k - 1]!, sorted[k]!));
  return cuts;
}

/** Bins every column of `features` (NaN is not allowed). `maxBins` is 2..256 (uint8 codes). */
export function binFeatures(features: Matrix, maxBins = 256): BinnedFeatures {
  const { rows, cols, data } = features;
  if (maxBins < 2 || maxBins > 256)
    throw new RangeError(`maxBins must be in 2..256, got ${maxBins}`);
  const binary = binBinaryFeatures(features);
  if (binary) return binary;
  const bins = new Uint8Array(new SharedArrayBuffer(rows * cols));
  const binCounts = new Uint16Array(cols);
  const thresholdStart = new Int32Array(cols + 1);
  const thresholdParts: Float32Array[] = [];
  const block = new Float32Array(BLOCK * rows);
  const blockBits = new Uint32Array(block.buffer);
  const sampleSize = Math.min(rows, QUANTILE_SAMPLE);
  const sample = new Float32Array(sampleSize);
  const padded = new Float32Array(256);
  const distinct = new DistinctValues();
  const rowIndex = new Uint8Array(rows);
  for (let c0 = 0; c0 < cols; c0 += BLOCK) {
    const width = Math.min(BLOCK, cols - c0);
    for (let r = 0; r < rows; r++)
      for (let j = 0; j < width; j++) block[j * rows + r] = data[r * cols + c0 + j]!;
    for (let j = 0; j < width; j++) {
      const c = c0 + j;
      const column = block.subarray(j * rows, (j + 1) * rows);
      const columnBits = blockBits.subarray(j * rows, (j + 1) * rows);
      const out = c * rows;
      let cuts: Float32Array;
      if (distinct.collect(column, columnBits, maxBins, rowIndex)) {
        const ranked = distinct.rank();
        if (ranked.sorted.some(Number.isNaN))
          throw new RangeError(`feature column ${c} contains NaN`);
        cuts = Float32Array.from(columnCuts(ranked.sorted, maxBins));
        const { rankOf } = ranked;
        for (let r = 0; r < rows; r++) bins[out + r] = rankOf[rowIndex[r]!]!;
      } else {
        for (let k = 0; k < sampleSize; k++)
          sample[k] = column[Math.floor((k * rows) / sampleSize)]!;
        sample.sort();
        cuts = Float32Array.from(columnCuts(sample, maxBins));
        // Count of cuts below the value, by an unrolled search over cuts padded to 255.
        padded.fill(Infinity);
        padded.set(cuts);
        for (let r = 0; r < rows; r++) {
          const value = column[r]!;
          if (value !== value) throw new RangeError(`feature column ${c} contains NaN`);
          let b = value > padded[127]! ? 128 : 0;
          if (value > padded[b + 63]!) b += 64;
          if (value > padded[b + 31]!) b += 32;
          if (value > padded[b + 15]!) b += 16;
          if (value > padded[b + 7]!) b += 8;
          if (value > padded[b + 3]!) b += 4;
          if (value > padded[b + 1]!) b += 2;
          if (value > padded[b]!) b += 1;
          bins[out + r] = b;
        }
      }
      binCounts[c] = cuts.length + 1;
      thresholdStart[c + 1] = thresholdStart[c]! + cuts.length;
      thresholdParts.push(cuts);
    }
  }
  const thresholds = new Float32Array(new SharedArrayBuffer(4 * thresholdStart[cols]!));
  for (let c = 0; c < cols; c++) thresholds.set(thresholdParts[c]!, thresholdStart[c]!);
  return { rows, cols, bins, binCounts, thresholdStart, thresholds };
}
