/**
 * The capture store: HAR entries in, exchanges out. Entries are queued and analysed in batches (a page firing
 * thousands of requests must not trigger thousands of analyses), and subscribers get a new snapshot after each
 * batch. An imported HAR is analysed whole and shown instead of the live capture until the user goes back.
 */
import { type Analysis, analyseHarText, HarError, LiveAnalysis, type LiveOptions, type LiveSnapshot } from '../src/har';

export interface ImportedCapture {
  readonly name: string;
  readonly analysis: Analysis;
}

export interface StoreState {
  readonly live: LiveSnapshot;
  readonly imported: ImportedCapture | null;
  /** One line for the notice bar: a failed import, a HAR with skipped entries. */
  readonly notice: string | null;
  readonly preserveLog: boolean;
}

/** How long entries wait to be analysed together: short enough to feel live, long enough to batch a burst. */
const BATCH_MS = 40;
/**
 * Entries Chrome reported before their wire headers are completed from getHAR() (LiveAnalysis.refresh): asked
 * again at most this often, and never sooner than twice the last getHAR() took (it is slow on a large log),
 * until each such entry is complete or has waited GIVE_UP_MS.
 */
const REFETCH_MS = 250;
const GIVE_UP_MS = 20_000;
/** Once entries stop arriving for this long, the recent ones are checked against getHAR() (LiveAnalysis.reconcile). */
const QUIET_MS = 600;

export class CaptureStore {
  private readonly analysis: LiveAnalysis;
  private queue: unknown[] = [];
  /** Entries the live events never reported, read from the whole log: LiveAnalysis.addMissed. */
  private missed: unknown[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<(s: StoreState) => void>();
  private state: StoreState;
  /** Reads the whole log again (getHAR); null outside DevTools. */
  private refetch: (() => Promise<readonly unknown[]>) | null = null;
  private lastRefetchMs = 0;
  private refetchTimer: ReturnType<typeof setTimeout> | null = null;
  private quietTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: Pick<LiveOptions, 'maxEntries' | 'producer'> = {}) {
    this.analysis = new LiveAnalysis(options);
    this.state = { live: this.analysis.current(), imported: null, notice: null, preserveLog: false };
  }

  setRefetch(fn: () => Promise<readonly unknown[]>): void {
    this.refetch = fn;
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
    for (const e of entries) this.queue.push(e);
    if (this.timer === null) this.timer = setTimeout(() => this.flush(), BATCH_MS);
  }

  /** Requests the live events never reported (panel/missed-requests.ts), analysed with the next batch. */
  addMissed(entries: readonly unknown[]): void {
    for (const e of entries) this.missed.push(e);
    if (this.timer === null) this.timer = setTimeout(() => this.flush(), BATCH_MS);
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
    this.scheduleRefetch();
    this.scheduleReconcile();
  }

  private scheduleReconcile(): void {
    if (!this.refetch) return;
    if (this.quietTimer !== null) clearTimeout(this.quietTimer);
    const refetch = this.refetch;
    this.quietTimer = setTimeout(async () => {
      this.quietTimer = null;
      if (!this.analysis.hasRecent) return;
      let entries: readonly unknown[] = [];
      try {
        entries = await refetch();
      } catch {
        return;
      }
      if (this.analysis.reconcile(entries) > 0) this.set({ live: this.analysis.current() });
    }, QUIET_MS);
  }

  /** While some entries lack their wire headers, read the log again; each entry is waited for GIVE_UP_MS at most. */
  private scheduleRefetch(): void {
    if (!this.refetch || this.refetchTimer !== null) return;
    this.analysis.forgetIncomplete(GIVE_UP_MS);
    if (this.analysis.incompleteCount === 0) return;
    const refetch = this.refetch;
    this.refetchTimer = setTimeout(async () => {
      let entries: readonly unknown[] = [];
      const started = Date.now();
      try {
        entries = await refetch();
      } catch {
        // Nothing to reconcile with this time.
      }
      this.lastRefetchMs = Date.now() - started;
      this.refetchTimer = null;
      if (this.analysis.refresh(entries) > 0) this.set({ live: this.analysis.current() });
      this.scheduleRefetch();
    }, Math.max(REFETCH_MS, 2 * this.lastRefetchMs));
  }

  clear(): void {
    this.queue = [];
    this.missed = [];
    this.analysis.clear();
    this.set({ live: this.analysis.current(), notice: null });
  }

  /** Like the Network panel: a navigation starts a new log unless "Preserve log" is on. */
  navigated(): void {
    if (!this.state.preserveLog) this.clear();
  }

  setPreserveLog(on: boolean): void {
    this.set({ preserveLog: on });
  }

  importText(name: string, text: string): void {
    try {
      const analysis = analyseHarText(text);
      const skipped = analysis.skipped.length;
      this.set({
        imported: { name, analysis },
        notice: skipped > 0 ? `${name}: ${skipped} of ${analysis.totalEntries} entries skipped (first: entry ${analysis.skipped[0]?.index}: ${analysis.skipped[0]?.reason})` : null,
      });
    } catch (e) {
      const reason = e instanceof HarError ? e.message : `could not be analysed (${e instanceof Error ? e.message : String(e)})`;
      this.set({ notice: `${name}: ${reason}` });
    }
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
