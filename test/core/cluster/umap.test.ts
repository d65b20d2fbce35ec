import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, kmeans } from '../../../src/core/cluster';
import { knn } from '../../../src/core/cluster/knn';
import { runUmap } from '../../../src/core/cluster/umap';
import { gaussianBlobs } from './blobs';

const centers = [
  [0, 0, 0, 0, 0, 0],
  [12, 0, 5, 0, 0, 0],
  [0, 12, 0, -6, 3, 0],
];

describe('runUmap', () => {
  it('keeps three well-separated blobs apart', async () => {
    const { matrix, labels } = gaussianBlobs(centers, 70, 1, 3);
    const embedding = await runUmap(matrix, { seed: 5 });
    expect(embedding.length).toBe(matrix.rows * 2);
    const found = kmeans({ rows: matrix.rows, cols: 2, data: embedding }, 3, { seed: 2 });
    expect(adjustedRandIndex(found.assignments, labels)).toBe(1);
  });

  it('gives the identical embedding for the same seed and another for another seed', async () => {
    const { matrix } = gaussianBlobs(centers, 30, 2, 9);
    const first = await runUmap(matrix, { seed: 7, nEpochs: 60 });
    expect(await runUmap(matrix, { seed: 7, nEpochs: 60 })).toEqual(first);
    expect(await runUmap(matrix, { seed: 8, nEpochs: 60 })).not.toEqual(first);
  });

  it('accepts wider precomputed neighbours and gives the same embedding', async () => {
    const { matrix } = gaussianBlobs(centers, 25, 2, 10);
    const neighbours = await knn(matrix, 20);
    const options = { nNeighbors: 10, nEpochs: 40 };
    expect(await runUmap(matrix, { ...options, neighbours })).toEqual(
      await runUmap(matrix, options),
    );
    const narrow = await knn(matrix, 5);
    await expect(runUmap(matrix, { ...options, neighbours: narrow })).rejects.toThrow(RangeError);
  });

  it('embeds in three dimensions', async () => {
    const { matrix } = gaussianBlobs(centers, 20, 1, 4);
    const embedding = await runUmap(matrix, { nComponents: 3, nEpochs: 50 });
    expect(embedding.length).toBe(matrix.rows * 3);
    expect(embedding.every(Number.isFinite)).toBe(true);
  });

  it('shrinks the neighbourhood when there are fewer rows than neighbours', async () => {
    const { matrix } = gaussianBlobs(centers, 3, 1, 6); // 9 rows, 15 neighbours asked
    const embedding = await runUmap(matrix, { nEpochs: 50 });
    expect(embedding.length).toBe(18);
    expect(embedding.every(Number.isFinite)).toBe(true);
  });

  it('places identical rows together and lays out one or two distinct rows on a line', async () => {
    const { matrix } = gaussianBlobs(centers, 10, 1, 8);
    const data = new Float32Array(matrix.data.length + 12);
    data.set(matrix.data);
    data.set(matrix.data.subarray(0, 6), matrix.data.length); // row 30 = row 0
    data.set(matrix.data.subarray(0, 6), matrix.data.length + 6); // row 31 = row 0
    const embedding = await runUmap({ rows: 32, cols: 6, data }, { nEpochs: 50 });
    expect(Array.from(embedding.subarray(60, 64))).toEqual([
      ...embedding.subarray(0, 2),
      ...embedding.subarray(0, 2),
    ]);

    const pair = Float32Array.from([1, 2, 3, 1, 2, 3, 4, 5, 6]);
    expect(Array.from(await runUmap({ rows: 3, cols: 3, data: pair }))).toEqual([0, 0, 0, 0, 1, 0]);
    expect(Array.from(await runUmap({ rows: 0, cols: 3, data: new Float32Array(0) }))).toEqual([]);
  });

  it('reports progress to the end and stops between epochs when aborted', async () => {
    const { matrix } = gaussianBlobs(centers, 20, 1, 2);
    const seen: [number, number][] = [];
    await runUmap(matrix, { nEpochs: 30, onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.at(-1)).toEqual([1000, 1000]);
    expect(seen.every(([done], i) => i === 0 || done >= seen[i - 1]![0])).toBe(true);

    const controller = new AbortController();
    const run = runUmap(matrix, {
      nEpochs: 1000,
      signal: controller.signal,
      onProgress: (done) => {
        if (done > 500) controller.abort(new Error('cancelled'));
      },
    });
    await expect(run).rejects.toThrow('cancelled');
  });

  it('rejects unusable options', async () => {
    const { matrix } = gaussianBlobs(centers, 5, 1);
    await expect(runUmap(matrix, { nNeighbors: 1 })).rejects.toThrow(RangeError);
    await expect(runUmap(matrix, { nComponents: 4 as 2 })).rejects.toThrow(RangeError);
    await expect(runUmap(matrix, { nEpochs: 0 })).rejects.toThrow(RangeError);
    await expect(runUmap(matrix, { minDist: -1 })).rejects.toThrow(RangeError);
  });
});
