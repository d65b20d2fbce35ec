/** Draws a tree scene on a canvas, and writes it as SVG or PNG for export. */
import { MATCH_COLOR, PLACED_COLOR, type TreeScene, type ViewTransform } from './tree-scene';

export interface Highlight {
  /** Nodes and placed sequences that the search matches. */
  nodes: ReadonlySet<number>;
  placed: ReadonlySet<number>;
  /** The placed sequence chosen (click), or null. */
  selected: number | null;
}

export const NO_HIGHLIGHT: Highlight = { nodes: new Set(), placed: new Set(), selected: null };
const MARKER_RADIUS = 3.5;

function drawBranches(ctx: CanvasRenderingContext2D, scene: TreeScene, t: ViewTransform): void {
  ctx.lineWidth = 1;
  for (const [color, xy] of scene.segments) {
    ctx.strokeStyle = color;
    ctx.beginPath();
    for (let i = 0; i < xy.length; i += 4) {
      ctx.moveTo(xy[i]! * t.scale + t.tx, xy[i + 1]! * t.scale + t.ty);
      ctx.lineTo(xy[i + 2]! * t.scale + t.tx, xy[i + 3]! * t.scale + t.ty);
    }
    ctx.stroke();
  }
}

function circle(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.moveTo(x + r, y);
  ctx.arc(x, y, r, 0, 2 * Math.PI);
}

function drawMatches(
  ctx: CanvasRenderingContext2D,
  scene: TreeScene,
  t: ViewTransform,
  h: Highlight,
) {
  if (h.nodes.size === 0) return;
  ctx.strokeStyle = MATCH_COLOR;
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (const node of h.nodes)
    circle(ctx, scene.layout.x[node]! * t.scale + t.tx, scene.layout.y[node]! * t.scale + t.ty, 5);
  ctx.stroke();
}

/** Branches, then search matches, then the placed sequences (chosen and matched ones ringed). */
export function drawScene(
  ctx: CanvasRenderingContext2D,
  scene: TreeScene,
  t: ViewTransform,
  highlight: Highlight = NO_HIGHLIGHT,
): void {
  drawBranches(ctx, scene, t);
  drawMatches(ctx, scene, t, highlight);
  ctx.fillStyle = PLACED_COLOR;
  ctx.beginPath();
  for (const m of scene.markers)
    circle(ctx, m.x * t.scale + t.tx, m.y * t.scale + t.ty, MARKER_RADIUS);
  ctx.fill();
  const rings = scene.markers.filter(
    (m) => highlight.placed.has(m.placed) || highlight.selected === m.placed,
  );
  if (rings.length === 0) return;
  ctx.strokeStyle = MATCH_COLOR;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  for (const m of rings) circle(ctx, m.x * t.scale + t.tx, m.y * t.scale + t.ty, MARKER_RADIUS + 3);
  ctx.stroke();
}

const round = (v: number): string => (Math.round(v * 10) / 10).toString();

/** The scene as a standalone SVG document of the given size (fitted by `t`). */
export function sceneSvg(
  scene: TreeScene,
  t: ViewTransform,
  width: number,
  height: number,
): string {
  const paths = [...scene.segments].map(([color, xy]) => {
    const d: string[] = [];
    for (let i = 0; i < xy.length; i += 4)
      d.push(
        `M${round(xy[i]! * t.scale + t.tx)} ${round(xy[i + 1]! * t.scale + t.ty)}` +
          `L${round(xy[i + 2]! * t.scale + t.tx)} ${round(xy[i + 3]! * t.scale + t.ty)}`,
      );
    return `<path stroke="${color}" d="${d.join('')}"/>`;
  });
  const markers = scene.markers.map(
    (m) =>
      `<circle cx="${round(m.x * t.scale + t.tx)}" cy="${round(m.y * t.scale + t.ty)}" r="${MARKER_RADIUS}"/>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g fill="none" stroke-width="1">${paths.join('')}</g>`,
    `<g fill="${PLACED_COLOR}">${markers.join('')}</g>`,
    '</svg>',
    '',
  ].join('\n');
}

/** The scene drawn on an offscreen canvas of the given size, as PNG bytes. */
export function scenePng(
  scene: TreeScene,
  t: ViewTransform,
  width: number,
  height: number,
): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('no 2D canvas'));
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  drawScene(ctx, scene, t);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
      'image/png',
    ),
  );
}

/** The marker or node nearest a screen point within `radius` pixels, markers first. */
export function hitTest(
  scene: TreeScene,
  t: ViewTransform,
  sx: number,
  sy: number,
  radius = 6,
): { kind: 'placed'; index: number } | { kind: 'node'; index: number } | null {
  let best: { kind: 'placed' | 'node'; index: number; d: number } | null = null;
  for (const m of scene.markers) {
    const d = Math.hypot(m.x * t.scale + t.tx - sx, m.y * t.scale + t.ty - sy);
    if (d <= radius && (!best || d < best.d)) best = { kind: 'placed', index: m.placed, d };
  }
  if (best) return { kind: 'placed', index: best.index };
  const { x, y } = scene.layout;
  for (let node = 0; node < x.length; node++) {
    const d = Math.hypot(x[node]! * t.scale + t.tx - sx, y[node]! * t.scale + t.ty - sy);
    if (d <= radius && (!best || d < best.d)) best = { kind: 'node', index: node, d };
  }
  return best ? ({ kind: best.kind, index: best.index } as const) : null;
}
