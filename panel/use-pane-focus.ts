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
  // Bumped by every open and close: a focus deferred to the next frame is dropped if a close came in between
  // (Enter then Escape within one frame used to focus the closing detail, and leave focus nowhere).
  const generation = useRef(0);
  const open = (key: number) => {
    selection.select(key);
    const mine = ++generation.current;
    // The detail is rendered by that state change: its body is in the DOM only by the next frame.
    requestAnimationFrame(() => {
      if (generation.current === mine) detail.current?.querySelector<HTMLElement>('.detail-body')?.focus();
    });
  };
  const close = () => {
    generation.current++;
    selection.close();
    // The list is always rendered, so it takes focus now, before the detail is gone.
    list.current?.querySelector<HTMLElement>('.list')?.focus();
  };
  return { list, detail, open, close };
}
