/**
 * Redirect chains: Chrome records one entry per hop, linked only by the 3xx's redirectURL and time. Each hop is
 * claimed by at most one predecessor, the closest one in time, so identical redirecting requests in flight
 * together still form separate chains.
 */
import { hasResponse } from '../http';
import type { Entry } from './entry';
import { byTime } from './pair';
import { indexByUrl } from './url-index';

const TOLERANCE_MS = 5;

/** The next hop of each redirecting entry, by entry index. */
export function linkRedirects(requests: readonly Entry[]): Map<number, Entry> {
  const redirecting = requests.filter((r) => r.redirectUrl !== null).sort(byTime);
  const byUrl = indexByUrl(requests, new Set(redirecting.map((r) => r.redirectUrl as string)));
  const next = new Map<number, Entry>();
  const claimed = new Set<number>();
  for (const r of redirecting) {
    const candidates = byUrl.get(r.redirectUrl as string);
    if (!candidates) continue;
    let best: Entry | null = null;
    for (const c of candidates) {
      if (c.index === r.index || claimed.has(c.index)) continue;
      if (c.method !== r.method && c.method !== 'GET') continue;
      if (r.start !== 0 && c.start !== 0 && (c.start < r.start || c.start < r.end - TOLERANCE_MS)) continue;
      if (!best || byTime(c, best) < 0) best = c;
    }
    if (best) {
      next.set(r.index, best);
      claimed.add(best.index);
    }
  }
  return next;
}

/**
 * The entry Chrome adds for the Location of a `redirect: 'manual'` fetch: status 0, net::ERR_ABORTED, no
 * response. It never reached the server and is not a hop of the exchange.
 */
export function isPhantomHop(e: Entry): boolean {
  return e.error === 'net::ERR_ABORTED' && !hasResponse(e);
}
