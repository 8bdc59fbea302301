/** The whole panel as a drop target for a HAR file, with `dragging` true while a file is held over it. */
import { useState } from 'preact/hooks';

export interface FileDrop {
  readonly dragging: boolean;
  onDragOver(e: DragEvent): void;
  onDragLeave(e: DragEvent): void;
  onDrop(e: DragEvent): void;
}

export function useFileDrop(onFile: (file: File) => void): FileDrop {
  const [dragging, setDragging] = useState(false);
  return {
    dragging,
    onDragOver: (e) => {
      // Without this the browser refuses the drop (and would open the file in place of the panel).
      e.preventDefault();
      setDragging(true);
    },
    onDragLeave: (e) => {
      // dragleave bubbles up from every child the file passes over: only the panel's own means it left.
      if (e.target === e.currentTarget) setDragging(false);
    },
    onDrop: (e) => {
      e.preventDefault();
      setDragging(false);
      const f = e.dataTransfer?.files?.[0];
      if (f) onFile(f);
    },
  };
}
