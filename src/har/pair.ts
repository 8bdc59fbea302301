/**
 * Pairs each OPTIONS preflight with the request it guarded. HAR entries carry no ids (design.md), so the pairing
 * uses what a preflight says about its request: same URL, Access-Control-Request-Method equal to the request's
 * method, every name in Access-Control-Request-Headers present on the request, the same Origin, and time (the
 * request starts before its preflight; it reaches the network only after the preflight ended). Among several
 * identical requests in flight, preflights are matched first-come first-served, which is the order the browser
 * issues them in. Array order is ignored: getHAR() order is not chronological.
 */
import { headerValue } from '../cors';
import { type Entry, isProvisional } from './entry';

/** Slack for timestamps that HAR rounds to the millisecond. */
const TOLERANCE_MS = 2;

export interface Pairing {
  /** Preflight entry by the index of the request entry it guarded. */
  readonly preflightFor: ReadonlyMap<number, Entry>;
  /** Preflights whose request is not in the capture. */
  readonly orphans: readonly Entry[];
}

export function pairPreflights(preflights: readonly Entry[], requests: readonly Entry[]): Pairing {
  const byUrl = new Map<string, Entry[]>();
  for (const r of requests) {
    const list = byUrl.get(r.url);
    if (list) list.push(r);
    else byUrl.set(r.url, [r]);
  }
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

function bestCandidate(p: Entry, candidates: readonly Entry[], taken: ReadonlyMap<number, Entry>): Entry | null {
  const method = headerValue(p.requestHeaders, 'access-control-request-method');
  const names = (headerValue(p.requestHeaders, 'access-control-request-headers') ?? '')
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter((n) => n !== '');
  const origin = headerValue(p.requestHeaders, 'origin');
  let best: Entry | null = null;
  for (const a of candidates) {
    if (taken.has(a.index)) continue;
    if (method !== null && a.method !== method) continue;
    if (!hasAllNames(a, names)) continue;
    if (!isProvisional(a)) {
      const sentOrigin = headerValue(a.requestHeaders, 'origin');
      if (origin !== null && sentOrigin !== null && sentOrigin !== origin) continue;
    }
    if (!timingFits(p, a)) continue;
    if (!best || byTime(a, best) < 0) best = a;
  }
  return best;
}

function hasAllNames(a: Entry, names: readonly string[]): boolean {
  if (names.length === 0) return true;
  const have = new Set(a.requestHeaders.map((h) => h.name.toLowerCase()));
  return names.every((n) => have.has(n));
}

function timingFits(p: Entry, a: Entry): boolean {
  if (p.start === 0 || a.start === 0) return true;
  if (a.start > p.start + TOLERANCE_MS) return false;
  // A request blocked by its preflight fails after the preflight answered; one that went on was sent after it.
  return isProvisional(a) ? a.end >= p.end - TOLERANCE_MS : a.sent >= p.end - TOLERANCE_MS;
}
