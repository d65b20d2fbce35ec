import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, kmeans } from '../../../src/core/cluster';
import { hdbscan } from '../../../src/core/cluster/hdbscan';
import { knn } from '../../../src/core/cluster/knn';
import type { Matrix } from '../../../src/core/cluster/matrix';
import { gaussian, mulberry32 } from '../../../src/core/cluster/random';

function toMatrix(points: number[][]): Matrix {
  return {
    rows: points.length,
    cols: points[0]?.length ?? 2,
    data: Float32Array.from(points.flat()),
  };
}

/** Blobs of different spreads plus uniform noise kept at least 6 away from every center. */
function blobsWithNoise() {
  const random = mulberry32(21);
  const blobs = [
    { center: [0, 0], spread: 0.3, count: 100 },
    { center: [20, 0], spread: 1.2, count: 60 },
    { center: [0, 20], spread: 0.6, count: 80 },
  ];
  const points: number[][] = [];
  const truth: number[] = [];
  blobs.forEach(({ center, spread, count }, b) => {
    for (let i = 0; i < count; i++) {
      points.push(center.map((v) => v + spread * gaussian(random)));
      truth.push(b);
    }
  });
  while (truth.length < 260) {
    const p = [-15 + 50 * random(), -15 + 50 * random()];
    if (blobs.every(({ center }) => Math.hypot(p[0]! - center[0]!, p[1]! - center[1]!) > 6)) {
      points.push(p);
      truth.push(-1);
    }
  }
  return { matrix: toMatrix(points), truth };
}

/** Two concentric rings (radii 1 and 5): one cluster surrounds the other. */
function rings() {
  const random = mulberry32(4);
  const points: number[][] = [];
  const truth: number[] = [];
  for (const [radius, count, ring] of [
    [1, 150, 0],
    [5, 300, 1],
  ] as const)
    for (let i = 0; i < count; i++) {
      const angle = 2 * Math.PI * random();
      const r = radius + 0.05 * gaussian(random);
      points.push([r * Math.cos(angle), r * Math.sin(angle)]);
      truth.push(ring);
    }
  return { matrix: toMatrix(points), truth };
}

describe('hdbscan', () => {
  it('recovers blobs of different densities and calls scattered points noise', async () => {
    const { matrix, truth } = blobsWithNoise();
    const { labels, probabilities, outlierScores, clusterCount } = await hdbscan(matrix, {
      minClusterSize: 10,
    });
    expect(clusterCount).toBe(3);
    const inBlobs = truth.map((t, i) => (t >= 0 ? i : -1)).filter((i) => i >= 0);
    const clustered = inBlobs.filter((i) => labels[i]! >= 0);
    expect(clustered.length).toBeGreaterThanOrEqual(0.9 * inBlobs.length);
    expect(
      adjustedRandIndex(
        clustered.map((i) => labels[i]!),
        clustered.map((i) => truth[i]!),
      ),
    ).toBe(1);
    // A scattered point that joins a cluster after the cluster is born is a member (that is
    // HDBSCAN's semantics) but a weak one, with a high outlier score.
    const noise = truth.map((t, i) => (t < 0 ? i : -1)).filter((i) => i >= 0);
    expect(noise.filter((i) => labels[i] === -1).length).toBeGreaterThanOrEqual(
      0.25 * noise.length,
    );
    const weakestInBlob = Math.min(...inBlobs.map((i) => probabilities[i]!));
    for (const i of noise) {
      expect(probabilities[i]).toBeLessThan(weakestInBlob);
      expect(outlierScores[i]).toBeGreaterThan(0.8);
    }
    // The largest blob is cluster 0; probabilities are 0 exactly for noise.
    expect(labels[0]).toBe(0);
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] === -1) expect(probabilities[i]).toBe(0);
      else expect(probabilities[i]).toBeGreaterThan(0);
      expect(probabilities[i]).toBeLessThanOrEqual(1);
    }
  });

  it('separates concentric rings where k-means cannot', async () => {
    const { matrix, truth } = rings();
    expect(adjustedRandIndex(kmeans(matrix, 2).assignments, truth)).toBeLessThan(0.2);
    const { labels, clusterCount } = await hdbscan(matrix, { minClusterSize: 15 });
    expect(clusterCount).toBe(2);
    const kept = truth.map((_, i) => i).filter((i) => labels[i]! >= 0);
    expect(kept.length).toBeGreaterThanOrEqual(0.95 * truth.length);
    expect(
      adjustedRandIndex(
        kept.map((i) => labels[i]!),
        kept.map((i) => truth[i]!),
      ),
    ).toBe(1);
  });

  it('splits two evenly spaced runs under single linkage, all members at full strength', async () => {
    const matrix = toMatrix([0, 1, 2, 3, 4, 100, 101, 102, 103, 104].map((v) => [v, 0]));
    const result = await hdbscan(matrix, { minClusterSize: 3, minSamples: 1 });
    expect(result.clusterCount).toBe(2);
    const first = result.labels[0]!;
    expect(Array.from(result.labels)).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => (i < 5 ? first : 1 - first)),
    );
    expect(Array.from(result.probabilities)).toEqual(new Array(10).fill(1));
  });

  it('calls everything noise when minClusterSize exceeds every blob, unless one cluster is allowed', async () => {
    const random = mulberry32(2);
    const points = Array.from({ length: 40 }, (_, i) => [
      (i % 2) * 30 + gaussian(random),
      gaussian(random),
    ]);
    const none = await hdbscan(toMatrix(points), { minClusterSize: 30 });
    expect(none.clusterCount).toBe(0);
    expect(none.labels.every((l) => l === -1)).toBe(true);
    const single = await hdbscan(toMatrix(points), {
      minClusterSize: 30,
      allowSingleCluster: true,
    });
    expect(single.clusterCount).toBe(1);
    expect(single.labels.every((l) => l === 0)).toBe(true);
  });

  it('keeps groups of identical rows together with finite scores', async () => {
    const points = [
      ...Array.from({ length: 12 }, () => [1, 1]),
      ...Array.from({ length: 8 }, () => [9, 9]),
      [5, 0],
      [0, 6],
    ];
    const { labels, probabilities, outlierScores, clusterCount } = await hdbscan(toMatrix(points), {
      minClusterSize: 5,
    });
    expect(clusterCount).toBe(2);
    expect(new Set(labels.subarray(0, 12))).toEqual(new Set([0]));
    expect(new Set(labels.subarray(12, 20))).toEqual(new Set([1]));
    // The two stragglers hang off the larger group (4.1 and 5.1 away) before the groups
    // split (9.8 apart), so they are its weakest members.
    expect(Array.from(labels.subarray(20))).toEqual([0, 0]);
    expect([...probabilities, ...outlierScores].every(Number.isFinite)).toBe(true);
    expect(probabilities[0]).toBe(1);
    expect(probabilities[21]).toBeLessThan(probabilities[20]!);
    expect(probabilities[20]).toBeLessThan(0.01);
    expect(outlierScores[21]).toBeGreaterThan(outlierScores[0]!);

    // Identical rows are never split among themselves: one cluster at most.
    const same = toMatrix(Array.from({ length: 20 }, () => [3, 3]));
    expect((await hdbscan(same, { minClusterSize: 5 })).clusterCount).toBe(0);
    const single = await hdbscan(same, { minClusterSize: 5, allowSingleCluster: true });
    expect(single.clusterCount).toBe(1);
    expect(Array.from(single.probabilities)).toEqual(new Array(20).fill(1));
  });

  it('is deterministic and handles inputs smaller than a cluster', async () => {
    const { matrix } = blobsWithNoise();
    expect(await hdbscan(matrix, { minClusterSize: 8, minSamples: 3 })).toEqual(
      await hdbscan(matrix, { minClusterSize: 8, minSamples: 3 }),
    );
    for (const rows of [0, 1, 3]) {
      const tiny = toMatrix(
        Array.from({ length: Math.max(rows, 1) }, (_, i) => [i, 0]).slice(0, rows),
      );
      const result = await hdbscan({ ...tiny, cols: 2 }, { minClusterSize: 5 });
      expect(result.clusterCount).toBe(0);
      expect(Array.from(result.labels)).toEqual(new Array(rows).fill(-1));
    }
    await expect(hdbscan(matrix, { minClusterSize: 1 })).rejects.toThrow(RangeError);
  });

  it('gives the same result from shared precomputed neighbours', async () => {
    const { matrix } = blobsWithNoise();
    const neighbours = await knn(matrix, 14);
    expect(await hdbscan(matrix, { minClusterSize: 10, neighbours })).toEqual(
      await hdbscan(matrix, { minClusterSize: 10 }),
    );
  });

  it('stops when aborted', async () => {
    const { matrix } = blobsWithNoise();
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(hdbscan(matrix, { signal: controller.signal })).rejects.toThrow('cancelled');
  });
});
