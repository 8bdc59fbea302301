import type { Ref } from 'preact';
import { ImportProgress } from './import-progress';
import type { Counts, Filter, VerdictFilter } from './rows';
import type { StoreState } from './store';

/** What the panel shows: the exchanges one by one, or the server policy derived from all of them. */
export type View = 'requests' | 'policy';

const VIEWS: readonly { value: View; label: string; title: string }[] = [
  { value: 'requests', label: 'Requests', title: 'Each cross-origin exchange and why it was blocked' },
  { value: 'policy', label: 'Server policy', title: 'One CORS configuration per server for everything the page asked of it, checked against every captured request' },
];

interface Props {
  view: View;
  onView(v: View): void;
  filter: Filter;
  onFilter(f: Filter): void;
  counts: Counts;
  shown: number;
  preserveLog: boolean;
  onPreserveLog(on: boolean): void;
  onClear(): void;
  onImport(file: File): void;
  /** The imported file shown, or null for the live capture. */
  imported: string | null;
  /** A file being read. */
  reading: StoreState['importing'];
  onCancelImport(): void;
  /** Not-cors requests of a large imported file that were counted, not listed (read-har-file.ts). */
  unlisted: number;
  onCloseImport(): void;
  searchRef: Ref<HTMLInputElement>;
}

const SEGMENTS: readonly { value: VerdictFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'blocked', label: 'Blocked' },
  { value: 'warnings', label: 'Warnings' },
  { value: 'differs', label: 'Chrome ≠ Firefox' },
];

export function Toolbar(p: Props) {
  const count = (v: VerdictFilter) => (v === 'blocked' ? p.counts.blocked : v === 'warnings' ? p.counts.warnings : v === 'differs' ? p.counts.differs : p.counts.cors + (p.filter.showNotCors ? p.counts.notCors : 0));
  return (
    <div class="toolbar" role="toolbar" aria-label="CORS Lens">
      {p.imported === null ? (
        <>
          <button type="button" class="icon" onClick={p.onClear} title="Clear" aria-label="Clear">
            <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
              <circle cx="7" cy="7" r="5.5" fill="none" stroke="currentColor" stroke-width="1.4" />
              <line x1="3.2" y1="10.8" x2="10.8" y2="3.2" stroke="currentColor" stroke-width="1.4" />
            </svg>
          </button>
          <label class="check" title="Keep exchanges across page loads">
            <input type="checkbox" checked={p.preserveLog} onChange={(e) => p.onPreserveLog((e.currentTarget as HTMLInputElement).checked)} />
            Preserve log
          </label>
        </>
      ) : (
        <span class="imported">
          <span class="mono">{p.imported}</span>
          <button type="button" onClick={p.onCloseImport}>Back to live capture</button>
        </span>
      )}
      <span class="sep" />
      <div class="views" role="tablist" aria-label="View">
        {VIEWS.map((v) => (
          <button key={v.value} type="button" role="tab" aria-selected={p.view === v.value} class={`tab${p.view === v.value ? ' active' : ''}`} data-view={v.value} title={v.title} onClick={() => p.onView(v.value)}>
            {v.label}
          </button>
        ))}
      </div>
      <span class="sep" />
      {p.view === 'requests' ? (
        <>
          <div class="segments" role="radiogroup" aria-label="Show">
            {SEGMENTS.map((s) => (
              <button
                key={s.value}
                type="button"
                role="radio"
                aria-checked={p.filter.verdicts === s.value}
                class={`segment${p.filter.verdicts === s.value ? ' on' : ''}${s.value === 'blocked' && p.counts.blocked > 0 ? ' has-blocked' : ''}`}
                data-filter={s.value}
                title={s.value === 'differs' ? 'Exchanges where Chrome and Firefox decide differently, or where the other browser would send something this capture does not hold' : undefined}
                onClick={() => p.onFilter({ ...p.filter, verdicts: s.value })}
              >
                {s.label} <span class="count">{count(s.value)}</span>
              </button>
            ))}
          </div>
          <input
            ref={p.searchRef}
            type="search"
            placeholder="Filter URLs"
            aria-label="Filter by URL"
            value={p.filter.text}
            onInput={(e) => p.onFilter({ ...p.filter, text: (e.currentTarget as HTMLInputElement).value })}
          />
          <label
            class="check"
            title={
              p.unlisted > 0
                ? `Same-origin, no-cors and navigation requests. ${p.unlisted} of them (a large file's page scripts, assets and navigations) were counted, not kept, so they are not listed`
                : 'Same-origin, no-cors and navigation requests'
            }
            data-unlisted={p.unlisted}
          >
            <input type="checkbox" checked={p.filter.showNotCors} onChange={(e) => p.onFilter({ ...p.filter, showNotCors: (e.currentTarget as HTMLInputElement).checked })} />
            Not CORS ({p.counts.notCors + p.unlisted})
          </label>
        </>
      ) : null}
      <span class="grow" />
      <span class="summary" aria-live="polite" data-shown={p.shown} data-blocked={p.counts.blocked}>
        {p.counts.blocked > 0 ? <strong class="blocked-count">{p.counts.blocked} blocked</strong> : <span>none blocked</span>} · {p.shown} shown
      </span>
      {p.reading ? <ImportProgress reading={p.reading} onCancel={p.onCancelImport} /> : null}
      <label class="button" title="Open a .har file (or drop one on the panel)">
        Import HAR…
        <input
          type="file"
          accept=".har,.json,application/json"
          class="visually-hidden"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const f = input.files?.[0];
            if (f) p.onImport(f);
            input.value = '';
          }}
        />
      </label>
    </div>
  );
}
