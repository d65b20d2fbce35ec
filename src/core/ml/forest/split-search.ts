/**
 * The best Gini split of one node over binned features: draws features as scikit-learn
 * does and scans each one (split-scan.ts). Classes are the node's own (slots 0..nSlots-1).
 */
import type { Random } from '../../cluster/random';
import type { BinnedFeatures } from './binned-features';
import { scanByHistogram, scanBySorting } from './split-scan';

/** The tree's samples and scratch space; a node owns the range `[start, end)`. */
export interface SplitState {
  /** Byte codes (BinnedFeatures.bins); empty when `packed` holds them. */
  bins: Uint8Array;
  rows: number;
  /** Bit-packed 0/1 columns when the whole matrix is 0/1 (see BinnedFeatures.packed). */
  packed: Uint8Array | null;
  packedStride: number;
  binCounts: Uint16Array;
  /** Row index of each sample. */
  samples: Int32Array;
  /** Inverse of `samples`: the position of each row in it, -1 for rows not in the tree. */
  positionOf: Int32Array;
  /** BinnedFeatures.minority, for 0/1 matrices. */
  minority: BinnedFeatures['minority'] | null;
  /** The node's class slot of each sample (set by the caller for the node's range). */
  slot: Int32Array;
  weight: Float64Array;
  /** Whether every weight is an integer (no class weights), so weight sums are exact. */
  integerWeights: boolean;
  /** Columns that may be drawn; reordered by the draws. */
  candidates: Int32Array;
  maxFeatures: number;
  minSamplesLeaf: number;
  random: Random;
  /** Weight per class slot in the node (set by the caller). */
  slotTotals: Float64Array;
  /** Per bin: samples of the current feature in it (zero between features). */
  binSamples: Int32Array;
  binEnd: Int32Array;
  touched: Int32Array;
  /** Per sample position: its bin under the current feature. */
  nodeBin: Uint8Array;
  /** The node's samples' class slots and weights, ordered by bin. */
  orderSlot: Int32Array;
  orderWeight: Float64Array;
  left: Float64Array;
  right: Float64Array;
  /** (bin x slot) weights, zero between features. */
  hist: Float64Array;
  /**
   * Features found constant in a node, as a stack shared by the depth-first growth: a node
   * whose ancestors found `n` constants owns `knownConstants[0..n)` (entries past `n` belong
   * to other branches); `knownAt[f]` is where f was last pushed.
   */
  knownConstants: Int32Array;
  knownAt: Int32Array;
  /** After findBestSplit: the node's known constants, its own included (for its children). */
  nKnownConstants: number;
  /** The best split so far: bins <= `bin` of column `feature` go left; its Gini proxy. */
  feature: number;
  bin: number;
  bestProxy: number;
}

/** Scratch space for growing one tree on `data`. */
export function createSplitState(
  data: BinnedFeatures,
  nClasses: number,
  candidates: Int32Array,
  maxFeatures: number,
  minSamplesLeaf: number,
  random: Random,
): SplitState {
  const { bins, rows, binCounts } = data;
  return {
    bins: bins ?? new Uint8Array(0),
    rows,
    binCounts,
    packed: data.packed ?? null,
    packedStride: Math.ceil(rows / 8),
    samples: new Int32Array(rows),
    positionOf: new Int32Array(rows).fill(-1),
    minority: data.minority ?? null,
    slot: new Int32Array(rows),
    weight: new Float64Array(rows),
    integerWeights: false,
    candidates,
    maxFeatures,
    minSamplesLeaf,
    random,
    slotTotals: new Float64Array(nClasses),
    binSamples: new Int32Array(256),
    binEnd: new Int32Array(256),
    touched: new Int32Array(256),
    nodeBin: new Uint8Array(rows),
    orderSlot: new Int32Array(rows),
    orderWeight: new Float64Array(rows),
    left: new Float64Array(nClasses),
    right: new Float64Array(nClasses),
    hist: new Float64Array(256 * nClasses),
    knownConstants: new Int32Array(data.cols),
    knownAt: new Int32Array(data.cols),
    nKnownConstants: 0,
    feature: -1,
    bin: -1,
    bestProxy: -Infinity,
  };
}

// A feature with at most this many bins (or bins x classes within the node's size) is
// scanned through a (bin x class) histogram; others by counting-sorting the node's samples.
const HISTOGRAM_BINS = 16;

/**
 * Sets `state.feature` / `state.bin` to the best split of `[start, end)`; false if every
 * drawn feature is constant there or no split leaves `minSamplesLeaf` on both sides.
 * `nKnown` is how many constants the node's ancestors found (see `knownConstants`): a drawn
 * one is constant here too (a subset of their samples), so it is counted as a constant draw
 * without scanning, as scikit-learn does. The draws are the same either way, and a scan of
 * a constant feature offers no split, so skipping it cannot change the tree.
 */
export function findBestSplit(
  state: SplitState,
  start: number,
  end: number,
  nSlots: number,
  total: number,
  nKnown: number,
): boolean {
  const { binCounts, candidates, random, slotTotals, maxFeatures } = state;
  const { knownConstants, knownAt } = state;
  let nConstants = nKnown;
  const count = end - start;
  let totalSquares = 0;
  for (let q = 0; q < nSlots; q++) totalSquares += slotTotals[q]! * slotTotals[q]!;
  state.feature = -1;
  state.bestProxy = -Infinity;
  let remaining = candidates.length;
  let visited = 0;
  let constants = 0;
  // As scikit-learn: stop after maxFeatures draws, unless every draw so far was constant.
  while (remaining > 0 && (visited < maxFeatures || visited <= constants)) {
    visited++;
    const pick = Math.floor(random() * remaining);
    const f = candidates[pick]!;
    candidates[pick] = candidates[--remaining]!;
    candidates[remaining] = f;
    const at = knownAt[f]!;
    if (at < nKnown && knownConstants[at] === f) {
      constants++;
      continue;
    }
    const nBins = binCounts[f]!;
    const constant =
      nBins <= HISTOGRAM_BINS || nBins * nSlots <= count
        ? scanByHistogram(state, f, start, end, nSlots, total)
        : scanBySorting(state, f, start, end, nSlots, total, totalSquares);
    if (constant) {
      constants++;
      knownConstants[nConstants] = f;
      knownAt[f] = nConstants++;
    }
  }
  state.nKnownConstants = nConstants;
  return state.feature >= 0;
}
