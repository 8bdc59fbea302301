/**
 * Requests Firefox never reports live. `devtools.network.onRequestFinished` does not fire for a request blocked
 * after its preflight failed, though getHAR() lists it (status 0, no response) and the preflight's own OPTIONS
 * entry does arrive (firefox-facts.md). So each OPTIONS entry that arrives schedules one more read of the log, and
 * the read hands on what the live events left out.
 *
 * Any OPTIONS entry, not only a failing one: telling a failing preflight apart needs the analysis, and the
 * analysis replays Chrome's checks, which Firefox does not always share; reading once more costs one getHAR() per
 * burst of preflights, no more than the reads Chromium's capture makes after each burst.
 *
 * What the read hands on: entries without a response, not seen before, for a URL whose preflight arrived since the
 * last read and started no earlier than them (Firefox lists a request before its preflight). getHAR() lists a
 * request still in flight the same way, so the receiver treats them as stand-ins (LiveAnalysis.addMissed).
 * Only keys are kept, of the entries without a response: the log itself stays in Firefox.
 */
import { reportKey } from '../src/har/request-key';

/** Long enough to gather a burst of preflights into one read; Firefox lists the request before its preflight ends. */
const READ_AFTER_MS = 150;
/** Keys remembered at most (entries without a response are few; this bounds a page that makes nothing else). */
const MAX_KEYS = 50_000;

interface RawEntry {
  startedDateTime?: unknown;
  request?: { method?: unknown; url?: unknown };
  response?: { status?: unknown };
}

const raw = (e: unknown): RawEntry => (typeof e === 'object' && e !== null ? (e as RawEntry) : {});
const answered = (e: RawEntry): boolean => typeof e.response?.status === 'number' && e.response.status > 0;

/** A raw HAR entry with a response (Firefox lists a request that has none with status 0). */
export const isAnswered = (entry: unknown): boolean => answered(raw(entry));
const startOf = (e: RawEntry): number => (typeof e.startedDateTime === 'string' ? Date.parse(e.startedDateTime) : Number.NaN);

export class MissedRequests {
  /** reportKey of every entry without a response seen so far, oldest first. */
  private readonly seen = new Set<string>();
  /** URL → the latest start of a preflight that arrived since the last read. */
  private preflights = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private reading = false;
  private lastReadMs = 0;

  constructor(
    private readonly read: () => Promise<readonly unknown[]>,
    private readonly found: (entries: unknown[]) => void,
  ) {}

  /**
   * Every entry the panel receives passes here (the backlog, live ones, and those this found). Returns false for
   * one already received: a request without a response seen through both getHAR() and onRequestFinished.
   */
  saw(entry: unknown): boolean {
    const e = raw(entry);
    if (!answered(e)) {
      const key = reportKey(entry);
      if (this.seen.has(key)) return false;
      this.remember(key);
    }
    return true;
  }

  /** A live entry: an OPTIONS one schedules a read. Call after `saw` accepted it. */
  arrived(entry: unknown): void {
    const e = raw(entry);
    if (e.request?.method !== 'OPTIONS' || typeof e.request.url !== 'string') return;
    const start = startOf(e);
    this.preflights.set(e.request.url, Math.max(start, this.preflights.get(e.request.url) ?? -Infinity));
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== null || this.reading) return;
    // Never sooner than twice the last read took: getHAR() holds every body and grows with the log.
    this.timer = setTimeout(() => void this.readNow(), Math.max(READ_AFTER_MS, 2 * this.lastReadMs));
  }

  private async readNow(): Promise<void> {
    this.timer = null;
    this.reading = true;
    const asked = this.preflights;
    this.preflights = new Map();
    const started = Date.now();
    let log: readonly unknown[] = [];
    try {
      log = await this.read();
    } catch {
      // Nothing found this time; the next preflight reads again.
    }
    this.lastReadMs = Date.now() - started;
    this.reading = false;
    const missed: unknown[] = [];
    for (const entry of log) {
      const e = raw(entry);
      const url = e.request?.url;
      // A preflight is itself always reported live; one still in flight here would only be replaced later.
      if (answered(e) || typeof url !== 'string' || e.request?.method === 'OPTIONS') continue;
      const preflight = asked.get(url);
      if (preflight === undefined || !(startOf(e) <= preflight)) continue;
      if (this.saw(entry)) missed.push(entry);
    }
    if (missed.length > 0) this.found(missed);
    if (this.preflights.size > 0) this.schedule();
  }

  private remember(key: string): void {
    this.seen.add(key);
    if (this.seen.size > MAX_KEYS) {
      const oldest = this.seen.values().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
  }
}
