/**
 * Layouts of a reference tree: rectangular (x = divergence, y = tip order) and radial (angle
 * from the tip order, radius from divergence), in layout units that the view scales.
 */
import type { TreeView } from '../../../../shared/tree-types';

export type TreeShape = 'rectangular' | 'radial';

export interface TreeLayout {
  shape: TreeShape;
  /** Node positions, layout units. */
  x: Float64Array;
  y: Float64Array;
  /** Rectangular only: each internal node's vertical line, from its first child's y to its last's. */
  spanFrom: Float64Array;
  spanTo: Float64Array;
  /** The extent of all nodes. */
  bounds: { minX: number; maxX: number; minY: number; maxY: number };
  tips: number;
}

/** Children lists, in pre-order of the view (a parent's children keep the tree's order). */
export function childrenOf(view: Pick<TreeView, 'parent'>): number[][] {
  const children: number[][] = view.parent.map(() => []);
  view.parent.forEach((p, node) => {
    if (p >= 0) children[p]!.push(node);
  });
  return children;
}

/** Tips get consecutive rows; an internal node sits midway between its first and last child. */
function rows(view: TreeView, children: number[][]) {
  const n = view.parent.length;
  const row = new Float64Array(n);
  const from = new Float64Array(n);
  const to = new Float64Array(n);
  let tips = 0;
  // Pre-order visits tips in drawing order; parents are finished in reverse pre-order.
  for (let node = 0; node < n; node++) if (children[node]!.length === 0) row[node] = tips++;
  for (let node = n - 1; node >= 0; node--) {
    const kids = children[node]!;
    if (kids.length === 0) continue;
    from[node] = row[kids[0]!]!;
    to[node] = row[kids[kids.length - 1]!]!;
    row[node] = (from[node]! + to[node]!) / 2;
  }
  return { row, from, to, tips: Math.max(1, tips) };
}

function boundsOf(x: Float64Array, y: Float64Array): TreeLayout['bounds'] {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < x.length; i++) {
    minX = Math.min(minX, x[i]!);
    maxX = Math.max(maxX, x[i]!);
    minY = Math.min(minY, y[i]!);
    maxY = Math.max(maxY, y[i]!);
  }
  return { minX, maxX, minY, maxY };
}

/** Tips' pre-order rows in tree order, every depth in one pass (no recursion). */
export function layoutTree(view: TreeView, shape: TreeShape): TreeLayout {
  const children = childrenOf(view);
  const { row, from, to, tips } = rows(view, children);
  const div = Float64Array.from(view.div);
  if (shape === 'rectangular') {
    // One row is one unit; divergence is stretched to a little more than the tips' height
    // (the canvas is wider than tall).
    const depth = Math.max(1, ...view.div);
    const scale = (1.3 * tips) / depth;
    const x = div.map((d) => d * scale);
    return { shape, x, y: row, spanFrom: from, spanTo: to, bounds: boundsOf(x, row), tips };
  }
  const maxDiv = Math.max(1, ...view.div);
  const x = new Float64Array(row.length);
  const y = new Float64Array(row.length);
  for (let node = 0; node < row.length; node++) {
    const angle = (row[node]! / tips) * 2 * Math.PI * 0.97;
    const radius = (div[node]! / maxDiv) * tips * 0.5;
    x[node] = radius * Math.cos(angle);
    y[node] = radius * Math.sin(angle);
  }
  return { shape, x, y, spanFrom: from, spanTo: to, bounds: boundsOf(x, y), tips };
}

/** The angle of a radial node (for arcs): its row's angle. */
export function radialAngle(layout: TreeLayout, rowValue: number): number {
  return (rowValue / layout.tips) * 2 * Math.PI * 0.97;
}
