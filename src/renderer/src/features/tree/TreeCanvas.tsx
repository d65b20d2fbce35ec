/** The tree drawn on a canvas: zoom with the wheel or the buttons, drag to pan, hover, click. */
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { TreeView } from '../../../../shared/tree-types';
import { useElementWidth } from '../../hooks/useElementWidth';
import { drawScene, hitTest, type Highlight } from './tree-render';
import type { TreeScene } from './tree-scene';
import type { TreeViewport } from './useTreeViewport';
import { useTreeViewport } from './useTreeViewport';

export const CANVAS_HEIGHT = 640;

type Hover = { kind: 'placed' | 'node'; index: number; x: number; y: number } | null;

function Tooltip({ view, hover }: { view: TreeView; hover: NonNullable<Hover> }) {
  const style = { left: hover.x + 14, top: hover.y + 10 };
  if (hover.kind === 'placed') {
    const p = view.placed[hover.index]!;
    return (
      <div className="tree-tooltip" style={style} role="tooltip">
        <strong>{p.seqId}</strong>
        <div>
          Tree clade {p.clade || '—'} · model {p.label ?? 'unassigned'}
        </div>
        <div>on {view.names[p.node]}</div>
        <div className="muted">
          {p.privateMutations.length === 0
            ? 'No private mutations'
            : `Private: ${p.privateMutations.slice(0, 12).join(' ')}${p.privateMutations.length > 12 ? ' …' : ''}`}
        </div>
      </div>
    );
  }
  const mutations = view.mutations[hover.index]!;
  return (
    <div className="tree-tooltip" style={style} role="tooltip">
      <strong>{view.names[hover.index]}</strong>
      <div>Clade {view.clades[view.clade[hover.index]!] || '—'}</div>
      <div className="muted">
        {mutations.length === 0
          ? 'No branch mutations'
          : `Branch: ${mutations.slice(0, 12).join(' ')}${mutations.length > 12 ? ' …' : ''}`}
      </div>
    </div>
  );
}

/** Redraws whenever the scene, the transform or the highlight change (device-pixel sharp). */
function useDraw(scene: TreeScene, viewport: TreeViewport, width: number, highlight: Highlight) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = canvas.current;
    const ctx = element?.getContext('2d');
    if (!element || !ctx || width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    element.width = Math.round(width * ratio);
    element.height = Math.round(CANVAS_HEIGHT * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, CANVAS_HEIGHT);
    drawScene(ctx, scene, viewport.transform, highlight);
  }, [scene, viewport.transform, width, highlight]);
  // A non-passive wheel listener, so zooming does not scroll the page.
  const { zoom } = viewport;
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = element.getBoundingClientRect();
      zoom(event.deltaY < 0 ? 1.2 : 1 / 1.2, event.clientX - box.left, event.clientY - box.top);
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [zoom]);
  return canvas;
}

interface TreeCanvasProps {
  view: TreeView;
  scene: TreeScene;
  highlight: Highlight;
  onSelect(placed: number | null): void;
  /** Set by the page to centre on a search match. */
  viewportRef?: (viewport: TreeViewport) => void;
}

export function TreeCanvas({ view, scene, highlight, onSelect, viewportRef }: TreeCanvasProps) {
  const [box, width] = useElementWidth<HTMLDivElement>(900);
  const viewport = useTreeViewport(scene, width, CANVAS_HEIGHT);
  const canvas = useDraw(scene, viewport, width, highlight);
  const [hover, setHover] = useState<Hover>(null);
  useEffect(() => {
    viewportRef?.(viewport);
  }, [viewport, viewportRef]);
  const at = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  return (
    <div className="tree-canvas-box" ref={box}>
      <div className="tree-zoom" role="group" aria-label="Zoom">
        <button type="button" className="button button-small" onClick={() => viewport.zoom(1.5)}>
          Zoom in
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => viewport.zoom(1 / 1.5)}
        >
          Zoom out
        </button>
        <button type="button" className="button button-small" onClick={viewport.fit}>
          Fit
        </button>
      </div>
      <canvas
        ref={canvas}
        className="tree-canvas"
        style={{ width, height: CANVAS_HEIGHT }}
        aria-label={`Reference tree of ${view.pathogenId}: ${view.names.length.toLocaleString()} nodes, ${view.placed.length.toLocaleString()} sequences placed`}
        role="img"
        onPointerDown={viewport.handlers.onPointerDown}
        onPointerMove={(event) => {
          if (viewport.handlers.onPointerMove(event)) return setHover(null);
          const { x, y } = at(event);
          const hit = hitTest(scene, viewport.transform, x, y);
          setHover(hit ? { ...hit, x, y } : null);
        }}
        onPointerLeave={() => setHover(null)}
        onPointerUp={(event) => {
          if (viewport.handlers.onPointerUp(event)) return;
          const { x, y } = at(event);
          const hit = hitTest(scene, viewport.transform, x, y);
          onSelect(hit?.kind === 'placed' ? hit.index : null);
        }}
      />
      {hover && <Tooltip view={view} hover={hover} />}
    </div>
  );
}
