/**
 * The window of rows the exchange list puts in the DOM. Short lists render every row, which keeps them readable
 * by anything scripting the panel without scrolling; long ones only the rows in view plus a margin, so 10,000
 * exchanges cost the same to paint as 40.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export const ROW_HEIGHT = 22;
/** Up to this many rows, all are rendered. */
const RENDER_ALL_BELOW = 500;
const OVERSCAN = 12;
/** Before the first measurement: a guess that errs towards rendering a few rows too many. */
const INITIAL_HEIGHT = 600;

export interface RowWindow {
  /** Index of the first row rendered. */
  readonly first: number;
  /** Index one past the last row rendered. */
  readonly last: number;
}

export function visibleRange(count: number, scrollTop: number, height: number): RowWindow {
  if (count <= RENDER_ALL_BELOW) return { first: 0, last: count };
  return {
    first: Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN),
    last: Math.min(count, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN),
  };
}

/** Rows a PageUp/PageDown moves by: a screenful less one, so the row left behind stays in sight. */
export function pageRows(height: number): number {
  return Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
}

export interface VirtualRows extends RowWindow {
  readonly scroller: RefObject<HTMLDivElement | null>;
  /** The scroller's height in CSS pixels, as last measured. */
  readonly height: number;
  onScroll(e: Event): void;
}

export function useVirtualRows(count: number): VirtualRows {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(INITIAL_HEIGHT);

  // Measured before paint, so the first frame of a long list already shows the right rows.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const onScroll = (e: Event) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop);
  return { ...visibleRange(count, scrollTop, height), scroller, height, onScroll };
}
