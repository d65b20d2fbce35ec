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
  const { samples, slot, weight, slotTotals } = state;
  const sampleY = new Int32Array(data.rows);
  let n = 0;
  for (let i = 0; i < data.rows; i++) {
    if (!(sampleWeight[i]! > 0)) continue;
    samples[n] = i;
    sampleY[n] = y[i]!;
    weight[n++] = sampleWeight[i]!;
  }
  const capacity = Math.max(1, 2 * n - 1);
  const feature = new Int32Array(capacity).fill(-1);
  const threshold = new Float32Array(capacity);
  const leftChild = new Int32Array(capacity);
  const rightChild = new Int32Array(capacity);
  const value = new Float32Array(capacity * C);
  const totals = new Float64Array(C);
  const slotOf = new Int32Array(C);
  // Pending nodes as (id, start, end, depth); depth-first, so at most one per level plus one.
  const stack = new Int32Array(4 * (n + 2));
  stack.set([0, 0, n, 0], 0);
  let top = 4;
  let nodeCount = 1;
  const { bins, rows, thresholds, thresholdStart } = data;

  while (top > 0) {
    top -= 4;
    const node = stack[top]!;
    const start = stack[top + 1]!;
    const end = stack[top + 2]!;
    const depth = stack[top + 3]!;
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
    if (!findBestSplit(state, start, end, nSlots, total)) continue;

    const column = state.feature * rows;
    let i = start;
    let j = end - 1;
    while (i <= j) {
      if (bins[column + samples[i]!]! <= state.bin) {
        i++;
        continue;
      }
      const s = samples[i]!;
      samples[i] = samples[j]!;
      samples[j] = s;
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
    stack[top + 4] = leftId;
    stack[top + 5] = start;
    stack[top + 6] = i;
    stack[top + 7] = depth + 1;
    top += 8;
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
