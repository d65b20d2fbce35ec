import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  predictForestLabels,
  predictForestProbabilities,
  trainRandomForest,
  treeDepth,
} from '../../../../src/core/ml/forest';
import { accuracy, binaryClasses, gaussianClasses } from './synthetic';

function split<T extends { rows: number; cols: number; data: Float32Array }>(
  features: T,
  labels: Int32Array,
  trainRows: number,
) {
  const { cols, data } = features;
  return {
    train: { rows: trainRows, cols, data: data.subarray(0, trainRows * cols) },
    trainLabels: labels.subarray(0, trainRows),
    test: { rows: features.rows - trainRows, cols, data: data.subarray(trainRows * cols) },
    testLabels: labels.subarray(trainRows),
  };
}

describe('trainRandomForest', () => {
  it('classifies held-out rows of a seeded 5-class problem', async () => {
    const { features, labels } = gaussianClasses(1000, 60, 5, 1);
    const { train, trainLabels, test, testLabels } = split(features, labels, 700);
    const forest = await trainRandomForest(train, trainLabels, { nTrees: 40, seed: 3 });
    expect(forest.trees).toHaveLength(40);
    expect(accuracy(predictForestLabels(forest, test), testLabels)).toBeGreaterThan(0.9);
  });

  it('classifies one-hot style 0/1 features', async () => {
    const { features, labels } = binaryClasses(600, 200, 4, 2);
    const { train, trainLabels, test, testLabels } = split(features, labels, 400);
    const forest = await trainRandomForest(train, trainLabels, { nTrees: 30, seed: 1 });
    expect(accuracy(predictForestLabels(forest, test), testLabels)).toBeGreaterThan(0.95);
    // 0/1 columns only ever split at 0.5.
    for (const tree of forest.trees)
      for (let node = 0; node < tree.nodeCount; node++)
        if (tree.feature[node]! >= 0) expect(tree.threshold[node]).toBe(0.5);
  });

  it('grows the same trees from 0/1 features (bit-packed fast path) as from 0/3 features', async () => {
    const { features, labels } = binaryClasses(300, 50, 3, 4);
    const scaled = { ...features, data: features.data.map((v) => v * 3) };
    const options = { nTrees: 5, seed: 8 };
    const binary = await trainRandomForest(features, labels, options);
    const general = await trainRandomForest(scaled, labels, options);
    binary.trees.forEach((tree, t) => {
      const other = general.trees[t]!;
      expect(tree.feature).toEqual(other.feature);
      expect(tree.value).toEqual(other.value);
      for (let node = 0; node < tree.nodeCount; node++)
        if (tree.feature[node]! >= 0)
          expect([tree.threshold[node], other.threshold[node]]).toEqual([0.5, 1.5]);
    });
  });

  it('grows exactly the trees it grew before the split-search speed-ups', async () => {
    // Hash of the tree arrays from the code before bit-packed-only binning, skipping known
    // constant features and bin-0 histograms from node totals: those must not change a tree.
    const h = createHash('sha256');
    const { features, labels } = binaryClasses(240, 300, 6, 21);
    const g = gaussianClasses(200, 30, 4, 22);
    const runs = [
      [
        { features, labels },
        { nTrees: 6, seed: 3 },
      ],
      [
        { features, labels },
        { nTrees: 4, seed: 4, classWeight: 'balanced', maxDepth: 6 },
      ],
      [g, { nTrees: 4, seed: 5, minSamplesLeaf: 2 }],
    ] as const;
    for (const [set, options] of runs) {
      const forest = await trainRandomForest(set.features, set.labels, { ...options, threads: 1 });
      for (const t of forest.trees)
        for (const a of [t.feature, t.threshold, t.left, t.right, t.value])
          h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    }
    expect(h.digest('hex')).toBe(
      'c816262acd19f38cfc267576a40e08f21ac92fa231af07e0e731b1cadf4dd4d4',
    );
  });

  it('gives probabilities that sum to one per row', async () => {
    const { features, labels } = gaussianClasses(200, 10, 3, 5);
    const forest = await trainRandomForest(features, labels, { nTrees: 10, seed: 1 });
    const p = predictForestProbabilities(forest, features);
    for (let r = 0; r < 200; r++)
      expect(p[r * 3]! + p[r * 3 + 1]! + p[r * 3 + 2]!).toBeCloseTo(1, 5);
  });

  it('is deterministic for a seed and differs across seeds', async () => {
    const { features, labels } = gaussianClasses(300, 30, 3, 7);
    const options = { nTrees: 8, maxFeatures: 0.3, seed: 11 };
    const a = await trainRandomForest(features, labels, options);
    const b = await trainRandomForest(features, labels, options);
    const c = await trainRandomForest(features, labels, { ...options, seed: 12 });
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('grows the same forest on worker threads as on the calling thread', async () => {
    const { features, labels } = gaussianClasses(300, 40, 4, 9);
    const options = { nTrees: 6, seed: 5, classWeight: 'balanced_subsample' as const };
    const here = await trainRandomForest(features, labels, { ...options, threads: 1 });
    const progress: number[] = [];
    const workers = await trainRandomForest(features, labels, {
      ...options,
      threads: 2,
      onProgress: ({ tree }) => progress.push(tree),
    });
    expect(workers).toEqual(here);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('respects maxDepth and minSamplesLeaf', async () => {
    const { features, labels } = gaussianClasses(400, 20, 4, 3, 0.5);
    const shallow = await trainRandomForest(features, labels, { nTrees: 5, maxDepth: 3 });
    for (const tree of shallow.trees) expect(treeDepth(tree)).toBeLessThanOrEqual(3);
    const coarse = await trainRandomForest(features, labels, {
      nTrees: 5,
      minSamplesLeaf: 30,
      bootstrap: false,
    });
    // Without bootstrap every row lands in exactly one leaf per tree: count them per leaf.
    for (const tree of coarse.trees) {
      const perLeaf = new Map<number, number>();
      for (let r = 0; r < features.rows; r++) {
        let node = 0;
        while (tree.feature[node]! >= 0)
          node =
            features.data[r * 20 + tree.feature[node]!]! <= tree.threshold[node]!
              ? tree.left[node]!
              : tree.right[node]!;
        perLeaf.set(node, (perLeaf.get(node) ?? 0) + 1);
      }
      expect(Math.min(...perLeaf.values())).toBeGreaterThanOrEqual(30);
    }
  });

  it('raises the minority class with class-balanced weighting', async () => {
    // One feature; the minority class (1) is 5% of rows and overlaps the majority.
    const rows = 400;
    const data = new Float32Array(rows);
    const labels = new Int32Array(rows);
    for (let r = 0; r < rows; r++) {
      labels[r] = r % 20 === 0 ? 1 : 0;
      data[r] = labels[r] === 1 ? 0.6 + (r % 7) / 20 : (r % 101) / 100;
    }
    const features = { rows, cols: 1, data };
    const options = { nTrees: 20, minSamplesLeaf: 15, seed: 2 };
    const plain = await trainRandomForest(features, labels, options);
    const balanced = await trainRandomForest(features, labels, {
      ...options,
      classWeight: 'balanced',
    });
    const subsample = await trainRandomForest(features, labels, {
      ...options,
      classWeight: 'balanced_subsample',
    });
    const minorityShare = (forest: typeof plain): number =>
      predictForestLabels(forest, features).reduce((n, label) => n + label, 0);
    const meanMinorityProbability = (forest: typeof plain): number => {
      const p = predictForestProbabilities(forest, features);
      let sum = 0;
      for (let r = 0; r < rows; r++) sum += p[r * 2 + 1]!;
      return sum / rows;
    };
    expect(minorityShare(plain)).toBeLessThan(minorityShare(balanced));
    expect(minorityShare(plain)).toBeLessThan(minorityShare(subsample));
    expect(meanMinorityProbability(balanced)).toBeGreaterThan(3 * meanMinorityProbability(plain));
  });

  it('stops with the abort reason, on this thread and on workers', async () => {
    const { features, labels } = gaussianClasses(200, 10, 2, 1);
    for (const threads of [1, 2]) {
      const controller = new AbortController();
      const grown: number[] = [];
      const training = trainRandomForest(features, labels, {
        nTrees: 50,
        threads,
        signal: controller.signal,
        onProgress: ({ tree }) => {
          grown.push(tree);
          if (tree === 2) controller.abort(new DOMException('stop', 'AbortError'));
        },
      });
      await expect(training).rejects.toThrow('stop');
      expect(grown.length).toBeLessThan(50);
    }
    const aborted = AbortSignal.abort();
    await expect(trainRandomForest(features, labels, { signal: aborted })).rejects.toThrow();
  });

  it('rejects labels that are not class indices', async () => {
    const { features } = gaussianClasses(4, 2, 2, 1);
    await expect(trainRandomForest(features, [0, 1, 2.5, 0])).rejects.toThrow(/class index/);
    await expect(trainRandomForest(features, [0, 0, 0, 0])).rejects.toThrow(/2 classes/);
    await expect(trainRandomForest(features, [0, 1])).rejects.toThrow(/labels/);
    await expect(trainRandomForest(features, [0, 1, 0, 1], { threads: 0 })).rejects.toThrow(
      /threads/,
    );
  });
});
