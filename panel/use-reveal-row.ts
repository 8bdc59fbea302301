/** Keeps the selected row in view when the keyboard moves the selection past the edge of the list. */
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import { ROW_HEIGHT } from './use-virtual-rows';

/** The sticky header row covers the top of the scroller. */
const HEADER_HEIGHT = ROW_HEIGHT;

/** The scrollTop that brings row `index` fully into view, or null when it already is. */
export function revealScrollTop(index: number, scrollTop: number, clientHeight: number): number | null {
  const top = index * ROW_HEIGHT;
  if (top < scrollTop) return top;
  if (top + ROW_HEIGHT > scrollTop + clientHeight - HEADER_HEIGHT) return top + ROW_HEIGHT - clientHeight + HEADER_HEIGHT;
  return null;
}

export function useRevealRow(scroller: RefObject<HTMLElement | null>, index: number): void {
  useEffect(() => {
    const el = scroller.current;
    if (!el || index < 0) return;
    const to = revealScrollTop(index, el.scrollTop, el.clientHeight);
    if (to !== null) el.scrollTop = to;
  }, [index]);
}
