import { useState, type DragEvent } from 'react';

/**
 * Dropping files on an element: whether files are over it, and the drag handlers to spread
 * on it. Nothing is taken while `disabled`; an empty drop is ignored.
 */
export function useFileDrop(onFiles: (files: File[]) => void, disabled?: boolean) {
  const [isOver, setIsOver] = useState(false);

  const onDragOver = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    setIsOver(true);
  };
  const onDragLeave = (event: DragEvent<HTMLElement>) => {
    // Leaving for a child is not leaving the zone.
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setIsOver(false);
  };
  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setIsOver(false);
    if (disabled) return;
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) onFiles(files);
  };

  return { isOver, handlers: { onDragEnter: onDragOver, onDragOver, onDragLeave, onDrop } };
}
