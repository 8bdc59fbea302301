/**
 * The panel: toolbar, exchange list and detail side by side. State lives in the capture store (exchanges) and
 * here (filter, selection, split); rows and counts are derived, never stored.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Detail } from './detail';
import { ExchangeList } from './exchange-list';
import { applyFilter, countRows, DEFAULT_FILTER, type Filter, rowOf } from './rows';
import type { CaptureStore, StoreState } from './store';
import { savedSplit, Splitter } from './splitter';
import { Toolbar } from './toolbar';

export function App({ store, live }: { store: CaptureStore; live: boolean }) {
  const [state, setState] = useState<StoreState>(store.current);
  const [filter, setFilter] = useState<Filter>(DEFAULT_FILTER);
  const [selected, setSelected] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const [split, setSplit] = useState(savedSplit);
  const [dragging, setDragging] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const detail = useRef<HTMLDivElement>(null);

  useEffect(() => store.subscribe(setState), [store]);

  const exchanges = state.imported ? state.imported.analysis.exchanges : state.live.exchanges;
  const allRows = useMemo(() => exchanges.map(rowOf), [exchanges]);
  const counts = useMemo(() => countRows(allRows), [allRows]);
  const rows = useMemo(() => applyFilter(allRows, filter), [allRows, filter]);
  const selectedRow = selected === null ? undefined : allRows.find((r) => r.key === selected);

  // A new source (import, back to live, clear) starts with nothing selected.
  useEffect(() => {
    setSelected(null);
    setOpen(false);
  }, [state.imported]);
  useEffect(() => {
    if (selected !== null && !selectedRow) {
      setSelected(null);
      setOpen(false);
    }
  }, [selectedRow, selected]);

  const select = (key: number) => {
    setSelected(key);
    setOpen(true);
  };
  const openDetail = (key: number) => {
    setSelected(key);
    setOpen(true);
    requestAnimationFrame(() => detail.current?.querySelector<HTMLElement>('.detail-body')?.focus());
  };
  const close = () => {
    setOpen(false);
    list.current?.querySelector<HTMLElement>('.list')?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      close();
    } else if ((e.key === 'f' && (e.ctrlKey || e.metaKey)) || (e.key === '/' && !(e.target instanceof HTMLInputElement))) {
      e.preventDefault();
      search.current?.focus();
    }
  };

  const readFile = async (file: File) => store.importText(file.name, await file.text());
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer?.files?.[0];
    if (f) void readFile(f);
  };

  const emptyText = state.imported
    ? 'No exchange matches in this file.'
    : exchanges.length === 0
      ? live
        ? 'Waiting for cross-origin requests. Reload the page to capture it from the start, or import a HAR file.'
        : 'Not running inside DevTools: import a HAR file (or drop one here) to analyse it.'
      : 'No exchange matches the filter.';

  return (
    <div
      class={`app${dragging ? ' dragging' : ''}`}
      onKeyDown={onKeyDown}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.target === e.currentTarget) setDragging(false);
      }}
      onDrop={onDrop}
      data-ready="true"
      data-source={state.imported ? 'import' : 'live'}
      data-total={exchanges.length}
    >
      <Toolbar
        filter={filter}
        onFilter={setFilter}
        counts={counts}
        shown={rows.length}
        preserveLog={state.preserveLog}
        onPreserveLog={(on) => store.setPreserveLog(on)}
        onClear={() => store.clear()}
        onImport={(f) => void readFile(f)}
        importing={state.imported?.name ?? null}
        onCloseImport={() => store.closeImport()}
        searchRef={search}
      />
      {state.notice ? (
        <div class="notice" role="alert">
          <span>{state.notice}</span>
          <button type="button" onClick={() => store.dismissNotice()} aria-label="Dismiss">✕</button>
        </div>
      ) : null}
      {!state.imported && state.live.droppedExchanges > 0 ? (
        <div class="notice info" role="status" data-dropped={state.live.droppedExchanges}>
          {state.live.droppedExchanges} older exchanges were dropped to keep memory bounded. Clear the log, or export a HAR from the Network panel to keep everything.
        </div>
      ) : null}
      <div class="main">
        <div class="pane list-pane" ref={list} style={{ flexBasis: open && selectedRow ? `${split * 100}%` : '100%' }}>
          <ExchangeList rows={rows} selectedKey={selected} onSelect={select} onOpen={openDetail} emptyText={emptyText} />
        </div>
        {open && selectedRow ? (
          <>
            <Splitter value={split} onChange={setSplit} />
            <div class="pane detail-pane" ref={detail}>
              <Detail key={selectedRow.key} x={selectedRow.x} onClose={close} />
            </div>
          </>
        ) : null}
      </div>
      {dragging ? <div class="drop-hint" aria-hidden="true">Drop a .har file to analyse it</div> : null}
    </div>
  );
}
