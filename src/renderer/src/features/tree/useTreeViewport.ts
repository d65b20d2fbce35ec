/** Zoom (wheel, buttons) and pan (drag) of the tree canvas, fitted to the scene at first. */
import { useCallback, useRef, useState, type PointerEvent } from 'react';
import { fitTransform, type TreeScene, type ViewTransform } from './tree-scene';

export interface TreeViewport {
  transform: ViewTransform;
  zoom(factor: number, atX?: number, atY?: number): void;
  fit(): void;
  /** Centres a layout point at the current zoom (or zooms in to `minScale`). */
  centre(x: number, y: number, minScale?: number): void;
  handlers: {
    onPointerDown(event: PointerEvent<HTMLCanvasElement>): void;
    onPointerMove(event: PointerEvent<HTMLCanvasElement>): boolean;
    onPointerUp(event: PointerEvent<HTMLCanvasElement>): boolean;
  };
}

interface Fitted {
  scene: TreeScene | null;
  width: number;
  height: number;
  transform: ViewTransform;
}

/** The transform, fitted again whenever the scene or the canvas size changes. */
function useFittedTransform(scene: TreeScene | null, width: number, height: number) {
  const fitted = (): ViewTransform =>
    scene && width > 0 ? fitTransform(scene, width, height) : { scale: 1, tx: 0, ty: 0 };
  const [state, setState] = useState<Fitted>(() => ({ scene, width, height, transform: fitted() }));
  const current = state.scene === scene && state.width === width && state.height === height;
  const transform = current ? state.transform : fitted();
  const update = (change: (t: ViewTransform) => ViewTransform): void =>
    setState((s) => {
      const base =
        s.scene === scene && s.width === width && s.height === height ? s.transform : fitted();
      return { scene, width, height, transform: change(base) };
    });
  return { transform, update, refit: () => update(() => fitted()) };
}

export function useTreeViewport(
  scene: TreeScene | null,
  width: number,
  height: number,
): TreeViewport {
  const { transform, update, refit } = useFittedTransform(scene, width, height);
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const zoom = useCallback(
    (factor: number, atX = width / 2, atY = height / 2) =>
      update((t) => ({
        scale: t.scale * factor,
        tx: atX - (atX - t.tx) * factor,
        ty: atY - (atY - t.ty) * factor,
      })),
    // `update` closes over the scene and size only
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [scene, width, height],
  );
  const centre = (x: number, y: number, minScale = 0) =>
    update((t) => {
      const scale = Math.max(t.scale, minScale);
      return { scale, tx: width / 2 - x * scale, ty: height / 2 - y * scale };
    });
  const handlers: TreeViewport['handlers'] = {
    onPointerDown(event) {
      drag.current = { x: event.clientX, y: event.clientY, moved: false };
      event.currentTarget.setPointerCapture(event.pointerId);
    },
    onPointerMove(event) {
      const start = drag.current;
      if (!start) return false;
      const dx = event.clientX - start.x;
      const dy = event.clientY - start.y;
      if (!start.moved && Math.hypot(dx, dy) < 3) return true;
      drag.current = { x: event.clientX, y: event.clientY, moved: true };
      update((t) => ({ ...t, tx: t.tx + dx, ty: t.ty + dy }));
      return true;
    },
    /** @returns whether the pointer dragged (so the release is no click) */
    onPointerUp() {
      const moved = drag.current?.moved ?? false;
      drag.current = null;
      return moved;
    },
  };
  return { transform, zoom, fit: refit, centre, handlers };
}
