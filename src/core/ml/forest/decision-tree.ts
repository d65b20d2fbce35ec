/** One grown CART tree as flat typed arrays (node 0 is the root), and its traversal. */

export interface DecisionTree {
  nodeCount: number;
  /** Feature tested at an internal node; -1 at a leaf. */
  feature: Int32Array;
  /** A row goes left when `value <= threshold` (float32, as ONNX BRANCH_LEQ compares). */
  threshold: Float32Array;
  left: Int32Array;
  right: Int32Array;
  /** Weighted class distribution per node, `value[node * nClasses + c]`, summing to 1. */
  value: Float32Array;
}

/** Node id of the leaf that row `row` of the row-major `data` (`cols` wide) falls into. */
export function leafOf(tree: DecisionTree, data: Float32Array, row: number, cols: number): number {
  const { feature, threshold, left, right } = tree;
  const offset = row * cols;
  let node = 0;
  for (let f = feature[0]!; f >= 0; f = feature[node]!)
    node = data[offset + f]! <= threshold[node]! ? left[node]! : right[node]!;
  return node;
}

/** Depth of the deepest leaf (a lone root has depth 0). */
export function treeDepth(tree: DecisionTree): number {
  const depth = new Int32Array(tree.nodeCount);
  let deepest = 0;
  // Children always have larger ids than their parent.
  for (let node = 0; node < tree.nodeCount; node++) {
    if (tree.feature[node]! < 0) {
      deepest = Math.max(deepest, depth[node]!);
      continue;
    }
    depth[tree.left[node]!] = depth[node]! + 1;
    depth[tree.right[node]!] = depth[node]! + 1;
  }
  return deepest;
}
