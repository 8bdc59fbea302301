/**
 * Focus follows the detail: into it as it opens, back to the list as it closes, so the keyboard carries on
 * where the user is looking without a click.
 */
import type { RefObject } from 'preact';
import { useRef } from 'preact/hooks';
import type { Selection } from './use-selection';

export interface PaneFocus {
  readonly list: RefObject<HTMLDivElement | null>;
  readonly detail: RefObject<HTMLDivElement | null>;
  /** Selects an exchange, opens its detail and focuses it. */
  open(key: number): void;
  /** Closes the detail and focuses the list. */
  close(): void;
}

export function usePaneFocus(selection: Pick<Selection, 'select' | 'close'>): PaneFocus {
  const list = useRef<HTMLDivElement>(null);
  const detail = useRef<HTMLDivElement>(null);
  const open = (key: number) => {
    selection.select(key);
    // The detail is rendered by that state change: its body is in the DOM only by the next frame.
    requestAnimationFrame(() => detail.current?.querySelector<HTMLElement>('.detail-body')?.focus());
  };
  const close = () => {
    selection.close();
    // The list is always rendered, so it takes focus now, before the detail is gone.
    list.current?.querySelector<HTMLElement>('.list')?.focus();
  };
  return { list, detail, open, close };
}
