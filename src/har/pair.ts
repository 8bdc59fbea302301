/**
 * Pairs each OPTIONS preflight with the request it guarded. HAR entries carry no ids (design.md), so the pairing
 * uses what a preflight says about its request: same URL, Access-Control-Request-Method equal to the request's
 * method, every name in Access-Control-Request-Headers present on the request, the same Origin, and time (the
 * request starts before its preflight; it reaches the network only after the preflight ended).
 *
 * Identical requests in flight together are told apart by outcome, not by time alone (Chrome's timestamps
 * stretch under load): a request that never reached the network goes with a preflight that fails, one that went
 * through with a preflight that passes. Within one URL the pairs are a maximum matching, so one early mistake
 * cannot leave a later preflight without its request. Array order is ignored: getHAR() order is not chronological.
 */
import { type Browser, BROWSERS, checkPreflight, corsUnsafeHeaders, type Header, headerValue, isForbiddenRequestHeader } from '../cors';
import { hasResponse } from '../http';
import { type Entry, isProvisional } from './entry';
import { authorHeaders } from './infer';
import { indexByUrl } from './url-index';

/**
 * Slack for timestamps: HAR rounds to the millisecond, and Chrome's preflight and request clocks were seen ~1 ms
 * apart (a blocked request "ending" before its preflight started).
 */
const TOLERANCE_MS = 5;

/**
 * Slack for a second pass over what the first left unpaired. The preflight's and the request's timestamps come
 * from different clocks, and on a loaded machine (CI running tests in parallel) they drift further than
 * TOLERANCE_MS: a preflight and its request were left apart there, one reported as a cached preflight and the
 * other as a preflight without its request. Only leftovers are paired this loosely, so it cannot displace a pair
 * that fits the tight window.
 */
const SKEW_MS = 250;

const NO_REMOVED: ReadonlySet<string> = new Set();

export interface Pairing {
  /** Preflight entry by the index of the request entry it guarded. */
  readonly preflightFor: ReadonlyMap<number, Entry>;
  /** Preflights whose request is not in the capture. */
  readonly orphans: readonly Entry[];
  /** A pair was made although its request lacks a header the export may have removed (see `removed`). */
  readonly removedSeen: boolean;
}

export function byTime(a: Entry, b: Entry): number {
  return a.start - b.start || a.index - b.index;
}

export interface Asked {
  readonly method: string | null;
  readonly names: readonly string[];
  readonly origin: string | null;
  /** The preflight's answer passes for a request without credentials. */
  readonly passes: boolean;
}

export function asked(p: Entry): Asked {
  const method = headerValue(p.requestHeaders, 'access-control-request-method');
  const names = (headerValue(p.requestHeaders, 'access-control-request-headers') ?? '')
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter((n) => n !== '');
  const origin = headerValue(p.requestHeaders, 'origin');
  const redirected = p.redirectUrl !== null || p.error === 'net::ERR_INVALID_REDIRECT';
  const answered = hasResponse(p);
  const passes =
    answered &&
    checkPreflight({
      status: p.status,
      headers: p.responseHeaders,
      redirected,
      origin: origin ?? 'null',
      credentials: false,
      method: method ?? 'GET',
      unsafeHeaders: names.map((name) => ({ name, value: '', reason: 'name-not-safelisted' as const })),
    }).failure === null;
  return { method, names, origin, passes };
}

/**
 * `removed`: header names the export may have removed from requests (Authorization, in a sanitized Chrome
 * export). A preflight naming one still pairs with a request that lacks it.
 */
export function pairPreflights(preflights: readonly Entry[], requests: readonly Entry[], removed: ReadonlySet<string> = new Set(), browser: Browser = 'chrome'): Pairing {
  const steps = pairingPreflights(preflights, requests, removed, browser);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** URLs paired between two steps of pairingPreflights. */
const STEP = 200;

/** pairPreflights a step at a time, for a caller that gives way between steps (exchanges.ts: buildingExchanges). */
export function* pairingPreflights(preflights: readonly Entry[], requests: readonly Entry[], removed: ReadonlySet<string> = new Set(), browser: Browser = 'chrome'): Generator<void, Pairing> {
  // Only the requests a preflight could belong to are indexed: most of a capture never had one.
  const byUrl = indexByUrl(requests, new Set(preflights.map((p) => p.url)));
  const preflightsByUrl = indexByUrl(preflights, new Set(preflights.map((p) => p.url)));
  const preflightFor = new Map<number, Entry>();
  const orphans: Entry[] = [];
  let removedSeen = false;
  let urls = 0;
  yield;
  for (const [url, group] of preflightsByUrl) {
    if (++urls % STEP === 0) yield;
    const sorted = [...group].sort(byTime);
    const candidates = byUrl.get(url) ?? [];
    const matched = matchGroup(sorted, candidates, TOLERANCE_MS, removed, browser);
    if (matched.size < sorted.length) {
      const taken = new Set([...matched.values()].map((a) => a.index));
      const loose = matchGroup(
        sorted.filter((p) => !matched.has(p.index)),
        candidates.filter((a) => !taken.has(a.index)),
        SKEW_MS,
        removed,
        browser,
      );
      for (const [p, a] of loose) matched.set(p, a);
    }
    for (const p of group) {
      const a = matched.get(p.index);
      if (a) {
        preflightFor.set(a.index, p);
        removedSeen ||= removed.size > 0 && asked(p).names.some((n) => removed.has(n) && !hasAllNames(a, [n], NO_REMOVED));
      } else orphans.push(p);
    }
  }
  return { preflightFor, orphans, removedSeen };
}

/**
 * Kuhn's augmenting-path matching over the feasible (preflight, request) pairs of one URL, each preflight trying
 * its candidates best first. Groups are small (the requests to one URL in one capture).
 */
export function matchGroup(preflights: readonly Entry[], candidates: readonly Entry[], slack: number, removed: ReadonlySet<string> = NO_REMOVED, browser: Browser = 'chrome'): Map<number, Entry> {
  const options = new Map<number, Entry[]>();
  // Each candidate's own unsafe header names, computed once rather than once per preflight.
  const ownNames = new Map<number, ReadonlySet<string>>();
  const namesOf = (a: Entry): ReadonlySet<string> => {
    let names = ownNames.get(a.index);
    if (!names) {
      names = new Set(corsUnsafeHeaders(authorHeaders(a), browser).map((h) => h.name));
      ownNames.set(a.index, names);
    }
    return names;
  };
  for (const p of preflights) {
    const q = asked(p);
    const scored: [number, Entry][] = [];
    for (const a of candidates) {
      if (!feasible(p, q, a, slack, removed, browser)) continue;
      scored.push([cost(p, q, a, namesOf(a), removed), a]);
    }
    options.set(p.index, scored.sort((x, y) => x[0] - y[0] || byTime(x[1], y[1])).map(([, a]) => a));
  }
  const owner = new Map<number, Entry>(); // request index → preflight
  const tryAssign = (p: Entry, seen: Set<number>): boolean => {
    const mine = options.get(p.index) ?? [];
    // A free candidate first, best first: displacing an earlier pair is only for when nothing else is left
    // (seen in a capture: taking the nearest request would have pushed two right pairs onto wrong ones).
    for (const a of mine) {
      if (!seen.has(a.index) && !owner.has(a.index)) {
        seen.add(a.index);
        owner.set(a.index, p);
        return true;
      }
    }
    for (const a of mine) {
      if (seen.has(a.index)) continue;
      seen.add(a.index);
      const current = owner.get(a.index);
      if (current && tryAssign(current, seen)) {
        owner.set(a.index, p);
        return true;
      }
    }
    return false;
  };
  for (const p of preflights) tryAssign(p, new Set());
  const result = new Map<number, Entry>();
  for (const a of candidates) {
    const p = owner.get(a.index);
    if (p) result.set(p.index, a);
  }
  return result;
}

export function feasible(p: Entry, q: Asked, a: Entry, slack: number, removed: ReadonlySet<string> = NO_REMOVED, browser: Browser = 'chrome'): boolean {
  if (q.method !== null && a.method !== q.method) return false;
  if (!hasAllNames(a, q.names, removed)) return false;
  if (!isProvisional(a)) {
    const sentOrigin = headerValue(a.requestHeaders, 'origin');
    // After a cross-origin redirect Firefox sends the request with Origin: null but its preflight with the page's.
    const tainted = sentOrigin === 'null' && BROWSERS[browser].preflightOriginAfterTaint === 'page';
    if (q.origin !== null && sentOrigin !== null && sentOrigin !== q.origin && !tainted) return false;
  }
  return timingFits(p, a, slack);
}

/**
 * Lower is better. Outcome agreement weighs most (a request that went through did not get a failing answer),
 * then an exact header list, then how closely the request's next step follows the preflight's end.
 */
export function cost(p: Entry, q: Asked, a: Entry, own: ReadonlySet<string>, removed: ReadonlySet<string> = NO_REMOVED): number {
  const wentThrough = !isProvisional(a);
  let c = 0;
  if (wentThrough && !q.passes) c += 1e9;
  // A blocked request with a passing answer is possible (credentials) but less likely than a failing one.
  if (!wentThrough && q.passes) c += 1e6;
  if (!exactNames(own, q.names, removed)) c += 1e3;
  return c + Math.min(999, gap(p, a));
}

function hasAllNames(a: Entry, names: readonly string[], removed: ReadonlySet<string>): boolean {
  // A redirected hop blocked at its preflight was captured without the page's headers (only User-Agent and
  // Referer, seen in Chromium 156): nothing to compare.
  if (names.length === 0 || (isProvisional(a) && a.requestHeaders.every((h: Header) => isForbiddenRequestHeader(h.name, h.value)))) return true;
  const have = new Set(a.requestHeaders.map((h) => h.name.toLowerCase()));
  return names.every((n) => have.has(n) || removed.has(n));
}

/** The request's own CORS-unsafe header names are the preflight's list, no more. */
function exactNames(own: ReadonlySet<string>, names: readonly string[], removed: ReadonlySet<string>): boolean {
  const expected = names.filter((n) => own.has(n) || !removed.has(n));
  return own.size === expected.length && expected.every((n) => own.has(n));
}

/** How far the request's next step is from the preflight's end, in ms. */
function gap(p: Entry, a: Entry): number {
  if (p.start === 0 || a.start === 0) return 0;
  return Math.abs((isProvisional(a) ? a.end : a.sent) - p.end);
}

/**
 * What time rules out for certain: the request started before its preflight, and its next step (sent on, or
 * failed) came after the preflight started. Closeness to the preflight's end is only a preference (see cost):
 * under load Chrome recorded a preflight ending 5 ms after its request was sent.
 */
function timingFits(p: Entry, a: Entry, slack: number): boolean {
  if (p.start === 0 || a.start === 0) return true;
  if (a.start > p.start + slack) return false;
  return (isProvisional(a) ? a.end : a.sent) >= p.start - slack;
}
