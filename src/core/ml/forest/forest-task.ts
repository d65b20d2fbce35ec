/**
 * Everything needed to grow any tree of a forest, identical on the calling thread and in
 * workers: tree i depends only on this and its own seed, so the forest does not depend on
 * which thread grew which tree.
 */
import { mulberry32 } from '../../cluster/random';
import type { BinnedFeatures } from './binned-features';
import type { DecisionTree } from './decision-tree';
import type { ResolvedForestOptions } from './forest-options';
import { growTree } from './grow-tree';
import { balancedClassWeights, treeSampleWeights } from './sample-weights';

export interface ForestTask {
  binned: BinnedFeatures;
  /** Class index (0..nClasses-1) per row. */
  y: Int32Array;
  nClasses: number;
  /** Columns that are not constant over the training rows. */
  candidates: Int32Array;
  options: ResolvedForestOptions;
  /** Whole-set balanced weights when `options.classWeight` is 'balanced'. */
  classWeights: Float64Array | null;
}

/** The task for `binned` features: candidate columns and whole-set class weights. */
export function createForestTask(
  binned: BinnedFeatures,
  y: Int32Array,
  nClasses: number,
  options: ResolvedForestOptions,
): ForestTask {
  const candidates: number[] = [];
  for (let c = 0; c < binned.cols; c++) if (binned.binCounts[c]! > 1) candidates.push(c);
  return {
    binned,
    y,
    nClasses,
    candidates: Int32Array.from(candidates),
    options,
    classWeights: options.classWeight === 'balanced' ? balancedClassWeights(y, nClasses) : null,
  };
}

/** Seeds of the trees, drawn from the forest seed. */
export function treeSeeds(seed: number, nTrees: number): Uint32Array {
  const random = mulberry32(seed);
  return Uint32Array.from({ length: nTrees }, () => Math.floor(random() * 2 ** 32));
}

/** Grows the tree with seed `treeSeed`. */
export function growForestTree(task: ForestTask, treeSeed: number): DecisionTree {
  const random = mulberry32(treeSeed);
  const { y, nClasses, options } = task;
  const weights = treeSampleWeights(
    y,
    nClasses,
    options.bootstrap,
    options.classWeight,
    task.classWeights,
    random,
  );
  return growTree(task.binned, y, nClasses, weights, task.candidates.slice(), options, random);
}
