/**
 * HDBSCAN cluster selection by excess of mass: a cluster is kept when its stability
 * (the mass it holds over its lifetime in lambda) beats the summed stability of the best
 * clusters below it; then every point gets its kept cluster or noise.
 */
import type { CondensedTree } from './hdbscan-tree';

export interface HdbscanLabels {
  /** Cluster per row, 0 = largest; -1 = noise. */
  labels: Int32Array;
  /** Strength of each row's membership in (0, 1]; 0 for noise. */
  probabilities: Float32Array;
  /** GLOSH: 1 - lambda(row) / the largest lambda below its cluster, in [0, 1]; high = outlier. */
  outlierScores: Float32Array;
  clusterCount: number;
}

/** Sum over a cluster's points and child clusters of (lambda leaving - lambda born) x size. */
export function clusterStability(tree: CondensedTree): Float64Array {
  const { clusterCount, clusterParent, clusterBirth, clusterSize, pointCluster, pointLambda } =
    tree;
  const stability = new Float64Array(clusterCount);
  for (let p = 0; p < pointCluster.length; p++) {
    const c = pointCluster[p]!;
    stability[c]! += pointLambda[p]! - clusterBirth[c]!;
  }
  for (let c = 1; c < clusterCount; c++) {
    const parent = clusterParent[c]!;
    stability[parent]! += (clusterBirth[c]! - clusterBirth[parent]!) * clusterSize[c]!;
  }
  return stability;
}

/**
 * Excess-of-mass selection. The root is a candidate only with `allowSingleCluster`; when
 * it wins, every point is in cluster 0.
 */
export function selectClusters(tree: CondensedTree, allowSingleCluster: boolean): HdbscanLabels {
  const { clusterCount, clusterParent, pointCluster, pointLambda } = tree;
  const rows = pointCluster.length;
  const best = clusterStability(tree);
  const childSum = new Float64Array(clusterCount);
  const chosen = new Uint8Array(clusterCount);
  const lowest = allowSingleCluster ? 0 : 1;
  // Children have larger ids than their parents, so a downward count is bottom-up.
  for (let c = clusterCount - 1; c >= lowest; c--) {
    if (childSum[c]! > best[c]!) best[c] = childSum[c]!;
    else chosen[c] = 1;
    if (c > 0) childSum[clusterParent[c]!]! += best[c]!;
  }
  // The kept cluster owning each cluster: its highest chosen ancestor (or itself).
  const owner = new Int32Array(clusterCount).fill(-1);
  for (let c = 0; c < clusterCount; c++) {
    const above = c > 0 ? owner[clusterParent[c]!]! : -1;
    owner[c] = above >= 0 ? above : chosen[c] ? c : -1;
  }

  const members = new Int32Array(clusterCount);
  for (let p = 0; p < rows; p++) {
    const o = owner[pointCluster[p]!]!;
    if (o >= 0) members[o]!++;
  }
  const kept: number[] = [];
  for (let c = 0; c < clusterCount; c++) if (owner[c] === c && members[c]! > 0) kept.push(c);
  kept.sort((a, b) => members[b]! - members[a]! || a - b);
  const labelOf = new Int32Array(clusterCount).fill(-1);
  kept.forEach((c, label) => (labelOf[c] = label));

  // Largest lambda reached by any point under each cluster (its own points and below).
  const deepest = new Float64Array(clusterCount);
  for (let p = 0; p < rows; p++) {
    const c = pointCluster[p]!;
    if (pointLambda[p]! > deepest[c]!) deepest[c] = pointLambda[p]!;
  }
  for (let c = clusterCount - 1; c > 0; c--) {
    const parent = clusterParent[c]!;
    if (deepest[c]! > deepest[parent]!) deepest[parent] = deepest[c]!;
  }

  const labels = new Int32Array(rows).fill(-1);
  const probabilities = new Float32Array(rows);
  const outlierScores = new Float32Array(rows);
  for (let p = 0; p < rows; p++) {
    const c = pointCluster[p]!;
    const lambda = pointLambda[p]!;
    outlierScores[p] = deepest[c]! > 0 ? 1 - lambda / deepest[c]! : 0;
    const o = owner[c]!;
    if (o < 0) continue;
    labels[p] = labelOf[o]!;
    const top = deepest[o]!;
    probabilities[p] = top > 0 ? Math.min(lambda, top) / top : 1;
  }
  return { labels, probabilities, outlierScores, clusterCount: kept.length };
}
