/**
 * The per-sequence work of classification, done in a worker: features for the model and,
 * when the bundle has exemplars, the nearest exemplar and a recombinant test. Alignment (to
 * the bundle's own reference) runs once per sequence and serves both.
 */
import type { Transferable } from 'node:worker_threads';
import type { SequenceCalls } from '../../shared/analysis-types';
import type { TreePlacement } from '../../shared/classify-types';
import { createAligner, type Aligner } from '../analysis/align/aligner';
import { featurizerDimension, type FeaturizerConfig } from '../features/featurizer-union';
import { kmerSpectrumOfBytes } from '../features/kmer-spectrum';
import type { PackedSequences } from '../features/packed-sequences';
import type { Pathogen } from '../pathogens/types';
import { createTreePlacer, type TreePlacer } from '../tree/tree-placer';
import {
  changedIndices,
  queryAlleleCodes,
  queryAlleleFeatures,
  referenceAlleleCodes,
} from './query-alleles';
import {
  createRecombinantScratch,
  findRecombinant,
  type RecombinantRule,
} from './recombinant-check';
import {
  argMin,
  baselineAlleleCodes,
  exemplarMismatches,
  mutatedPositions,
  queryDifferences,
  type SparseExemplars,
} from './sparse-exemplars';

/** What every classify worker is started with. */
export interface ClassifyWorkerData {
  featurizer: FeaturizerConfig;
  /** Needed by the aligned-allele featurizer and by the exemplars; null for neither. */
  pathogen: Pathogen | null;
  exemplars: SparseExemplars | null;
  /** Options for `detectRecombinant`, or false to skip the test. */
  recombinant: RecombinantRule | false;
  /** The pathogen's reference tree (Auspice v2 file) to place on, or null for none. */
  treePath: string | null;
}

/** Results for a batch, row i = sequence i; -1 where there is no answer. */
export interface ClassifyBatchResult {
  /** rows x featurizerDimension, row-major. */
  features: Float32Array;
  /** Why a sequence did not align, or null (also null when nothing was aligned). */
  alignmentFailures: (string | null)[];
  /** Nearest exemplar and its N-aware mismatches. */
  nearest: Int32Array;
  nearestDistance: Int32Array;
  /** Parent classes (into the exemplar labels) and breakpoint of a detected recombinant. */
  parentA: Int32Array;
  parentB: Int32Array;
  breakpoint: Int32Array;
  /** Placement on the reference tree (null without a tree or an alignment). */
  placements: (TreePlacement | null)[];
}

/** Takes a batch as `packSequences` packs it (UTF-8 bytes: a non-ASCII letter is no base). */
export type BatchProcessor = (sequences: PackedSequences) => {
  result: ClassifyBatchResult;
  transfer: Transferable[];
};

/** A batch's results before any row is done: -1 (no answer) everywhere. */
function emptyBatchResult(n: number, dimension: number): ClassifyBatchResult {
  const filled = (): Int32Array => new Int32Array(n).fill(-1);
  return {
    features: new Float32Array(n * dimension),
    alignmentFailures: new Array<string | null>(n).fill(null),
    nearest: filled(),
    nearestDistance: filled(),
    parentA: filled(),
    parentB: filled(),
    breakpoint: filled(),
    placements: new Array<TreePlacement | null>(n).fill(null),
  };
}

/** The work of one worker, set up once (aligner index, reference codes). */
export function createBatchProcessor(data: ClassifyWorkerData): BatchProcessor {
  const { featurizer, pathogen, exemplars } = data;
  const dimension = featurizerDimension(featurizer);
  if (featurizer.kind === 'mutation-profile')
    throw new Error('classification reads k-mer or aligned-allele features only');
  const needsAlignment =
    featurizer.kind === 'aligned-alleles' || exemplars !== null || data.treePath !== null;
  if (needsAlignment && !pathogen) throw new Error('alignment needs a reference');
  const aligner: Aligner | null = needsAlignment ? createAligner(pathogen!) : null;
  const reference = pathogen?.reference.sequence ?? '';
  const referenceCodes = referenceAlleleCodes(reference);
  const queryCodes = new Uint8Array(reference.length);
  const distances = new Int32Array(exemplars?.count ?? 0);
  const mutated = exemplars ? mutatedPositions(exemplars, reference.length) : new Uint8Array(0);
  const baselineCodes = exemplars ? baselineAlleleCodes(exemplars, referenceCodes) : referenceCodes;
  const scratch = createRecombinantScratch(reference.length);
  const place: TreePlacer | null = data.treePath
    ? createTreePlacer(data.treePath, reference, pathogen?.genes ?? [])
    : null;

  // `queryCodes` holds the query's alleles (queryAlleleCodes) when this runs.
  const compareToExemplars = (calls: SequenceCalls, row: number, out: ClassifyBatchResult) => {
    if (!exemplars) return;
    const differences = queryDifferences(
      exemplars,
      referenceCodes,
      queryCodes,
      changedIndices(calls),
      mutated,
      baselineCodes,
    );
    exemplarMismatches(exemplars, queryCodes, differences.baseline, distances);
    const best = argMin(distances);
    out.nearest[row] = best;
    out.nearestDistance[row] = distances[best]!;
    if (data.recombinant === false) return;
    const found = findRecombinant(
      exemplars,
      referenceCodes,
      queryCodes,
      distances,
      { distance: distances[best]!, privateDifferences: differences.private },
      data.recombinant,
      scratch,
    );
    if (!found) return;
    [out.parentA[row], out.parentB[row]] = found.parents;
    out.breakpoint[row] = found.breakpoint;
  };

  return ({ bytes, ends }) => {
    const n = ends.length;
    const out = emptyBatchResult(n, dimension);
    for (let row = 0; row < n; row += 1) {
      const start = row > 0 ? ends[row - 1]! : 0;
      const features = out.features.subarray(row * dimension, (row + 1) * dimension);
      if (featurizer.kind === 'kmer')
        kmerSpectrumOfBytes(bytes, start, ends[row]!, featurizer, features);
      if (!aligner) continue;
      const outcome = aligner.align(bytes.subarray(start, ends[row]));
      if (!outcome.ok) {
        out.alignmentFailures[row] = outcome.reason;
        continue;
      }
      queryAlleleCodes(referenceCodes, outcome.calls, queryCodes);
      if (featurizer.kind === 'aligned-alleles')
        queryAlleleFeatures(featurizer, queryCodes, outcome.calls, features);
      compareToExemplars(outcome.calls, row, out);
      if (place) out.placements[row] = place(outcome.calls);
    }
    const { features, nearest, nearestDistance, parentA, parentB, breakpoint } = out;
    const transfer = [features, nearest, nearestDistance, parentA, parentB, breakpoint].map(
      (array) => array.buffer as ArrayBuffer,
    );
    return { result: out, transfer };
  };
}
