/** Trains a random forest: bins the features once, then grows trees here and on workers. */
import { assertMatrix, type Matrix } from '../../cluster/matrix';
import { InvalidInputError } from '../../errors';
import { createWorkerPool, type WorkerPoolOf } from '../../jobs/worker-pool';
import { binFeatures } from './binned-features';
import type { DecisionTree } from './decision-tree';
import { resolveForestOptions, type RandomForestOptions } from './forest-options';
import type { ForestWorker } from './forest.worker';
import { createForestTask, growForestTree, treeSeeds, type ForestTask } from './forest-task';
import type { RandomForest } from './random-forest';

// Below this many (row x drawn feature x tree) visits, starting workers costs more than it saves.
const WORKER_WORK_THRESHOLD = 2e6;

function classIndices(
  labels: ArrayLike<number>,
  rows: number,
  nClasses?: number,
): { y: Int32Array; classes: number } {
  if (labels.length !== rows)
    throw new InvalidInputError(`${labels.length} labels for ${rows} feature rows`);
  const y = Int32Array.from(labels);
  const classes = nClasses ?? y.reduce((max, label) => Math.max(max, label + 1), 0);
  for (let i = 0; i < y.length; i++)
    if (y[i] !== labels[i] || y[i]! < 0 || y[i]! >= classes)
      throw new InvalidInputError(
        `label ${labels[i]} (row ${i}) is not a class index in 0..${classes - 1}`,
      );
  if (classes < 2) throw new InvalidInputError('a classifier needs at least 2 classes');
  return { y, classes };
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Grows tree i from seed i, on this thread and on the pool's workers at once: each takes
 * the next tree when it is free, so this thread starts while the workers are starting.
 */
async function growTrees(
  task: ForestTask,
  seeds: Uint32Array,
  options: RandomForestOptions,
  pool: WorkerPoolOf<ForestWorker> | null,
  workers: number,
): Promise<DecisionTree[]> {
  const { signal, onProgress } = options;
  const trees = new Array<DecisionTree>(seeds.length);
  let next = 0;
  let done = 0;
  // Set when the run ends early (abort, a failed worker), so no thread takes another tree.
  let stopped = false;
  const finished = (): void => onProgress?.({ tree: ++done, trees: seeds.length });
  const here = async (): Promise<void> => {
    while (next < seeds.length) {
      // A turn of the event loop per tree lets an abort and worker replies land.
      await nextTurn();
      signal?.throwIfAborted();
      if (stopped || next >= seeds.length) break;
      const i = next++;
      trees[i] = growForestTree(task, seeds[i]!);
      finished();
    }
  };
  const onWorker = async (): Promise<void> => {
    while (pool && !stopped && next < seeds.length) {
      const i = next++;
      trees[i] = await pool.run({ task, seed: seeds[i]! });
      finished();
    }
  };
  let onAbort = (): void => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = (): void => reject(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => undefined);
  try {
    signal?.throwIfAborted();
    const all = [here(), ...Array.from({ length: workers }, onWorker)];
    await Promise.race([Promise.all(all), aborted]);
    return trees;
  } finally {
    stopped = true;
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Grows a random forest on `features` (rows = samples) with class indices `labels`.
 * @throws the signal's reason when aborted
 */
export async function trainRandomForest(
  features: Matrix,
  labels: ArrayLike<number>,
  options: RandomForestOptions = {},
): Promise<RandomForest> {
  assertMatrix(features);
  const { y, classes } = classIndices(labels, features.rows, options.nClasses);
  const resolved = resolveForestOptions(options, features.cols);
  if (options.threads !== undefined && !(Number.isInteger(options.threads) && options.threads >= 1))
    throw new InvalidInputError(`threads must be an integer >= 1, got ${options.threads}`);
  options.signal?.throwIfAborted();
  const work = features.rows * resolved.maxFeatures * resolved.nTrees;
  const threads = Math.min(
    options.threads ?? (work >= WORKER_WORK_THRESHOLD ? 2 : 1),
    resolved.nTrees,
  );
  // This thread grows trees too, so `threads` threads need `threads - 1` workers; they start
  // before binning, so their start-up overlaps it.
  const workers = threads - 1;
  const pool: WorkerPoolOf<ForestWorker> | null =
    workers > 0 ? createWorkerPool(import.meta.url, 'forest.worker', null, workers) : null;
  try {
    const task = createForestTask(binFeatures(features, resolved.maxBins), y, classes, resolved);
    const seeds = treeSeeds(resolved.seed, resolved.nTrees);
    const trees = await growTrees(task, seeds, options, pool, workers);
    return { nFeatures: features.cols, nClasses: classes, trees };
  } finally {
    await pool?.close();
  }
}
