/**
 * The HDBSCAN hierarchy, from a minimum spanning tree of mutual reachability: single
 * linkage, then the condensed tree, where a split counts only when both sides keep at
 * least `minClusterSize` points and smaller sides "fall out" of their cluster.
 * Density is measured as lambda = 1 / distance.
 */

const ZERO_DISTANCE_FACTOR = 1000;

/** Binary merge tree: merge t joins nodes left[t] and right[t] into node rows + t. */
export interface SingleLinkage {
  left: Int32Array;
  right: Int32Array;
  distance: Float64Array;
  /** Points under each node: rows leaves, then rows - 1 merges. */
  size: Int32Array;
}

export interface CondensedTree {
  /** Clusters 0..clusterCount-1; cluster 0 is the root; a parent precedes its children. */
  clusterCount: number;
  clusterParent: Int32Array;
  /** Lambda at which each cluster split off its parent (0 for the root). */
  clusterBirth: Float64Array;
  /** Points in each cluster when it was born. */
  clusterSize: Int32Array;
  /** The cluster each point last belonged to, and the lambda at which it fell out. */
  pointCluster: Int32Array;
  pointLambda: Float64Array;
}

/**
 * Single linkage from MST edges (Kruskal order: weight, then edge index), with union-find.
 * `from`, `to` and `weight` have rows - 1 entries.
 */
export function singleLinkage(
  rows: number,
  from: Int32Array,
  to: Int32Array,
  weight: Float64Array,
): SingleLinkage {
  const merges = Math.max(0, rows - 1);
  const order = Array.from({ length: merges }, (_, e) => e).sort(
    (a, b) => weight[a]! - weight[b]! || a - b,
  );
  const parent = new Int32Array(rows);
  for (let i = 0; i < rows; i++) parent[i] = i;
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) [i, parent[i]] = [parent[i]!, root];
    return root;
  };
  const nodeOf = new Int32Array(rows); // the linkage node standing for each set's root
  for (let i = 0; i < rows; i++) nodeOf[i] = i;
  const left = new Int32Array(merges);
  const right = new Int32Array(merges);
  const distance = new Float64Array(merges);
  const size = new Int32Array(rows + merges).fill(1, 0, rows);
  order.forEach((e, t) => {
    const a = find(from[e]!);
    const b = find(to[e]!);
    left[t] = nodeOf[a]!;
    right[t] = nodeOf[b]!;
    distance[t] = weight[e]!;
    size[rows + t] = size[left[t]!]! + size[right[t]!]!;
    parent[b] = a;
    nodeOf[a] = rows + t;
  });
  return { left, right, distance, size };
}

/**
 * Condenses the linkage. Merges at distance 0 (at least minSamples identical rows) are
 * never splits: identical rows stay together. Their lambda, infinite in theory, is taken
 * as ZERO_DISTANCE_FACTOR times the largest finite one, so stabilities and probabilities
 * stay finite while behaving as the infinite value would (such groups are very stable).
 */
export function condenseTree(
  rows: number,
  linkage: SingleLinkage,
  minClusterSize: number,
): CondensedTree {
  const { left, right, distance, size } = linkage;
  let smallestPositive = Infinity;
  for (const d of distance) if (d > 0 && d < smallestPositive) smallestPositive = d;
  const zeroLambda = Number.isFinite(smallestPositive)
    ? ZERO_DISTANCE_FACTOR / smallestPositive
    : 1;
  const lambdaOf = (d: number): number => (d > 0 ? 1 / d : zeroLambda);

  const clusterParent: number[] = [-1];
  const clusterBirth: number[] = [0];
  const clusterSize: number[] = [rows];
  const pointCluster = new Int32Array(rows);
  const pointLambda = new Float64Array(rows);
  const leaves: number[] = [];
  const fallOut = (node: number, cluster: number, lambda: number): void => {
    leaves.push(node);
    while (leaves.length) {
      const current = leaves.pop()!;
      if (current < rows) {
        pointCluster[current] = cluster;
        pointLambda[current] = lambda;
      } else leaves.push(left[current - rows]!, right[current - rows]!);
    }
  };
  const newCluster = (parent: number, lambda: number, points: number): number => {
    clusterParent.push(parent);
    clusterBirth.push(lambda);
    clusterSize.push(points);
    return clusterParent.length - 1;
  };

  const stack: [node: number, cluster: number][] = [];
  if (rows === 1) fallOut(0, 0, zeroLambda);
  if (rows > 1) stack.push([2 * rows - 2, 0]);
  while (stack.length) {
    const [node, cluster] = stack.pop()!;
    const t = node - rows;
    const lambda = lambdaOf(distance[t]!);
    const a = left[t]!;
    const b = right[t]!;
    const bigA = size[a]! >= minClusterSize;
    const bigB = size[b]! >= minClusterSize;
    if (distance[t] === 0) fallOut(node, cluster, lambda);
    else if (bigA && bigB) {
      stack.push([b, newCluster(cluster, lambda, size[b]!)]);
      stack.push([a, newCluster(cluster, lambda, size[a]!)]);
    } else {
      if (bigA) stack.push([a, cluster]);
      else fallOut(a, cluster, lambda);
      if (bigB) stack.push([b, cluster]);
      else fallOut(b, cluster, lambda);
    }
  }
  return {
    clusterCount: clusterParent.length,
    clusterParent: Int32Array.from(clusterParent),
    clusterBirth: Float64Array.from(clusterBirth),
    clusterSize: Int32Array.from(clusterSize),
    pointCluster,
    pointLambda,
  };
}
