/**
 * The panel: toolbar, exchange list and detail side by side. State lives in the capture store (exchanges) and
 * here (filter, selection, split); rows and counts are derived, never stored.
 */
import { useEffect, useState } from 'preact/hooks';
import { emptyListText } from './empty-list-text';
import { ExchangeList } from './exchange-list';
import { lazy } from './lazy';
import { Notices } from './notices';
import { DEFAULT_FILTER, type Filter, rowOf } from './rows';
import { savedSplit } from './splitter';
import type { CaptureStore } from './store';
import { Toolbar, type View } from './toolbar';
import { useFileDrop } from './use-file-drop';
import { useListRows } from './use-list-rows';
import { usePaneFocus } from './use-pane-focus';
import { usePanelKeys } from './use-panel-keys';
import { useSelection } from './use-selection';
import { useStoreState } from './use-store-state';

const DetailPane = lazy(() => import('./detail-pane').then((m) => m.DetailPane), 'detail');
const PolicyView = lazy(() => import('./policy-view').then((m) => m.PolicyView), 'server policy view');

export function App({ store, live }: { store: CaptureStore; live: boolean }) {
  const state = useStoreState(store);
  const [filter, setFilter] = useState<Filter>(DEFAULT_FILTER);
  const [split, setSplit] = useState(savedSplit);
  const [view, setView] = useState<View>('requests');
  const exchanges = state.imported ? state.imported.analysis.exchanges : state.live.exchanges;
  const rows = useListRows(exchanges, filter);
  const selection = useSelection(rows.all, state.imported);
  const panes = usePaneFocus(selection);
  const keys = usePanelKeys(selection.open, panes.close);
  // Rows are built while the file is read, between pauses, rather than all at once when the list first shows it.
  const readFile = (file: File) => store.importFile(file.name, file, rowOf);
  const drop = useFileDrop((f) => void readFile(f));
  const shown = selection.open ? selection.row : undefined;
  // Once the list is up: the detail and the policy view are then ready before anyone opens them.
  useEffect(() => {
    const t = setTimeout(() => void Promise.all([DetailPane.preload(), PolicyView.preload()]), 0);
    return () => clearTimeout(t);
  }, []);

  return (
    <div
      class={`app${drop.dragging ? ' dragging' : ''}`}
      onKeyDown={keys.onKeyDown}
      onDragOver={drop.onDragOver}
      onDragLeave={drop.onDragLeave}
      onDrop={drop.onDrop}
      data-ready="true"
      data-source={state.imported ? 'import' : 'live'}
      data-total={exchanges.length}
      data-view={view}
    >
      <Toolbar
        view={view}
        onView={setView}
        filter={filter}
        onFilter={setFilter}
        counts={rows.counts}
        shown={rows.shown.length}
        preserveLog={state.preserveLog}
        onPreserveLog={(on) => store.setPreserveLog(on)}
        onClear={() => store.clear()}
        onImport={(f) => void readFile(f)}
        imported={state.imported?.name ?? null}
        reading={state.importing}
        onCancelImport={() => store.cancelImport()}
        unlisted={state.imported?.analysis.unlisted ?? 0}
        onCloseImport={() => store.closeImport()}
        searchRef={keys.search}
      />
      <Notices notice={state.notice} onDismiss={() => store.dismissNotice()} dropped={state.imported ? 0 : state.live.droppedExchanges} capture={state.imported?.analysis.capture ?? null} />
      {view === 'policy' ? (
        <div class="main policy-main">
          <PolicyView
            exchanges={exchanges}
            onOpen={(id) => {
              setView('requests');
              panes.open(id);
            }}
          />
        </div>
      ) : (
        <div class="main">
          <div class="pane list-pane" ref={panes.list} style={{ flexBasis: shown ? `${split * 100}%` : '100%' }}>
            <ExchangeList
              rows={rows.shown}
              selectedKey={selection.key}
              onSelect={selection.select}
              onOpen={panes.open}
              emptyText={emptyListText({ imported: state.imported !== null, total: exchanges.length, live })}
            />
          </div>
          {shown ? <DetailPane row={shown} split={split} onSplit={setSplit} paneRef={panes.detail} onClose={panes.close} /> : null}
        </div>
      )}
      {drop.dragging ? <div class="drop-hint" aria-hidden="true">Drop a .har file to analyse it</div> : null}
    </div>
  );
}
