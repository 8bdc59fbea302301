/**
 * The exchange list: one row per CORS exchange. Only the rows in view (plus a margin) are in the DOM once the
 * list is long, so 10,000 exchanges cost the same to paint as 40. Short lists render every row, which keeps
 * them readable by anything scripting the panel without scrolling. Rows carry data-verdict, data-code,
 * data-method and data-url for tests and scripts.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { displayValue } from './headers-table';
import type { Row } from './rows';
import { VerdictBadge } from './verdict-badge';

export const ROW_HEIGHT = 22;
/** Up to this many rows, all are rendered. */
const RENDER_ALL_BELOW = 500;
const OVERSCAN = 12;

interface Props {
  rows: readonly Row[];
  selectedKey: number | null;
  onSelect(key: number): void;
  onOpen(key: number): void;
  emptyText: string;
}

export function ExchangeList({ rows, selectedKey, onSelect, onOpen, emptyText }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const selectedIndex = selectedKey === null ? -1 : rows.findIndex((r) => r.key === selectedKey);

  // Keep the selected row in view when the keyboard moves it.
  useEffect(() => {
    const el = scroller.current;
    if (!el || selectedIndex < 0) return;
    const top = selectedIndex * ROW_HEIGHT;
    const headerH = ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight - headerH) el.scrollTop = top + ROW_HEIGHT - el.clientHeight + headerH;
  }, [selectedIndex]);

  const all = rows.length <= RENDER_ALL_BELOW;
  const first = all ? 0 : Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = all ? rows.length : Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);

  const move = (to: number) => {
    const r = rows[Math.max(0, Math.min(rows.length - 1, to))];
    if (r) onSelect(r.key);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const at = selectedIndex;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(at + 1),
      ArrowUp: () => move(at < 0 ? 0 : at - 1),
      PageDown: () => move(at + page),
      PageUp: () => move(at - page),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      Enter: () => selectedKey !== null && onOpen(selectedKey),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  const visible = rows.slice(first, last);
  return (
    <div
      class="list"
      ref={scroller}
      role="grid"
      aria-label="CORS exchanges"
      aria-rowcount={rows.length + 1}
      aria-activedescendant={selectedIndex >= 0 ? `row-${selectedKey}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      data-rows={rows.length}
    >
      <div class="row head" role="row" aria-rowindex={1}>
        <span role="columnheader">Verdict</span>
        <span role="columnheader">Method</span>
        <span role="columnheader">Path</span>
        <span role="columnheader">Target</span>
        <span role="columnheader">Status</span>
        <span role="columnheader">Problem</span>
      </div>
      {rows.length === 0 ? (
        <div class="empty" role="row">
          <span role="gridcell">{emptyText}</span>
        </div>
      ) : (
        <div class="rows" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
          {visible.map((r, i) => (
            <div
              // Keyed by slot, not by exchange: a filter change patches the rows in place instead of replacing them.
              key={first + i}
              id={`row-${r.key}`}
              class={`row v-${r.verdict}${r.key === selectedKey ? ' selected' : ''}${r.hasWarnings ? ' warn' : ''}`}
              style={{ top: `${(first + i) * ROW_HEIGHT}px` }}
              role="row"
              aria-rowindex={first + i + 2}
              aria-selected={r.key === selectedKey}
              data-verdict={r.verdict}
              data-code={r.code}
              data-method={r.method}
              data-url={r.url}
              onClick={() => onSelect(r.key)}
              onDblClick={() => onOpen(r.key)}
            >
              <span role="gridcell">
                <VerdictBadge verdict={r.verdict} warnings={r.hasWarnings} />
              </span>
              <span role="gridcell" class="mono">{displayValue(r.method)}</span>
              <span role="gridcell" class="mono ellipsis" title={r.url}>{displayValue(r.path)}</span>
              <span role="gridcell" class="ellipsis">{r.target}</span>
              <span role="gridcell" class="mono">{r.status}</span>
              <span role="gridcell" class="ellipsis problem" title={r.summary}>{r.summary}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
