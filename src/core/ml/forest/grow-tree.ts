/**
 * CART with the Gini criterion on binned features, grown depth-first over one preallocated
 * sample array that is partitioned in place: no allocation per node.
 */
import type { Random } from '../../cluster/random';
import type { BinnedFeatures } from './binned-features';
import type { DecisionTree } from './decision-tree';
import { createSplitState, findBestSplit } from './split-search';

export interface TreeGrowthParams {
  /** Features drawn per node (constant ones count, but at least one non-constant is tried). */
  maxFeatures: number;
  maxDepth: number;
  minSamplesLeaf: number;
  minSamplesSplit: number;
}

/**
 * Grows one tree on the rows with a positive `sampleWeight` (bootstrap count x class
 * weight). `candidates` lists the columns that may be drawn (non-constant overall); it is
 * reordered in place.
 */
export function growTree(
  data: BinnedFeatures,
  y: Int32Array,
  nClasses: number,
  sampleWeight: Float64Array,
  candidates: Int32Array,
  params: TreeGrowthParams,
  random: Random,
): DecisionTree {
  const C = nClasses;
  const { minSamplesLeaf } = params;
  const state = createSplitState(data, C, candidates, params.maxFeatures, minSamplesLeaf, random);
  const { samples, positionOf, slot, weight, slotTotals } = state;
  const sampleY = new Int32Array(data.rows);
  let n = 0;
  for (let i = 0; i < data.rows; i++) {
    if (!(sampleWeight[i]! > 0)) continue;
    samples[n] = i;
    positionOf[i] = n;
    sampleY[n] = y[i]!;
    weight[n++] = sampleWeight[i]!;
  }
  // Sums of positive integer weights are exact, whatever their order, while their total is
  // within 2^53.
  let integerWeights = true;
  let weightSum = 0;
  for (let k = 0; k < n; k++) {
    if (!Number.isInteger(weight[k])) integerWeights = false;
    weightSum += weight[k]!;
  }
  state.integerWeights = integerWeights && weightSum <= 2 ** 53;
  const capacity = Math.max(1, 2 * n - 1);
  const feature = new Int32Array(capacity).fill(-1);
  const threshold = new Float32Array(capacity);
  const leftChild = new Int32Array(capacity);
  const rightChild = new Int32Array(capacity);
  const value = new Float32Array(capacity * C);
  const totals = new Float64Array(C);
  const slotOf = new Int32Array(C);
  // Pending nodes as (id, start, end, depth, constants known from its ancestors); depth-first,
  // so at most one per level plus one.
  const stack = new Int32Array(5 * (n + 2));
  stack.set([0, 0, n, 0, 0], 0);
  let top = 5;
  let nodeCount = 1;
  const { rows, thresholds, thresholdStart } = data;
  const { packed, packedStride } = state;

  while (top > 0) {
    top -= 5;
    const node = stack[top]!;
    const start = stack[top + 1]!;
    const end = stack[top + 2]!;
    const depth = stack[top + 3]!;
    const nKnown = stack[top + 4]!;
    totals.fill(0);
    for (let k = start; k < end; k++) totals[sampleY[k]!]! += weight[k]!;
    let total = 0;
    let nSlots = 0;
    for (let c = 0; c < C; c++) {
      total += totals[c]!;
      if (totals[c]! > 0) {
        slotTotals[nSlots] = totals[c]!;
        slotOf[c] = nSlots++;
      }
    }
    for (let c = 0; c < C; c++) value[node * C + c] = total > 0 ? totals[c]! / total : 0;
    const count = end - start;
    if (
      nSlots <= 1 ||
      depth >= params.maxDepth ||
      count < params.minSamplesSplit ||
      count < 2 * minSamplesLeaf
    )
      continue;
    for (let k = start; k < end; k++) slot[k] = slotOf[sampleY[k]!]!;
    if (!findBestSplit(state, start, end, nSlots, total, nKnown)) continue;
    const childKnown = state.nKnownConstants;

    const column = state.feature * rows;
    const packedColumn = state.feature * packedStride;
    let i = start;
    let j = end - 1;
    while (i <= j) {
      const s0 = samples[i]!;
      const b = packed
        ? (packed[packedColumn + (s0 >>> 3)]! >>> (s0 & 7)) & 1
        : state.bins[column + s0]!;
      if (b <= state.bin) {
        i++;
        continue;
      }
      const s = samples[i]!;
      const other = samples[j]!;
      samples[i] = other;
      samples[j] = s;
      positionOf[other] = i;
      positionOf[s] = j;
      const t = sampleY[i]!;
      sampleY[i] = sampleY[j]!;
      sampleY[j] = t;
      const w = weight[i]!;
      weight[i] = weight[j]!;
      weight[j--] = w;
    }
    const leftId = nodeCount++;
    const rightId = nodeCount++;
    feature[node] = state.feature;
    threshold[node] = thresholds[thresholdStart[state.feature]! + state.bin]!;
    leftChild[node] = leftId;
    rightChild[node] = rightId;
    // Right pushed first, so the left subtree is grown (and numbered) first.
    stack[top] = rightId;
    stack[top + 1] = i;
    stack[top + 2] = end;
    stack[top + 3] = depth + 1;
    stack[top + 4] = childKnown;
    stack[top + 5] = leftId;
    stack[top + 6] = start;
    stack[top + 7] = i;
    stack[top + 8] = depth + 1;
    stack[top + 9] = childKnown;
    top += 10;
  }

  return {
    nodeCount,
    feature: feature.slice(0, nodeCount),
    threshold: threshold.slice(0, nodeCount),
    left: leftChild.slice(0, nodeCount),
    right: rightChild.slice(0, nodeCount),
    value: value.slice(0, nodeCount * C),
  };
}
