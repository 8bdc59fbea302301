/**
 * Requests Firefox never reports live. `devtools.network.onRequestFinished` does not fire for a request blocked
 * after its preflight failed, though getHAR() lists it (status 0, no response) and the preflight's own OPTIONS
 * entry does arrive (firefox-facts.md). This reads the log again to find them, as rarely as it can: Firefox stops
 * recording while it builds a getHAR() answer (its HAR exporter disables the Network Monitor's store), so a
 * request the page starts during a read is lost for good, from getHAR() and onRequestFinished alike (measured in
 * ESR 153: none of 20 requests made during a 270 ms read was ever listed).
 *
 * So a read happens only when a preflight arrived and the request it guarded did not, once the live events have
 * been quiet for a while. That is evidence, not a verdict: no analysis decides which preflight failed (the checks
 * replayed may not be the ones Firefox ran), and a passing preflight whose request arrives costs nothing. A
 * request still in flight at the read looks the same as a blocked one (status 0, no response), so what a read
 * finds is handed on as a stand-in (LiveAnalysis.addMissed) that its own report replaces if one comes.
 *
 * Only keys are kept: the reportKey of entries without a response, and the preflights waiting for their request.
 */
import { reportKey } from '../src/har/request-key';

/** Live events this long apart count as quiet: the page is not in the middle of a burst a read would cut into. */
const QUIET_MS = 500;
/**
 * A page that never goes quiet still gets its blocked requests listed, this long after the first preflight waited:
 * a read then may cut into its traffic, but listing nothing would hide exactly the failures the panel is for.
 */
const LONGEST_WAIT_MS = 5000;
/** Timestamps are whole milliseconds, and Firefox starts a request at most in the same one as its preflight. */
const TOLERANCE_MS = 5;
/** Keys remembered at most (entries without a response are few; this bounds a page that makes nothing else). */
const MAX_KEYS = 50_000;
/** Preflights waiting for their request at most (a page that never goes quiet must not grow this without bound). */
const MAX_WAITING = 10_000;

interface RawEntry {
  startedDateTime?: unknown;
  request?: { method?: unknown; url?: unknown; headers?: unknown };
  response?: { status?: unknown };
}

interface Waiting {
  readonly url: string;
  readonly method: string;
  readonly start: number;
}

const raw = (e: unknown): RawEntry => (typeof e === 'object' && e !== null ? (e as RawEntry) : {});
const answered = (e: RawEntry): boolean => typeof e.response?.status === 'number' && e.response.status > 0;
const startOf = (e: RawEntry): number => (typeof e.startedDateTime === 'string' ? Date.parse(e.startedDateTime) : Number.NaN);

/** A raw HAR entry with a response (Firefox lists a request that has none with status 0). */
export const isAnswered = (entry: unknown): boolean => answered(raw(entry));

/** The method a preflight asks about (Access-Control-Request-Method), or null for any other entry. */
function askedMethod(e: RawEntry): string | null {
  if (e.request?.method !== 'OPTIONS' || !Array.isArray(e.request.headers)) return null;
  for (const h of e.request.headers as unknown[]) {
    const { name, value } = raw(h) as { name?: unknown; value?: unknown };
    if (typeof name === 'string' && name.toLowerCase() === 'access-control-request-method' && typeof value === 'string') return value.trim().toUpperCase();
  }
  return null;
}

/** idle: nothing to look for; waiting: a preflight's request has not arrived, a read will follow; reading. */
export type MissedState = 'idle' | 'waiting' | 'reading';

export class MissedRequests {
  /** reportKey of every entry without a response seen so far, oldest first. */
  private readonly seen = new Set<string>();
  /** Preflights that arrived, whose request has not. */
  private waiting: Waiting[] = [];
  /** When the oldest preflight in `waiting` arrived (Date.now()). */
  private waitingSince = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private reading = false;
  private lastReadMs = 0;

  private state: MissedState = 'idle';

  constructor(
    private readonly read: () => Promise<readonly unknown[]>,
    private readonly found: (entries: unknown[]) => void,
    private readonly onState: (state: MissedState) => void = () => {},
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
      this.seen.add(key);
      if (this.seen.size > MAX_KEYS) this.seen.delete(this.seen.values().next().value as string);
    }
    return true;
  }

  /** A live entry (after `saw` accepted it): a preflight starts waiting for its request, a request ends a wait. */
  arrived(entry: unknown): void {
    const e = raw(entry);
    const url = e.request?.url;
    const method = e.request?.method;
    if (typeof url !== 'string' || typeof method !== 'string') return;
    const asked = askedMethod(e);
    const start = startOf(e);
    if (asked !== null) {
      if (this.waiting.length === 0) this.waitingSince = Date.now();
      this.waiting.push({ url, method: asked, start });
      if (this.waiting.length > MAX_WAITING) this.waiting.shift();
    } else {
      // Firefox lists a preflighted request as starting just before its preflight.
      const i = this.waiting.findIndex((w) => w.url === url && w.method === method.toUpperCase() && start <= w.start + TOLERANCE_MS);
      if (i >= 0) this.waiting.splice(i, 1);
    }
    this.schedule();
  }

  /** Read once the live events have been quiet for QUIET_MS (LONGEST_WAIT_MS at most), if a preflight still waits. */
  private schedule(): void {
    if (this.reading) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.setState(this.waiting.length === 0 ? 'idle' : 'waiting');
    if (this.waiting.length === 0) return;
    // Never sooner than twice the last read took: getHAR() holds every body and grows with the log.
    const quiet = Math.max(QUIET_MS, 2 * this.lastReadMs);
    const due = Math.max(0, this.waitingSince + LONGEST_WAIT_MS - Date.now());
    this.timer = setTimeout(() => void this.readNow(), Math.min(quiet, due));
  }

  private async readNow(): Promise<void> {
    this.timer = null;
    this.reading = true;
    this.setState('reading');
    const asked = this.waiting;
    this.waiting = [];
    this.waitingSince = 0;
    const started = Date.now();
    let log: readonly unknown[] = [];
    try {
      log = await this.read();
    } catch {
      // Nothing found this time.
    }
    this.lastReadMs = Date.now() - started;
    this.reading = false;
    const missed: unknown[] = [];
    for (const entry of log) {
      const e = raw(entry);
      const url = e.request?.url;
      const method = e.request?.method;
      if (answered(e) || typeof url !== 'string' || typeof method !== 'string') continue;
      const start = startOf(e);
      if (!asked.some((w) => w.url === url && w.method === method.toUpperCase() && start <= w.start + TOLERANCE_MS)) continue;
      if (this.saw(entry)) missed.push(entry);
    }
    if (missed.length > 0) this.found(missed);
    // Preflights that arrived during the read wait for the next quiet spell.
    this.schedule();
  }

  private setState(state: MissedState): void {
    if (state === this.state) return;
    this.state = state;
    this.onState(state);
  }
}
