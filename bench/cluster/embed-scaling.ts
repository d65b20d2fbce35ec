/**
 * How UMAP and HDBSCAN scale from 10,000 to 20,000 genomes of 50 PCA coordinates.
 * Synthetic: 12 Gaussian clusters whose spread shrinks over the components, as PCA
 * output does. Prints seconds per step and the ratio time(20k) / time(10k).
 *
 *   node --import tsx bench/cluster/embed-scaling.ts [rows...]
 */
import { hdbscan } from '../../src/core/cluster/hdbscan';
import { knn } from '../../src/core/cluster/knn';
import type { Matrix } from '../../src/core/cluster/matrix';
import { gaussian, mulberry32 } from '../../src/core/cluster/random';
import { runUmap } from '../../src/core/cluster/umap';

const COLS = 50;
const CLUSTERS = 12;

function pcaLikeBlobs(rows: number, seed = 1): Matrix {
  const random = mulberry32(seed);
  const scale = Array.from({ length: COLS }, (_, j) => 1 / (1 + j / 4));
  const centers = Array.from({ length: CLUSTERS }, () =>
    scale.map((s) => 10 * s * gaussian(random)),
  );
  const data = new Float32Array(rows * COLS);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < COLS; j++)
      data[i * COLS + j] = centers[i % CLUSTERS]![j]! + scale[j]! * gaussian(random);
  return { rows, cols: COLS, data };
}

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

type Timings = Record<'knn' | 'umap' | 'hdbscan' | 'shared', number>;

async function measure(rows: number): Promise<Timings> {
  const matrix = pcaLikeBlobs(rows);
  let clusters = 0;
  const timings: Timings = {
    knn: await seconds(() => knn(matrix, 14)),
    umap: await seconds(() => runUmap(matrix)),
    hdbscan: await seconds(async () => {
      clusters = (await hdbscan(matrix, { minClusterSize: 15 })).clusterCount;
    }),
    // The pipeline as the app runs it: one knn feeding both.
    shared: await seconds(async () => {
      const neighbours = await knn(matrix, 14);
      await runUmap(matrix, { neighbours });
      await hdbscan(matrix, { minClusterSize: 15, neighbours });
    }),
  };
  const shown = Object.entries(timings).map(([step, s]) => `${step} ${s.toFixed(1)} s`);
  console.log(`${rows} rows x ${COLS}: ${shown.join(', ')} (hdbscan found ${clusters} clusters)`);
  return timings;
}

const sizes = process.argv.slice(2).map(Number);
const [small, large] = sizes.length ? sizes : [10_000, 20_000];
const a = await measure(small!);
if (large) {
  const b = await measure(large);
  const ratios = (Object.keys(a) as (keyof Timings)[]).map(
    (step) => `${step} ${(b[step] / a[step]).toFixed(2)}`,
  );
  console.log(`time(${large}) / time(${small}): ${ratios.join(', ')}`);
}
