import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../src/core/cluster/random';
import { binFeatures } from '../../../../src/core/ml/forest';
import type { BinnedFeatures } from '../../../../src/core/ml/forest/binned-features';

/** Column-major codes of a bit-packed (0/1) binning, one per row. */
function unpack({ rows, cols, packed }: BinnedFeatures): number[] {
  const stride = Math.ceil(rows / 8);
  const codes: number[] = [];
  for (let c = 0; c < cols; c++)
    for (let r = 0; r < rows; r++) codes.push((packed![c * stride + (r >> 3)]! >> (r & 7)) & 1);
  return codes;
}

describe('binFeatures', () => {
  it('gives a 0/1 column two bins split at 0.5 and a constant column one bin', () => {
    const data = Float32Array.from([0, 7, 1, 7, 1, 7, 0, 7]);
    const binned = binFeatures({ rows: 4, cols: 2, data });
    expect(Array.from(binned.binCounts)).toEqual([2, 1]);
    expect(Array.from(binned.thresholds)).toEqual([0.5]);
    expect(Array.from(binned.bins!.subarray(0, 4))).toEqual([0, 1, 1, 0]);
  });

  it('bins a 0/1 matrix the same way through its fast path', () => {
    // Columns: mixed, all ones, all zeros, mixed.
    const data = Float32Array.from([0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 0, 1]);
    const binned = binFeatures({ rows: 3, cols: 4, data });
    expect(Array.from(binned.binCounts)).toEqual([2, 1, 1, 2]);
    expect(Array.from(binned.thresholdStart)).toEqual([0, 1, 1, 1, 2]);
    expect(Array.from(binned.thresholds)).toEqual([0.5, 0.5]);
    expect(binned.bins).toBeNull();
    expect(unpack(binned)).toEqual([0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1]);
  });

  it('packs 0/1 columns to the codes the general path gives, padding bits zero', () => {
    const random = mulberry32(9);
    const rows = 77;
    const cols = 70;
    const data = Float32Array.from({ length: rows * cols }, () => (random() < 0.3 ? 1 : 0));
    for (let r = 0; r < rows; r++) {
      data[r * cols + 3] = 1;
      data[r * cols + 4] = 0;
    }
    data[5] = -0;
    const binary = binFeatures({ rows, cols, data });
    const general = binFeatures({ rows, cols, data: data.map((v) => v * 3) });
    expect(unpack(binary)).toEqual(Array.from(general.bins!));
    expect(binary.binCounts).toEqual(general.binCounts);
    expect(binary.thresholdStart).toEqual(general.thresholdStart);
    const stride = Math.ceil(rows / 8);
    for (let c = 0; c < cols; c++)
      expect(binary.packed![c * stride + stride - 1]! >> (rows % 8)).toBe(0);
  });

  it("lists each 0/1 column's rarer value and its rows, none for a constant column", () => {
    // 9 rows (a padding byte); columns: three ones, six ones, all ones, all zeros, 4 of 9 ones.
    const columns = [
      [1, 0, 0, 0, 0, 1, 0, 0, 1],
      [1, 1, 0, 1, 1, 0, 1, 0, 1],
      [1, 1, 1, 1, 1, 1, 1, 1, 1],
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 1, 0, 1, 0, 1, 0, 0, 1],
    ];
    const rows = 9;
    const data = Float32Array.from({ length: rows * columns.length }, (_, i) => {
      const [r, c] = [Math.floor(i / columns.length), i % columns.length];
      return columns[c]![r]!;
    });
    const { minority } = binFeatures({ rows, cols: columns.length, data });
    const rowsOf = (c: number): number[] =>
      Array.from(minority!.rows.subarray(minority!.start[c]!, minority!.start[c + 1]!));
    expect(Array.from(minority!.value.subarray(0, 2))).toEqual([1, 0]);
    expect(rowsOf(0)).toEqual([0, 5, 8]);
    expect(rowsOf(1)).toEqual([2, 5, 7]);
    expect(rowsOf(2)).toEqual([]);
    expect(rowsOf(3)).toEqual([]);
    expect([minority!.value[4], rowsOf(4)]).toEqual([1, [1, 3, 5, 8]]);
  });

  it('takes the general path when a value is not 0 or 1', () => {
    const data = Float32Array.from([0, 1, 1, 0, 1, 0.5]);
    const binned = binFeatures({ rows: 3, cols: 2, data });
    expect(binned.packed).toBeUndefined();
    expect(Array.from(binned.bins!)).toEqual([0, 1, 1, 2, 0, 1]);
  });

  it('keeps every distinct value apart when there are few, with thresholds between them', () => {
    const values = [3, -1, 2.5, 3, -0, 0, 10, -1];
    const binned = binFeatures({ rows: values.length, cols: 1, data: Float32Array.from(values) });
    // -0 and 0 are one value.
    expect(binned.binCounts[0]).toBe(5);
    expect(Array.from(binned.bins!)).toEqual([3, 0, 2, 3, 1, 1, 4, 0]);
    const t = Array.from(binned.thresholds);
    expect(t).toEqual([-0.5, 1.25, 2.75, 6.5]);
  });

  it('caps many distinct values at maxBins ordered quantile bins that respect the thresholds', () => {
    const random = mulberry32(4);
    const rows = 3000;
    const data = Float32Array.from({ length: rows }, () => random() * 100 - 50);
    const binned = binFeatures({ rows, cols: 1, data }, 32);
    expect(binned.binCounts[0]).toBe(32);
    const counts = new Array<number>(32).fill(0);
    for (let r = 0; r < rows; r++) {
      const b = binned.bins![r]!;
      counts[b]!++;
      if (b > 0) expect(data[r]).toBeGreaterThan(binned.thresholds[b - 1]!);
      if (b < 31) expect(data[r]).toBeLessThanOrEqual(binned.thresholds[b]!);
    }
    // Roughly equal-frequency bins.
    expect(Math.min(...counts)).toBeGreaterThan(rows / 32 / 3);
    expect(Math.max(...counts)).toBeLessThan((rows / 32) * 3);
  });

  it('refuses NaN', () => {
    expect(() => binFeatures({ rows: 2, cols: 1, data: Float32Array.from([1, NaN]) })).toThrow(
      /NaN/,
    );
  });
});
