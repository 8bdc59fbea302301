/**
 * Pairs each OPTIONS preflight with the request it guarded. HAR entries carry no ids (design.md), so the pairing
 * uses what a preflight says about its request: same URL, Access-Control-Request-Method equal to the request's
 * method, every name in Access-Control-Request-Headers present on the request, the same Origin, and time (the
 * request starts before its preflight; it reaches the network only after the preflight ended). Among several
 * identical requests in flight, preflights are matched first-come first-served, which is the order the browser
 * issues them in. Array order is ignored: getHAR() order is not chronological.
 */
import { corsUnsafeHeaders, headerValue, isForbiddenRequestHeader } from '../cors';
import { authorHeaders } from './infer';
import { type Entry, isProvisional } from './entry';
import { indexByUrl } from './url-index';

/**
 * Slack for timestamps: HAR rounds to the millisecond, and Chrome's preflight and request clocks were seen ~1 ms
 * apart (a blocked request "ending" before its preflight started).
 */
const TOLERANCE_MS = 5;

export interface Pairing {
  /** Preflight entry by the index of the request entry it guarded. */
  readonly preflightFor: ReadonlyMap<number, Entry>;
  /** Preflights whose request is not in the capture. */
  readonly orphans: readonly Entry[];
}

export function pairPreflights(preflights: readonly Entry[], requests: readonly Entry[]): Pairing {
  // Only the requests a preflight could belong to are indexed: most of a capture never had one.
  const byUrl = indexByUrl(requests, new Set(preflights.map((p) => p.url)));
  const ordered = [...preflights].sort(byTime);
  const preflightFor = new Map<number, Entry>();
  const orphans: Entry[] = [];
  for (const p of ordered) {
    const candidates = byUrl.get(p.url);
    const match = candidates ? bestCandidate(p, candidates, preflightFor) : null;
    if (match) preflightFor.set(match.index, p);
    else orphans.push(p);
  }
  return { preflightFor, orphans };
}

export function byTime(a: Entry, b: Entry): number {
  return a.start - b.start || a.index - b.index;
}

/**
 * Among the requests a preflight could have guarded, the best: first one whose CORS-unsafe header names are
 * exactly the ones the preflight asked about (a request with X-A and X-B did not send the x-a-only preflight),
 * then the one whose timing hugs the preflight's end (sent right after it, or failed right after it).
 */
function bestCandidate(p: Entry, candidates: readonly Entry[], taken: ReadonlyMap<number, Entry>): Entry | null {
  const method = headerValue(p.requestHeaders, 'access-control-request-method');
  const names = (headerValue(p.requestHeaders, 'access-control-request-headers') ?? '')
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter((n) => n !== '');
  const origin = headerValue(p.requestHeaders, 'origin');
  let best: Entry | null = null;
  let bestScore = Infinity;
  for (const a of candidates) {
    if (taken.has(a.index)) continue;
    if (method !== null && a.method !== method) continue;
    if (!hasAllNames(a, names)) continue;
    if (!isProvisional(a)) {
      const sentOrigin = headerValue(a.requestHeaders, 'origin');
      if (origin !== null && sentOrigin !== null && sentOrigin !== origin) continue;
    }
    if (!timingFits(p, a)) continue;
    const score = (exactNames(a, names) ? 0 : 1e9) + gap(p, a);
    if (score < bestScore || (score === bestScore && best !== null && byTime(a, best) < 0)) {
      best = a;
      bestScore = score;
    }
  }
  return best;
}

/** The request's own CORS-unsafe header names are the preflight's list, no more. */
function exactNames(a: Entry, names: readonly string[]): boolean {
  const own = new Set(corsUnsafeHeaders(authorHeaders(a)).map((h) => h.name));
  return own.size === names.length && names.every((n) => own.has(n));
}

/** How far the request's next step is from the preflight's end, in ms. */
function gap(p: Entry, a: Entry): number {
  if (p.start === 0 || a.start === 0) return 0;
  return Math.abs((isProvisional(a) ? a.end : a.sent) - p.end);
}

function hasAllNames(a: Entry, names: readonly string[]): boolean {
  // A redirected hop blocked at its preflight was captured without the page's headers (only User-Agent and
  // Referer, seen in Chromium 156): nothing to compare.
  if (names.length === 0 || (isProvisional(a) && a.requestHeaders.every((h) => isForbiddenRequestHeader(h.name, h.value)))) return true;
  const have = new Set(a.requestHeaders.map((h) => h.name.toLowerCase()));
  return names.every((n) => have.has(n));
}

function timingFits(p: Entry, a: Entry): boolean {
  if (p.start === 0 || a.start === 0) return true;
  if (a.start > p.start + TOLERANCE_MS) return false;
  // A request blocked by its preflight fails once the preflight is under way; one that went on was sent after it ended.
  return isProvisional(a) ? a.end >= p.start - TOLERANCE_MS : a.sent >= p.end - TOLERANCE_MS;
}
