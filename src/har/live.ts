/**
 * The analysis of a capture that grows while the page runs (the DevTools panel). Re-analysing the whole capture
 * on every finished request would cost O(n) per request; instead entries are grouped into components that can
 * influence each other's verdicts (the same URL, for preflight pairing; a URL and its redirect targets, for
 * chains), and only the components that received an entry are analysed again.
 *
 * Memory is bounded: past `maxEntries` the oldest entries are dropped (their components re-analysed), and the
 * number of exchanges lost that way is reported so the panel can say so.
 *
 * Exchange ids here are stable keys (the capture index of the exchange's first entry), not positions: the list
 * is re-sorted as entries arrive, and a selected exchange must stay selected.
 */
import { addReflectionWarnings, type AnalysedExchange, analyseBuilt } from './analyze';
import type { Entry } from './entry';
import { buildExchanges } from './exchanges';
import { parseEntry, type SkippedEntry } from './parse';

export interface LiveOptions {
  /** Entries kept at most; the oldest go first. */
  readonly maxEntries?: number;
}

export interface LiveSnapshot {
  /** Every exchange, in time order. */
  readonly exchanges: readonly AnalysedExchange[];
  /** Exchanges no longer listed because their entries were dropped to bound memory. */
  readonly droppedExchanges: number;
  readonly totalEntries: number;
  readonly skipped: readonly SkippedEntry[];
}

const DEFAULT_MAX_ENTRIES = 50_000;

export class LiveAnalysis {
  private readonly maxEntries: number;
  private nextIndex = 0;
  /** Kept entries in arrival order (so the oldest are at the front). */
  private entries: Entry[] = [];
  private readonly parent = new Map<string, string>();
  private readonly members = new Map<string, Entry[]>();
  private readonly results = new Map<string, AnalysedExchange[]>();
  private readonly dirty = new Set<string>();
  private pages = new Map<string, string>();
  private errorsRecorded = false;
  private readonly skipped: SkippedEntry[] = [];
  private dropped = 0;
  private snapshot: LiveSnapshot | null = null;

  constructor(options: LiveOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? DEFAULT_MAX_ENTRIES);
  }

  /** Pages (id → URL) named by a HAR log: evidence of the page's origin for entries without one. */
  setPages(pages: ReadonlyMap<string, string>): void {
    this.pages = new Map([...this.pages, ...pages]);
    for (const root of this.members.keys()) this.dirty.add(root);
    this.snapshot = null;
  }

  /** Adds raw HAR entries; an unusable one is recorded in `skipped` with its reason, never thrown. */
  add(raw: readonly unknown[]): void {
    for (const r of raw) {
      const index = this.nextIndex++;
      const parsed = parseEntry(r, index);
      if (typeof parsed === 'string') {
        // Keep the list short: a page producing garbage must not grow memory without bound either.
        if (this.skipped.length < 1000) this.skipped.push({ index, reason: parsed });
        continue;
      }
      if (parsed.hasErrorField && !this.errorsRecorded) {
        this.errorsRecorded = true;
        for (const root of this.members.keys()) this.dirty.add(root);
      }
      this.insert(parsed.entry);
    }
    if (this.entries.length > this.maxEntries) this.dropOldest(this.entries.length - Math.floor(this.maxEntries * 0.9));
    this.snapshot = null;
  }

  clear(): void {
    this.entries = [];
    this.parent.clear();
    this.members.clear();
    this.results.clear();
    this.dirty.clear();
    this.skipped.length = 0;
    this.dropped = 0;
    this.snapshot = null;
  }

  /** The analysis as of now; components that received entries since the last call are analysed again. */
  current(): LiveSnapshot {
    if (this.snapshot && this.dirty.size === 0) return this.snapshot;
    for (const root of this.dirty) {
      const entries = this.members.get(root);
      if (!entries || entries.length === 0) {
        this.results.delete(root);
        continue;
      }
      const built = buildExchanges({ entries: [...entries].sort((a, b) => a.index - b.index), skipped: [], total: entries.length, pages: this.pages, errorsRecorded: this.errorsRecorded });
      this.results.set(root, built.map((b) => analyseBuilt(b, b.entries[0] ?? 0)));
    }
    this.dirty.clear();
    const all: AnalysedExchange[] = [];
    for (const list of this.results.values()) for (const x of list) all.push(x);
    all.sort((a, b) => a.start - b.start || a.id - b.id);
    this.snapshot = { exchanges: addReflectionWarnings(all), droppedExchanges: this.dropped, totalEntries: this.entries.length, skipped: this.skipped };
    return this.snapshot;
  }

  private find(url: string): string {
    let root = url;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    // Path compression: later look-ups of this URL are one step.
    for (let u = url, p = this.parent.get(u); p !== undefined && p !== root; u = p, p = this.parent.get(u)) this.parent.set(u, root);
    if (!this.parent.has(url)) this.parent.set(url, url);
    return root;
  }

  private union(a: string, b: string): string {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return ra;
    const ma = this.members.get(ra) ?? [];
    const mb = this.members.get(rb) ?? [];
    // The smaller group joins the larger: each entry moves O(log n) times at most.
    const [big, small, bigRoot, smallRoot] = ma.length >= mb.length ? [ma, mb, ra, rb] : [mb, ma, rb, ra];
    for (const e of small) big.push(e);
    this.parent.set(smallRoot, bigRoot);
    this.members.set(bigRoot, big);
    this.members.delete(smallRoot);
    this.results.delete(smallRoot);
    this.dirty.delete(smallRoot);
    this.dirty.add(bigRoot);
    return bigRoot;
  }

  private insert(e: Entry): void {
    this.entries.push(e);
    let root = this.find(e.url);
    if (e.redirectUrl !== null) root = this.union(e.url, e.redirectUrl);
    const list = this.members.get(root);
    if (list) list.push(e);
    else this.members.set(root, [e]);
    this.dirty.add(root);
  }

  /** Drops the oldest entries, and with them every exchange they belong to: no half exchange is left listed. */
  private dropOldest(count: number): void {
    const goneIndex = new Set(this.entries.slice(0, count).map((e) => e.index));
    const touched = new Set(this.entries.slice(0, count).map((e) => this.find(e.url)));
    for (const root of touched) {
      for (const x of this.results.get(root) ?? []) {
        if (!x.entries.some((i) => goneIndex.has(i))) continue;
        this.dropped++;
        for (const i of x.entries) goneIndex.add(i);
      }
    }
    this.entries = this.entries.filter((e) => !goneIndex.has(e.index));
    for (const root of touched) {
      this.members.set(root, (this.members.get(root) ?? []).filter((e) => !goneIndex.has(e.index)));
      this.dirty.add(root);
    }
  }
}
