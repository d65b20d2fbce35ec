/**
 * The model families and parameter settings a training run chooses among, declared as grid
 * and random search spaces (validation/parameter-space.ts draws from them).
 */
import {
  gridConfigurations,
  sampleConfigurations,
  type GridSpace,
  type ParameterConfiguration,
  type RandomSpace,
} from '../validation';

export const MODEL_FAMILIES = ['exemplar', 'random-forest', 'softmax', 'mlp'] as const;
export type ModelFamily = (typeof MODEL_FAMILIES)[number];

/** One setting of one family; `params` as the search space spells them. */
export interface Candidate {
  family: ModelFamily;
  params: ParameterConfiguration;
}

/** A short stable name, e.g. `exemplar(k=3,tau=1)`. */
export function candidateName(candidate: Candidate): string {
  const params = Object.entries(candidate.params)
    .map(
      ([key, value]) =>
        `${key}=${typeof value === 'number' ? Number(value.toPrecision(3)) : String(value)}`,
    )
    .join(',');
  return `${candidate.family}(${params})`;
}

/** Grid search tries every combination. Epoch counts are caps: training stops early. */
export const GRID_SPACE: Record<ModelFamily, GridSpace> = {
  exemplar: { k: [1, 3, 5], tau: [1], siteWeight: [1, 5] },
  'random-forest': { nTrees: [40], maxFeatures: ['sqrt', 0.05], minSamplesLeaf: [1] },
  softmax: { l2: [1e-4, 1e-3], epochs: [20] },
  mlp: { hiddenUnits: [64], dropout: [0.1], l2: [1e-4], epochs: [20] },
};

/** Random search draws `draws` settings per family from these. */
export const RANDOM_SPACE: Record<ModelFamily, RandomSpace> = {
  exemplar: {
    k: { kind: 'int', low: 1, high: 7 },
    tau: { kind: 'loguniform', low: 0.5, high: 4 },
    siteWeight: { kind: 'int', low: 1, high: 8 },
  },
  'random-forest': {
    nTrees: [40],
    maxFeatures: ['sqrt', 0.05, 0.1],
    minSamplesLeaf: { kind: 'int', low: 1, high: 3 },
  },
  softmax: { l2: { kind: 'loguniform', low: 1e-5, high: 1e-2 }, epochs: [20] },
  mlp: {
    hiddenUnits: [32, 64, 128],
    dropout: { kind: 'uniform', low: 0, high: 0.3 },
    l2: { kind: 'loguniform', low: 1e-5, high: 1e-2 },
    epochs: [20],
  },
};

export interface CandidateOptions {
  families: readonly ModelFamily[];
  search: 'grid' | 'random';
  /** Settings drawn per family by random search (default 2). */
  draws?: number;
  seed?: number;
  /** Caps the `epochs` parameter. */
  maxEpochs?: number;
}

/** The candidates to cross-validate, family by family in the order given. */
export function candidatesFor(options: CandidateOptions): Candidate[] {
  return options.families.flatMap((family, i) => {
    const settings =
      options.search === 'grid'
        ? gridConfigurations(GRID_SPACE[family])
        : sampleConfigurations(RANDOM_SPACE[family], options.draws ?? 2, (options.seed ?? 0) + i);
    return settings.map((params) => {
      const { epochs } = params;
      if (typeof epochs === 'number' && options.maxEpochs !== undefined)
        return { family, params: { ...params, epochs: Math.min(epochs, options.maxEpochs) } };
      return { family, params };
    });
  });
}
