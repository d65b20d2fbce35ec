import { describe, expect, it } from 'vitest';
import { knn } from '../../../src/core/cluster/knn';
import type { Matrix } from '../../../src/core/cluster/matrix';
import { gaussian, mulberry32 } from '../../../src/core/cluster/random';

function randomMatrix(rows: number, cols: number, seed: number, offset = 0): Matrix {
  const random = mulberry32(seed);
  const data = new Float32Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = offset + 3 * gaussian(random);
  return { rows, cols, data };
}

/** Every other row sorted by (distance, index), computed the slow obvious way. */
function bruteForce({ rows, cols, data }: Matrix, k: number) {
  return Array.from({ length: rows }, (_, i) => {
    const others: { j: number; d: number }[] = [];
    for (let j = 0; j < rows; j++) {
      if (j === i) continue;
      let s = 0;
      for (let c = 0; c < cols; c++) s += (data[i * cols + c]! - data[j * cols + c]!) ** 2;
      others.push({ j, d: Math.sqrt(s) });
    }
    return others.sort((a, b) => a.d - b.d || a.j - b.j).slice(0, k);
  });
}

describe('knn', () => {
  it('matches brute force across several blocks, far from the origin', async () => {
    // 300 rows span several 64-row blocks and the 4-wide tail; the offset tests centering.
    const matrix = randomMatrix(301, 7, 3, 1000);
    const k = 9;
    const { indices, distances } = await knn(matrix, k);
    const expected = bruteForce(matrix, k);
    for (let i = 0; i < matrix.rows; i++)
      for (let s = 0; s < k; s++) {
        expect(indices[i * k + s]).toBe(expected[i]![s]!.j);
        expect(distances[i * k + s]).toBeCloseTo(expected[i]![s]!.d, 3);
      }
  });

  it('never lists a row as its own neighbour and gives duplicates distance 0', async () => {
    const data = Float32Array.from([0, 0, 5, 5, 0, 0, 9, 1, 0, 0]);
    const { indices, distances } = await knn({ rows: 5, cols: 2, data }, 2);
    for (let i = 0; i < 5; i++) for (let s = 0; s < 2; s++) expect(indices[i * 2 + s]).not.toBe(i);
    // Rows 0, 2 and 4 coincide: each one's two neighbours are the other two at 0.
    expect(Array.from(indices.subarray(0, 2))).toEqual([2, 4]);
    expect(Array.from(distances.subarray(0, 2))).toEqual([0, 0]);
    expect(Array.from(indices.subarray(8, 10))).toEqual([0, 2]);
  });

  it('handles k = rows - 1, k = 0 and an empty matrix', async () => {
    const matrix = randomMatrix(6, 3, 5);
    const all = await knn(matrix, 5);
    for (let i = 0; i < 6; i++)
      expect(new Set(all.indices.subarray(i * 5, i * 5 + 5)).size).toBe(5);
    expect((await knn(matrix, 0)).indices.length).toBe(0);
    expect((await knn({ rows: 0, cols: 3, data: new Float32Array(0) }, 0)).indices.length).toBe(0);
    await expect(knn(matrix, 6)).rejects.toThrow(RangeError);
  });

  it('reports progress up to the row count and stops when aborted', async () => {
    const matrix = randomMatrix(400, 5, 8);
    const seen: number[] = [];
    await knn(matrix, 3, { onProgress: (done, total) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((v, i) => i === 0 || v >= seen[i - 1]!)).toBe(true);
    const controller = new AbortController();
    const run = knn(matrix, 3, {
      signal: controller.signal,
      onProgress: () => controller.abort(new Error('stop')),
    });
    await expect(run).rejects.toThrow('stop');
  });
});
