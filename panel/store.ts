/**
 * The capture store: HAR entries in, exchanges out. Entries are queued and analysed in batches (a page firing
 * thousands of requests must not trigger thousands of analyses), and subscribers get a new snapshot after each
 * batch. An imported HAR is read as a stream (read-har-file.ts) and shown instead of the live capture until the
 * user goes back.
 */
// From their modules, not src/har's index: the index names the streaming reader too, and the bundler keeps
// whatever the first chunk's imports name in it (the reader is loaded only for an import: read-har-file.ts).
import type { AnalysedExchange, Analysis } from '../src/har';
import { LiveAnalysis, type LiveOptions, type LiveSnapshot } from '../src/har/live';
import { HarError } from '../src/har/parsed-har';
import { truncationText } from '../src/explain';
import { nextReadAt, QUIET_MS, readsAllowed } from './log-reads';
import type { HarFile, ReadProgress } from './read-har-file';

export interface ImportedCapture {
  readonly name: string;
  readonly analysis: Analysis;
}

export interface StoreState {
  readonly live: LiveSnapshot;
  readonly imported: ImportedCapture | null;
  /** A file being read, and how far. */
  readonly importing: (ReadProgress & { readonly name: string }) | null;
  /** One line for the notice bar: a failed import, a HAR with skipped entries. */
  readonly notice: string | null;
  readonly preserveLog: boolean;
}

/** How long entries wait to be analysed together: short enough to feel live, long enough to batch a burst. */
const BATCH_MS = 40;
const LONGEST_BATCH_MS = 250;

/**
 * The wait for a list of `listed` exchanges. Every batch sorts and lists all of them again, so a long list waits
 * longer: at the 50,000-entry cap a batch every 40 ms kept the panel seconds behind a busy page, and left the GC
 * a few large arrays per batch.
 */
export function batchDelay(listed: number): number {
  return Math.min(LONGEST_BATCH_MS, BATCH_MS + Math.floor(listed / 250));
}
/** How often an import's progress is shown. */
const PROGRESS_MS = 100;

/** One line about an imported file: where it ended early, which entries were skipped. */
export function importNotice(name: string, analysis: Analysis): string | null {
  const parts: string[] = [];
  if (analysis.truncated) parts.push(truncationText(analysis.truncated));
  const first = analysis.skipped[0];
  if (first) parts.push(`${analysis.skipped.length} of ${analysis.totalEntries} entries skipped (first: entry ${first.index}: ${first.reason})`);
  return parts.length > 0 ? `${name}: ${parts.join('; ')}` : null;
}

/** Entries Chrome reported before their wire headers are completed from a later read until they have waited this long. */
const GIVE_UP_MS = 20_000;

/** Whether a read of the whole log is due, running, not needed, or no longer done (the log is too long). */
export type LogReadState = 'idle' | 'waiting' | 'reading' | 'off';

export class CaptureStore {
  private readonly analysis: LiveAnalysis;
  private queue: unknown[] = [];
  /** Entries the live events never reported, read from the whole log: LiveAnalysis.addMissed. */
  private missed: unknown[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<(s: StoreState) => void>();
  private state: StoreState;
  /** Reads the whole log again (getHAR); null outside DevTools. When it is called: log-reads.ts. */
  private refetch: (() => Promise<readonly unknown[]>) | null = null;
  private onReadState: (state: LogReadState) => void = () => {};
  private readState: LogReadState = 'idle';
  private readTimer: ReturnType<typeof setTimeout> | null = null;
  private reading = false;
  private lastArrival = 0;
  /** The import under way; replaced or set to null to abandon it. */
  private importToken: object | null = null;
  private lastReadEnd = 0;
  private lastReadMs = 0;
  /** Entries in DevTools' log as far as the panel knows: the last read's length, plus entries since. */
  private logLength = 0;

  constructor(options: Pick<LiveOptions, 'maxEntries' | 'producer'> = {}) {
    this.analysis = new LiveAnalysis(options);
    this.state = { live: this.analysis.current(), imported: null, importing: null, notice: null, preserveLog: false };
  }

  setRefetch(fn: () => Promise<readonly unknown[]>, onState?: (state: LogReadState) => void): void {
    this.refetch = fn;
    if (onState) this.onReadState = onState;
  }

  get current(): StoreState {
    return this.state;
  }

  subscribe(fn: (s: StoreState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  add(entries: readonly unknown[], pages?: ReadonlyMap<string, string>): void {
    if (pages && pages.size > 0) this.analysis.setPages(pages);
    this.logLength += entries.length;
    for (const e of entries) this.queue.push(e);
    if (this.timer === null) this.timer = setTimeout(() => this.flush(), batchDelay(this.state.live.exchanges.length));
  }

  /** Requests the live events never reported (panel/missed-requests.ts), analysed with the next batch. */
  addMissed(entries: readonly unknown[]): void {
    for (const e of entries) this.missed.push(e);
    if (this.timer === null) this.timer = setTimeout(() => this.flush(), batchDelay(this.state.live.exchanges.length));
  }

  /** Analyses what is queued now (the timer does this on its own; tests and the import call it directly). */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue;
    const missed = this.missed;
    this.queue = [];
    this.missed = [];
    this.analysis.add(batch);
    // After the batch: a live report in it of a request read from the log makes that entry redundant.
    if (missed.length > 0) this.analysis.addMissed(missed);
    this.set({ live: this.analysis.current() });
    this.lastArrival = Date.now();
    this.scheduleRead();
  }

  /** Sets the timer for the next read of the whole log, if one is needed (log-reads.ts); one read at a time. */
  private scheduleRead(): void {
    if (!this.refetch || this.reading) return;
    if (this.readTimer !== null) clearTimeout(this.readTimer);
    this.readTimer = null;
    if (!readsAllowed(this.logLength)) {
      // Entries that waited for a read are analysed as they were reported (log-reads.ts).
      this.analysis.forgetIncomplete(0);
      this.analysis.forgetRecent();
      this.setReadState('off');
      return;
    }
    this.analysis.forgetIncomplete(GIVE_UP_MS);
    const at = nextReadAt({
      logLength: this.logLength,
      lastArrival: this.lastArrival,
      incompleteSince: this.analysis.oldestIncompleteSince,
      recent: this.analysis.hasRecent,
      lastReadEnd: this.lastReadEnd,
      lastReadMs: this.lastReadMs,
    });
    this.setReadState(at === null ? 'idle' : 'waiting');
    if (at !== null) this.readTimer = setTimeout(() => void this.read(), Math.max(0, at - Date.now()));
  }

  /**
   * One read serves both checks: entries waiting for their complete report, and recent entries, those quiet for
   * QUIET_MS before the read began. The log is looked through and let go: nothing of it is kept but the entries
   * that replace others.
   */
  private async read(): Promise<void> {
    const refetch = this.refetch;
    this.readTimer = null;
    if (!refetch) return;
    this.reading = true;
    this.setReadState('reading');
    const started = Date.now();
    const known = this.logLength;
    let changed = 0;
    try {
      const entries = await refetch();
      this.logLength = entries.length + (this.logLength - known);
      changed = this.analysis.refresh(entries) + this.analysis.reconcile(entries, started - QUIET_MS);
    } catch {
      // Nothing to compare with this time; the next read may do.
    }
    this.lastReadEnd = Date.now();
    this.lastReadMs = this.lastReadEnd - started;
    this.reading = false;
    if (changed > 0) this.set({ live: this.analysis.current() });
    this.scheduleRead();
  }

  private setReadState(state: LogReadState): void {
    if (state === this.readState) return;
    this.readState = state;
    this.onReadState(state);
  }

  clear(): void {
    this.queue = [];
    this.missed = [];
    this.analysis.clear();
    this.set({ live: this.analysis.current(), notice: null });
    this.scheduleRead();
  }

  /** Like the Network panel: a navigation starts a new log unless "Preserve log" is on. */
  navigated(): void {
    // DevTools starts its own log afresh (unless its own Preserve log is on, which the next read would show).
    this.logLength = 0;
    if (!this.state.preserveLog) this.clear();
    else this.scheduleRead();
  }

  setPreserveLog(on: boolean): void {
    this.set({ preserveLog: on });
  }

  /**
   * Reads a HAR file of any size (read-har-file.ts) and shows it in place of the live capture, which goes on
   * meanwhile. A second import, or Cancel, abandons the first. `warm`: see readHarFile.
   */
  async importFile(name: string, file: HarFile, warm?: (x: AnalysedExchange) => void): Promise<void> {
    const token = {};
    this.importToken = token;
    const cancelled = () => this.importToken !== token;
    let shown = 0;
    const progress = (p: ReadProgress) => {
      // Every 100 ms is enough for a progress bar; each change re-renders the panel.
      const now = Date.now();
      if (cancelled() || (now - shown < PROGRESS_MS && p.phase === this.state.importing?.phase)) return;
      shown = now;
      this.set({ importing: { name, ...p } });
    };
    this.set({ importing: { name, read: 0, size: file.size, phase: 'reading' }, notice: null });
    try {
      // Loaded when first needed: the streaming reader is a tenth of the panel's code, and most sessions never import.
      const reader = await import('./read-har-file').catch(() => null);
      if (reader === null) {
        if (!cancelled()) this.set({ importing: null, notice: `${name}: the file reader could not be loaded (the extension may have been updated: close and reopen DevTools)` });
        this.importToken = null;
        return;
      }
      const analysis = await reader.readHarFile(file, progress, cancelled, { warm });
      if (cancelled()) return;
      this.importToken = null;
      this.set({ importing: null, imported: { name, analysis }, notice: importNotice(name, analysis) });
    } catch (e) {
      if (cancelled()) return;
      this.importToken = null;
      const reason = e instanceof HarError ? e.message : `could not be analysed (${e instanceof Error ? e.message : String(e)})`;
      this.set({ importing: null, notice: `${name}: ${reason}` });
    }
  }

  cancelImport(): void {
    this.importToken = null;
    this.set({ importing: null });
  }

  closeImport(): void {
    this.set({ imported: null, notice: null });
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }

  private set(patch: Partial<StoreState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn(this.state);
  }
}
