/**
 * Which exchange is selected, and whether its detail is open. The selection is kept by key, not by row, so it
 * survives new batches and filter changes, and is dropped when its exchange is gone.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Row } from './rows';
import type { ImportedCapture } from './store';

export interface Selection {
  readonly key: number | null;
  /** The selected exchange's row, undefined when nothing is selected. */
  readonly row: Row | undefined;
  readonly open: boolean;
  /** Selects an exchange and opens its detail. */
  select(key: number): void;
  /** Closes the detail; the exchange stays selected. */
  close(): void;
}

/** `rows` is every row of the source, filtered or not; `source` changes identity when another log is shown. */
export function useSelection(rows: readonly Row[], source: ImportedCapture | null): Selection {
  const [key, setKey] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const row = key === null ? undefined : rows.find((r) => r.key === key);
  const clear = () => {
    setKey(null);
    setOpen(false);
  };

  // A new source (import, back to live, clear) starts with nothing selected.
  useEffect(clear, [source]);
  // The exchange left the log (cleared, or dropped to keep memory bounded).
  useEffect(() => {
    if (key !== null && !row) clear();
  }, [row, key]);

  const select = (k: number) => {
    setKey(k);
    setOpen(true);
  };
  return { key, row, open, select, close: () => setOpen(false) };
}
