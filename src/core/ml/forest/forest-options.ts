/** Random forest hyperparameters: defaults as scikit-learn's RandomForestClassifier. */
import { InvalidInputError } from '../../errors';
import type { ClassWeightMode } from './sample-weights';
import type { TreeGrowthParams } from './grow-tree';

/**
 * Features drawn per split: 'sqrt' / 'log2' of the column count, 'all', an integer count
 * (>= 1), or a fraction of the columns (strictly between 0 and 1).
 */
export type MaxFeatures = 'sqrt' | 'log2' | 'all' | number;

export interface ForestProgress {
  /** Trees grown so far. */
  tree: number;
  trees: number;
}

export interface RandomForestOptions {
  /** Number of classes (default: largest label + 1); classes without rows get probability 0. */
  nClasses?: number;
  nTrees?: number;
  maxFeatures?: MaxFeatures;
  /** Deepest allowed node (root = 0); unlimited by default. */
  maxDepth?: number;
  minSamplesLeaf?: number;
  minSamplesSplit?: number;
  classWeight?: ClassWeightMode | null;
  bootstrap?: boolean;
  /** Most bins per feature for split search, 2..256. */
  maxBins?: number;
  seed?: number;
  /**
   * Threads growing trees: the calling thread plus `threads - 1` workers. The forest is
   * the same for any value. Default: 2 for large problems, else 1.
   */
  threads?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ForestProgress) => void;
}

export interface ResolvedForestOptions extends TreeGrowthParams {
  nTrees: number;
  classWeight: ClassWeightMode | null;
  bootstrap: boolean;
  maxBins: number;
  seed: number;
}

function positiveInteger(name: string, value: number, min = 1): number {
  if (!Number.isInteger(value) || value < min)
    throw new InvalidInputError(`${name} must be an integer >= ${min}, got ${value}`);
  return value;
}

/** Number of features drawn per split for `cols` columns. */
export function resolveMaxFeatures(maxFeatures: MaxFeatures, cols: number): number {
  if (maxFeatures === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(cols)));
  if (maxFeatures === 'log2') return Math.max(1, Math.floor(Math.log2(cols)));
  if (maxFeatures === 'all') return cols;
  if (Number.isInteger(maxFeatures) && maxFeatures >= 1) return Math.min(maxFeatures, cols);
  if (maxFeatures > 0 && maxFeatures < 1) return Math.max(1, Math.floor(maxFeatures * cols));
  throw new InvalidInputError(
    `maxFeatures must be 'sqrt', 'log2', 'all', an integer >= 1 or a fraction in (0, 1), got ${maxFeatures}`,
  );
}

/** Validated options with defaults filled in. */
export function resolveForestOptions(
  options: RandomForestOptions,
  cols: number,
): ResolvedForestOptions {
  const maxDepth = options.maxDepth ?? Infinity;
  if (maxDepth !== Infinity) positiveInteger('maxDepth', maxDepth, 0);
  const maxBins = options.maxBins ?? 256;
  if (!Number.isInteger(maxBins) || maxBins < 2 || maxBins > 256)
    throw new InvalidInputError(`maxBins must be an integer in 2..256, got ${maxBins}`);
  return {
    nTrees: positiveInteger('nTrees', options.nTrees ?? 100),
    maxFeatures: resolveMaxFeatures(options.maxFeatures ?? 'sqrt', cols),
    maxDepth,
    minSamplesLeaf: positiveInteger('minSamplesLeaf', options.minSamplesLeaf ?? 1),
    minSamplesSplit: positiveInteger('minSamplesSplit', options.minSamplesSplit ?? 2, 2),
    classWeight: options.classWeight ?? null,
    bootstrap: options.bootstrap ?? true,
    maxBins,
    seed: options.seed ?? 0,
  };
}
