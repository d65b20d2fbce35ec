import { useEffect, useRef, type ReactNode } from 'react';

/** A button that opens the export choices; a click outside or Escape closes it. */
export function ExportMenu({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const close = (event: Event) => {
      const menu = ref.current;
      if (!menu?.open) return;
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !menu.contains(event.target as Node)
      ) {
        menu.open = false;
      }
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);

  return (
    <details ref={ref} className="menu">
      <summary className="button menu-button">Export</summary>
      <div className="menu-panel">{children}</div>
    </details>
  );
}
