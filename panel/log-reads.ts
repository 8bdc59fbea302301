/**
 * When the panel reads the inspected page's whole network log again (getHAR()). Chrome reports some requests
 * before it has merged all their events, and only a later read shows them complete (LiveAnalysis.refresh and
 * reconcile). But a read costs as much as the log is long, and the panel pays it all at once: DevTools hands the
 * whole log over as one copy, about 6 KB of the panel's heap per request with initiator stacks (measured in
 * Chromium 156), so 300 MB for a 50,000-request session. Reads are therefore rare and never overlap:
 * - only while the log is short enough for its copy to be light (MAX_LOG_READ); past it, an entry Chrome
 *   reported early stays as reported (a request blocked on a response it had not merged in is listed as blocked,
 *   without the failing check);
 * - only while some entry waits for its complete report, or some recent entry has not been checked yet;
 * - once the page has been quiet for a moment (a burst is read once, not batch by batch); a page that never
 *   pauses still has its waiting entries read after BUSY_MS;
 * - never sooner after the last read than twice as long as it took, so a long log is read less often.
 */
import { MAX_LOG_READ } from '../src/har/log-read-limit';

export { MAX_LOG_READ };

/** Entries quiet for this long are taken as merged: a read then sees them as Chrome finally recorded them. */
export const QUIET_MS = 600;
/** How long an entry waiting for its complete report waits at most for the page to go quiet. */
export const BUSY_MS = 2000;

export interface ReadClock {
  /** Entries in DevTools' log, as far as the panel knows (the last read's length, plus entries since). */
  readonly logLength: number;
  /** When entries last arrived. */
  readonly lastArrival: number;
  /** When the entry waiting longest for its complete report arrived; null when none waits. */
  readonly incompleteSince: number | null;
  /** Some entries were added since the last check against a read (`reconcile`). */
  readonly recent: boolean;
  /** When the last read ended, and how long it took (0 and 0 before the first). */
  readonly lastReadEnd: number;
  readonly lastReadMs: number;
}

/** When the next read is due (same clock as the inputs), or null when nothing needs one. */
export function nextReadAt(c: ReadClock): number | null {
  if (!readsAllowed(c.logLength) || (c.incompleteSince === null && !c.recent)) return null;
  const quiet = c.lastArrival + QUIET_MS;
  const due = c.incompleteSince === null ? quiet : Math.min(quiet, c.incompleteSince + BUSY_MS);
  return Math.max(due, c.lastReadEnd + 2 * c.lastReadMs);
}

/** Whether a log this long is still read again. */
export function readsAllowed(logLength: number): boolean {
  return logLength <= MAX_LOG_READ;
}
