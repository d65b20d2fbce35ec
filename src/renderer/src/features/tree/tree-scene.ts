/**
 * What the Tree page draws, as geometry in layout units: branch segments grouped by colour,
 * and the run's placed sequences as markers beside their nodes. The canvas view and the SVG
 * and PNG exports draw the same scene.
 */
import type { TreeView } from '../../../../shared/tree-types';
import { valueColor } from '../clusters/cluster-colors';
import { layoutTree, type TreeLayout, type TreeShape } from './tree-layout';

export const PLACED_COLOR = '#111827';
export const MATCH_COLOR = '#f5b400';

export interface Marker {
  /** Index into the view's `placed`. */
  placed: number;
  x: number;
  y: number;
}

export interface TreeScene {
  layout: TreeLayout;
  /** Flat x1, y1, x2, y2 of each branch segment, per colour. */
  segments: Map<string, number[]>;
  markers: Marker[];
  colorOf: (clade: number) => string;
}

/** Clades coloured by how many nodes they have (the largest first), as the plots colour values. */
export function cladeColors(view: TreeView): (clade: number) => string {
  const counts = new Map<number, number>();
  for (const c of view.clade) counts.set(c, (counts.get(c) ?? 0) + 1);
  const rank = new Map(
    [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([clade], i) => [clade, i] as const),
  );
  return (clade) => (view.clades[clade] === '' ? '#9aa3ad' : valueColor(rank.get(clade) ?? 0));
}

function push(map: Map<string, number[]>, color: string, ...xy: number[]): void {
  let list = map.get(color);
  if (!list) map.set(color, (list = []));
  list.push(...xy);
}

function branchSegments(view: TreeView, layout: TreeLayout, colorOf: (clade: number) => string) {
  const segments = new Map<string, number[]>();
  const { x, y, spanFrom, spanTo } = layout;
  view.parent.forEach((p, node) => {
    const color = colorOf(view.clade[node]!);
    if (layout.shape === 'rectangular') {
      if (p >= 0) push(segments, color, x[p]!, y[node]!, x[node]!, y[node]!);
      if (spanFrom[node] !== spanTo[node])
        push(segments, color, x[node]!, spanFrom[node]!, x[node]!, spanTo[node]!);
    } else if (p >= 0) push(segments, color, x[p]!, y[p]!, x[node]!, y[node]!);
  });
  return segments;
}

/** Sequences sit beside their node, one step apart, outwards (right, or away from the root). */
function placedMarkers(view: TreeView, layout: TreeLayout): Marker[] {
  const step = Math.max(layout.tips / 400, 0.5);
  const seen = new Map<number, number>();
  return view.placed.map((p, placed) => {
    const k = (seen.get(p.node) ?? 0) + 1;
    seen.set(p.node, k);
    const nx = layout.x[p.node]!;
    const ny = layout.y[p.node]!;
    if (layout.shape === 'rectangular') return { placed, x: nx + k * step, y: ny };
    const length = Math.hypot(nx, ny) || 1;
    return { placed, x: nx + (nx / length) * k * step, y: ny + (ny / length) * k * step };
  });
}

export function buildScene(view: TreeView, shape: TreeShape): TreeScene {
  const layout = layoutTree(view, shape);
  const colorOf = cladeColors(view);
  return {
    layout,
    segments: branchSegments(view, layout, colorOf),
    markers: placedMarkers(view, layout),
    colorOf,
  };
}

/** Screen = layout * scale + offset. */
export interface ViewTransform {
  scale: number;
  tx: number;
  ty: number;
}

/** The transform that fits the whole scene in a width x height box with a margin. */
export function fitTransform(scene: TreeScene, width: number, height: number): ViewTransform {
  const { minX, maxX, minY, maxY } = scene.layout.bounds;
  const margin = 24;
  const extra = scene.layout.tips / 100; // room for the markers beside the tips
  const w = Math.max(maxX - minX + extra, 1e-9);
  const h = Math.max(maxY - minY, 1e-9);
  const scale = Math.min((width - 2 * margin) / w, (height - 2 * margin) / h);
  return {
    scale,
    tx: margin - minX * scale + (width - 2 * margin - w * scale) / 2,
    ty: margin - minY * scale + (height - 2 * margin - h * scale) / 2,
  };
}
