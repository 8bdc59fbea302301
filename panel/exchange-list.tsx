/**
 * The exchange list: one row per CORS exchange, as a grid the keyboard can walk. Only a window of the rows is
 * in the DOM once the list is long (use-virtual-rows.ts).
 */
import { ExchangeRow } from './exchange-row';
import { listKeyAction } from './list-keys';
import type { Row } from './rows';
import { useRevealRow } from './use-reveal-row';
import { pageRows, ROW_HEIGHT, useVirtualRows } from './use-virtual-rows';

// Still exported from here, where the row height has always been imported from.
export { ROW_HEIGHT };

interface Props {
  rows: readonly Row[];
  selectedKey: number | null;
  onSelect(key: number): void;
  onOpen(key: number): void;
  emptyText: string;
}

export function ExchangeList({ rows, selectedKey, onSelect, onOpen, emptyText }: Props) {
  const view = useVirtualRows(rows.length);
  const selectedIndex = selectedKey === null ? -1 : rows.findIndex((r) => r.key === selectedKey);
  useRevealRow(view.scroller, selectedIndex);

  const onKeyDown = (e: KeyboardEvent) => {
    const action = listKeyAction(e.key, selectedIndex, rows.length, pageRows(view.height));
    if (!action) return;
    e.preventDefault();
    if (action !== 'open') {
      const r = rows[action.move];
      if (r) onSelect(r.key);
    } else if (selectedKey !== null) {
      // The selection may be filtered out of view; Enter still opens it.
      onOpen(selectedKey);
    }
  };

  return (
    <div
      class="list"
      ref={view.scroller}
      role="grid"
      aria-label="CORS exchanges"
      aria-rowcount={rows.length + 1}
      aria-activedescendant={selectedIndex >= 0 ? `row-${selectedKey}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={view.onScroll}
      data-rows={rows.length}
    >
      <ListHead />
      {rows.length === 0 ? (
        <div class="empty" role="row">
          <span role="gridcell">{emptyText}</span>
        </div>
      ) : (
        <div class="rows" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
          {rows.slice(view.first, view.last).map((r, i) => (
            // Keyed by slot, not by exchange: a filter change patches the rows in place instead of replacing them.
            <ExchangeRow key={view.first + i} row={r} index={view.first + i} selected={r.key === selectedKey} onSelect={onSelect} onOpen={onOpen} />
          ))}
        </div>
      )}
    </div>
  );
}

function ListHead() {
  return (
    <div class="row head" role="row" aria-rowindex={1}>
      <span role="columnheader">Verdict</span>
      <span role="columnheader">Method</span>
      <span role="columnheader">Path</span>
      <span role="columnheader">Target</span>
      <span role="columnheader">Status</span>
      <span role="columnheader">Problem</span>
    </div>
  );
}
