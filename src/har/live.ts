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
import { addReflectionWarnings, type AnalysedExchange, analyseBuilt, type CaptureFacts } from './analyze';
import { hasResponse } from '../http';
import { type Entry, hasProvisionalRequestHeaders, isWorkerScript } from './entry';
import { buildExchanges } from './exchanges';
import { parseEntry, type SkippedEntry } from './parse';
import { LIVE_CHROMIUM, type Producer } from './producer';
import { requestKey } from './request-key';
import { EntrySlimmer } from './slim-entry';

export interface LiveOptions {
  /** Entries kept at most; the oldest go first. */
  readonly maxEntries?: number;
  /** The clock for how long an incomplete entry has waited (tests pass their own). */
  readonly now?: () => number;
  /** Who is capturing: the extension in Chromium unless said otherwise. */
  readonly producer?: Producer;
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
/** Entries remembered for `reconcile` at most. */
const MAX_RECENT = 10_000;

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
  private readonly workerScripts = new Set<string>();
  private errorsRecorded = false;
  private readonly skipped: SkippedEntry[] = [];
  private dropped = 0;
  private snapshot: LiveSnapshot | null = null;
  /** Recent entries without an error, by `start method url`: see `supersedes`. */
  private readonly unfailed = new Map<string, Entry>();
  /** Entries that reached the network but were reported with the page's headers only, and when: see `refresh`. */
  private readonly incomplete = new Map<string, { entry: Entry; since: number }>();
  /** Entries added since the last `reconcile`, by key, and when; a null entry marks a key seen twice (ambiguous). */
  private recent = new Map<string, { entry: Entry | null; at: number }>();
  /** Entries read from the whole log rather than reported live, by request key: see `addMissed`. */
  private readonly standIns = new Map<string, Entry>();
  /** Entries are kept slimmed: repeated header lines shared, large bodies cut (slim-entry.ts). */
  private readonly slimmer = new EntrySlimmer();

  private readonly now: () => number;
  private readonly producer: Producer;
  /**
   * The producer can report a request before its wire headers and response are merged in (Chrome: see `refresh`
   * and `reconcile`). Firefox's live entries equal its getHAR() entries (firefox-facts.md), so there is nothing to
   * wait for or check, and nothing to remember for it.
   */
  private readonly mergesLate: boolean;
  private capture: CaptureFacts;

  constructor(options: LiveOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? DEFAULT_MAX_ENTRIES);
    this.now = options.now ?? Date.now;
    this.producer = options.producer ?? LIVE_CHROMIUM;
    this.mergesLate = this.producer.facts.provisionalHeaders;
    this.capture = { producer: this.producer, sanitized: 'no', errorsRecorded: false, source: 'live' };
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
      const entry = this.slimmer.slim(parsed.entry);
      if (parsed.hasErrorField && this.producer.facts.failureField !== null && !this.errorsRecorded) {
        this.errorsRecorded = true;
        this.capture = { ...this.capture, errorsRecorded: true };
        for (const root of this.members.keys()) this.dirty.add(root);
      }
      if (isWorkerScript(entry)) this.workerScripts.add(entry.url);
      const key = requestKey(entry);
      const standIn = this.standIns.get(key);
      if (standIn) this.remove(standIn);
      const previous = this.supersedes(entry);
      if (previous) this.remove(previous);
      // The live report of a request first read from the log takes its place (and keeps its id, so a selected row
      // stays selected).
      this.insert(standIn ? { ...entry, index: standIn.index } : entry);
      if (!this.mergesLate) continue;
      this.remember(key, entry);
      if (isIncomplete(r, entry)) this.incomplete.set(key, { entry, since: this.now() });
    }
    if (this.entries.length > this.maxEntries) this.dropOldest(this.entries.length - Math.floor(this.maxEntries * 0.9));
    this.snapshot = null;
  }

  /**
   * Adds entries the live events never reported, read from the whole log: Firefox does not report a request
   * blocked after its preflight failed, though getHAR() lists it (status 0, no response). getHAR() lists a request
   * still in flight the same way, so each entry added here is a stand-in until a live report of the same request
   * (start, method, URL) replaces it in `add`. An entry whose request is already listed is left out. Returns how
   * many were added.
   */
  addMissed(raw: readonly unknown[]): number {
    let added = 0;
    for (const r of raw) {
      const parsed = parseEntry(r, this.nextIndex);
      if (typeof parsed === 'string') continue;
      const key = requestKey(parsed.entry);
      const listed = this.parent.has(parsed.entry.url) ? (this.members.get(this.find(parsed.entry.url)) ?? []) : [];
      if (listed.some((e) => requestKey(e) === key)) continue;
      this.nextIndex++;
      const entry = this.slimmer.slim(parsed.entry);
      this.standIns.set(key, entry);
      this.insert(entry);
      added++;
    }
    if (added > 0) {
      if (this.entries.length > this.maxEntries) this.dropOldest(this.entries.length - Math.floor(this.maxEntries * 0.9));
      this.snapshot = null;
    }
    return added;
  }

  /** How many entries wait for a complete report (`refresh`). */
  get incompleteCount(): number {
    return this.incomplete.size;
  }

  /**
   * Chrome can report a request finished before all its protocol events are merged into its entry: seen under
   * load in Chromium 156 as a credentialed request without its Cookie (the wire headers come separately), and
   * as a request blocked on its response with no response at all. The same request read again later through
   * getHAR() is complete:
   * given those entries, each incomplete one is replaced by its complete report. Returns how many were.
   */
  refresh(raw: readonly unknown[]): number {
    let replaced = 0;
    const wanted = new Set<string>();
    for (const { entry } of this.incomplete.values()) wanted.add(entry.url);
    for (const r of raw) {
      if (this.incomplete.size === 0) break;
      // The log holds every request of the session: parse only those that can be one of the entries waiting.
      if (!wanted.has(urlOf(r))) continue;
      const parsed = parseEntry(r, -1);
      if (typeof parsed === 'string' || isIncomplete(r, parsed.entry)) continue;
      const old = this.incomplete.get(requestKey(parsed.entry))?.entry;
      if (!old) continue;
      this.incomplete.delete(requestKey(old));
      this.remove(old);
      this.insert(this.slimmer.slim(parsed.entry, old.index));
      replaced++;
    }
    if (replaced > 0) this.snapshot = null;
    return replaced;
  }

  /** Whether entries arrived since the last `reconcile`. */
  get hasRecent(): boolean {
    return this.recent.size > 0;
  }

  /**
   * Brings the entries added since the last call, up to the time `upTo` (all of them unless told), in line with a
   * later read of the same log (getHAR()), for whatever Chrome merged into an entry after reporting it that
   * `refresh` does not know to wait for. Entries added after `upTo` may not be merged yet in that read: they wait
   * for the next one. An entry whose later report differs (status, error, redirect, header counts) is replaced by
   * it; keys that are not unique on either side (identical requests in the same millisecond) are left alone.
   * Returns how many changed.
   */
  reconcile(raw: readonly unknown[], upTo = this.now()): number {
    const recent = new Map<string, Entry | null>();
    const wanted = new Set<string>();
    const younger = new Map<string, { entry: Entry | null; at: number }>();
    for (const [key, seen] of this.recent) {
      if (seen.at > upTo) younger.set(key, seen);
      else {
        recent.set(key, seen.entry);
        if (seen.entry) wanted.add(seen.entry.url);
      }
    }
    this.recent = younger;
    if (recent.size === 0) return 0;
    const later = new Map<string, Entry | null>();
    for (const r of raw) {
      // The log holds every request of the session: parse only those that can be one of the recent entries.
      if (!wanted.has(urlOf(r))) continue;
      const parsed = parseEntry(r, -1);
      if (typeof parsed === 'string') continue;
      const key = requestKey(parsed.entry);
      if (!recent.has(key)) continue;
      later.set(key, later.has(key) ? null : parsed.entry);
    }
    let changed = 0;
    for (const [key, now] of later) {
      const old = recent.get(key);
      if (!now || !old || !this.isKept(old) || sameReport(old, now)) continue;
      this.incomplete.delete(key);
      this.remove(old);
      this.insert(this.slimmer.slim(now, old.index));
      changed++;
    }
    if (changed > 0) this.snapshot = null;
    return changed;
  }

  /** Stops checking the recent entries against a later read: they stay as reported. */
  forgetRecent(): void {
    this.recent.clear();
  }

  /** When the entry that has waited longest for its complete report arrived (the `now` clock), or null if none waits. */
  get oldestIncompleteSince(): number | null {
    for (const { since } of this.incomplete.values()) return since;
    return null;
  }

  /** Stops waiting for the complete report of entries older than `ms`: they are analysed as they are. */
  forgetIncomplete(ms = 0): void {
    const limit = this.now() - ms;
    for (const [key, { since }] of this.incomplete) if (since <= limit) this.incomplete.delete(key);
  }

  clear(): void {
    this.entries = [];
    this.parent.clear();
    this.members.clear();
    this.results.clear();
    this.dirty.clear();
    this.unfailed.clear();
    this.incomplete.clear();
    this.recent.clear();
    this.standIns.clear();
    this.slimmer.clear();
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
      const built = buildExchanges({ entries: [...entries].sort((a, b) => a.index - b.index), skipped: [], total: entries.length, pages: this.pages, workerScripts: this.workerScripts, errorsRecorded: this.errorsRecorded, producer: this.producer, sanitized: 'no', live: true });
      this.results.set(root, built.map((b) => analyseBuilt(b, b.entries[0] ?? 0, this.capture)));
    }
    this.dirty.clear();
    const all: AnalysedExchange[] = [];
    for (const list of this.results.values()) for (const x of list) all.push(x);
    all.sort((a, b) => a.start - b.start || a.id - b.id);
    this.snapshot = { exchanges: addReflectionWarnings(all), droppedExchanges: this.dropped, totalEntries: this.entries.length, skipped: this.skipped };
    return this.snapshot;
  }

  /**
   * Remembers an added entry for `reconcile`. Bounded: a page that never goes quiet would otherwise keep every
   * entry it made here, dropped ones included; the oldest go unchecked.
   */
  private remember(key: string, entry: Entry): void {
    const seen = this.recent.get(key);
    this.recent.delete(key);
    this.recent.set(key, { entry: seen ? null : entry, at: this.now() });
    if (this.recent.size > MAX_RECENT) this.recent.delete(this.recent.keys().next().value as string);
  }

  /** Whether the entry is still listed (not replaced, superseded or dropped). */
  private isKept(e: Entry): boolean {
    return this.parent.has(e.url) && (this.members.get(this.find(e.url)) ?? []).includes(e);
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

  /**
   * Chrome reports a redirect that the browser then refused twice (seen in Chromium 156: a redirect in mode
   * 'same-origin' first as a plain 302, then again with net::ERR_ABORTED; a Location with user:pass@ again with
   * net::ERR_FAILED). The second report is the request's real end: it replaces the first rather than adding a
   * request that never happened.
   */
  private supersedes(e: Entry): Entry | null {
    const key = requestKey(e);
    if (e.error === null) {
      // Bounded: a re-report comes milliseconds later, so only recent entries matter.
      if (this.unfailed.size >= 4096) this.unfailed.clear();
      this.unfailed.set(key, e);
      return null;
    }
    // Only the re-report seen: a redirect that ended in an error. Identical plain requests in flight together can
    // differ in error alone (one allowed, one blocked) and must both stay.
    const previous = this.unfailed.get(key);
    if (!previous || previous.redirectUrl === null || e.redirectUrl !== previous.redirectUrl || previous.end > e.end) return null;
    this.unfailed.delete(key);
    return previous;
  }

  private remove(e: Entry): void {
    const key = requestKey(e);
    if (this.standIns.get(key) === e) this.standIns.delete(key);
    const at = this.entries.indexOf(e);
    if (at >= 0) this.entries.splice(at, 1);
    const root = this.find(e.url);
    this.members.set(root, (this.members.get(root) ?? []).filter((x) => x !== e));
    this.dirty.add(root);
  }

  private insert(e: Entry): void {
    // Arrival order, except for a replacement, which takes its predecessor's place.
    if (this.entries.length === 0 || (this.entries[this.entries.length - 1] as Entry).index < e.index) this.entries.push(e);
    else this.entries.splice(this.entries.findIndex((x) => x.index > e.index), 0, e);
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
    for (const [key, e] of this.standIns) if (goneIndex.has(e.index)) this.standIns.delete(key);
    this.entries = this.entries.filter((e) => !goneIndex.has(e.index));
    for (const root of touched) {
      this.members.set(root, (this.members.get(root) ?? []).filter((e) => !goneIndex.has(e.index)));
      this.dirty.add(root);
    }
  }
}

/** The request URL of a raw entry, or '' (untrusted JSON). */
function urlOf(raw: unknown): string {
  const url = (raw as { request?: { url?: unknown } } | null)?.request?.url;
  return typeof url === 'string' ? url : '';
}

function sameReport(a: Entry, b: Entry): boolean {
  return a.status === b.status && a.error === b.error && a.redirectUrl === b.redirectUrl && a.requestHeaders.length === b.requestHeaders.length && a.responseHeaders.length === b.responseHeaders.length;
}


/** Errors Chrome gives only after a response came back: a CORS failure, a refused redirect. */
const ANSWERED_ERRORS: ReadonlySet<string> = new Set(['net::ERR_FAILED', 'net::ERR_INVALID_REDIRECT']);

/**
 * Reported before all its protocol events were merged: a response came back yet the request headers are only
 * the page's own (no Host, and not from a cache), or the request went on the wire (Host) and failed with an error
 * that only a response can cause, yet no response is recorded.
 */
function isIncomplete(raw: unknown, e: Entry): boolean {
  const answered = hasResponse(e);
  const onWire = !hasProvisionalRequestHeaders(e);
  if (!answered) return onWire && e.error !== null && ANSWERED_ERRORS.has(e.error);
  if (onWire) return false;
  const fromCache = (raw as { _fromCache?: unknown })?._fromCache;
  return fromCache === undefined || fromCache === null || fromCache === '';
}
