/**
 * The engine on requests the page did not make with fetch() itself (the zoo's "initiators" group: elements, XHR,
 * EventSource, beacons, no-cors fetches, frames, dedicated/module/data: workers, a service worker), recorded in
 * Chromium 156 (test/fixtures/chromium/initiators.json; what DevTools records for each is in the README there).
 * Chrome's own verdict per request is the truth. The requirement, per request:
 *   - no confident wrong verdict: a blocked / allowed / not-cors verdict with confidence certain or inferred that
 *     disagrees with Chrome (a blocked verdict must also name Chrome's code and failedParameter);
 *   - every verdict the HAR can support: what the HAR entries themselves show (see `supportOf`) must be said.
 * A table of every request (Chrome, what the HAR supports, the engine, and the entries) is printed first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyseHar, type AnalysedExchange } from '../../src/har';
import type { ChromeRecord, Fixture } from '../support/differential';

interface HarHeader { name: string; value: string }
interface HarEntry {
  pageref?: string;
  _resourceType?: string;
  _initiator?: { type?: string; url?: string };
  startedDateTime: string;
  request: { method: string; url: string; headers: HarHeader[] };
  response: { status: number; headers: HarHeader[]; _error?: string | null };
}
/** Chrome's verdict on one request, and the target that reported it. */
type Verdict = ChromeRecord & { readonly target?: string };

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/chromium/initiators.json'), 'utf8')) as Fixture & {
  pageOrigin: string;
  chrome: Verdict[];
  cases: { id: string; incomplete?: boolean }[];
  har: { entries: HarEntry[] };
};
const entries = fixture.har.entries;
const analysis = analyseHar(fixture.har);

/** Codes Chrome gives when the preflight's answer failed: the evidence is the OPTIONS entry. */
const PREFLIGHT_CODES = new Set([
  'PreflightInvalidStatus', 'PreflightDisallowedRedirect', 'PreflightWildcardOriginNotAllowed', 'PreflightMissingAllowOriginHeader',
  'PreflightMultipleAllowOriginValues', 'PreflightInvalidAllowOriginValue', 'PreflightAllowOriginMismatch', 'PreflightInvalidAllowCredentials',
  'InvalidAllowMethodsPreflightResponse', 'InvalidAllowHeadersPreflightResponse', 'MethodDisallowedByPreflightResponse', 'HeaderDisallowedByPreflightResponse',
]);

/**
 * What the HAR can support for one request, from its entries alone:
 *   exact          Chrome blocked it and the HAR holds the response Chrome checked (the OPTIONS entry for a
 *                  preflight code, else the request's own entry, with a status and response headers): blocked, with
 *                  Chrome's code and failedParameter, confidently. (Not for a worker's request whose preflight fails
 *                  only with credentials: see CREDENTIALED_PREFLIGHT_CODES.)
 *   blocked        Chrome blocked it but the entry Chrome checked has status 0 and no response headers (a worker's
 *                  blocked request): blocked, in any confidence; the code cannot be known.
 *   not-blocked    the entry has a status and no _error (the browser completed the load): allowed or not-cors,
 *                  confidently.
 *   failed, not CORS  the load failed without a CORS error (Opaque Response Blocking's net::ERR_ABORTED): unknown with
 *                  that network error, or not-cors.
 *   nothing        the HAR has no entry for the request.
 */
type Support = 'exact' | 'blocked' | 'not-blocked' | 'failed, not CORS' | 'nothing';

const header = (e: HarEntry | undefined, name: string): string | null => e?.request.headers.find((h) => h.name.toLowerCase() === name)?.value ?? null;
const isPreflightEntry = (e: HarEntry) => e._resourceType === 'preflight';
const answered = (e: HarEntry | undefined) => !!e && e.response.status > 0 && e.response.headers.length > 0;

/**
 * Preflight codes that depend on the credentials mode. A page's request with status 0 failed at its preflight, so
 * the OPTIONS entry settles them; a worker's request (no pageref) shows status 0 wherever it failed
 * (in-worker-put-actual-no-acao), so a preflight that fails only with credentials does not locate the failure.
 */
const CREDENTIALED_PREFLIGHT_CODES = new Set(['PreflightWildcardOriginNotAllowed', 'PreflightInvalidAllowCredentials']);

function supportOf(r: Verdict, entry: HarEntry | undefined, preflight: HarEntry | undefined): Support {
  if (!entry) return 'nothing';
  if (r.corsError && PREFLIGHT_CODES.has(r.corsError)) {
    if (CREDENTIALED_PREFLIGHT_CODES.has(r.corsError) && !entry.pageref && !answered(entry)) return 'blocked';
    return answered(preflight) ? 'exact' : 'blocked';
  }
  if (r.corsError) return answered(entry) ? 'exact' : 'blocked';
  if (r.outcome === 'failed') return 'failed, not CORS';
  return entry.response.status > 0 && !entry.response._error ? 'not-blocked' : 'nothing';
}

const CONFIDENT = new Set(['certain', 'inferred']);
const chromeSays = (r: Verdict) => (r.corsError ? `blocked ${r.corsError}${r.failedParameter ? ` (${r.failedParameter})` : ''}` : r.outcome === 'failed' ? `failed ${r.errorText}` : 'passed');
const engineSays = (x: AnalysedExchange | undefined) => {
  if (!x) return '(no exchange)';
  const ev = x.evaluation;
  if (ev.verdict === 'blocked') return `blocked ${ev.error?.code ?? '(no code)'}${ev.error?.failedParameter ? ` (${ev.error.failedParameter})` : ''}`;
  if (ev.verdict === 'unknown' && ev.networkError) return `unknown (${ev.networkError})`;
  return ev.verdict;
};

/** A confident verdict that disagrees with Chrome, or null. */
function confidentWrong(r: Verdict, x: AnalysedExchange | undefined): string | null {
  if (!x) return null;
  const ev = x.evaluation;
  if (!CONFIDENT.has(ev.confidence) || ev.verdict === 'unknown') return null;
  if (r.corsError) {
    if (ev.verdict !== 'blocked') return `${ev.verdict} (${ev.confidence}), but Chrome blocked it with ${r.corsError}`;
    if (ev.error?.code !== r.corsError || ev.error.failedParameter !== (r.failedParameter ?? '')) {
      return `blocked ${ev.error?.code} (${JSON.stringify(ev.error?.failedParameter)}, ${ev.confidence}), but Chrome says ${r.corsError} (${JSON.stringify(r.failedParameter)})`;
    }
    return null;
  }
  return ev.verdict === 'blocked' ? `blocked ${ev.error?.code} (${ev.confidence}), but Chrome did not block it (${chromeSays(r)})` : null;
}

/** The verdict the HAR supports, missing from the engine's answer, or null. */
function unsupported(r: Verdict, support: Support, x: AnalysedExchange | undefined): string | null {
  if (support === 'nothing') return null;
  if (!x) return `no exchange, but the HAR supports "${support}"`;
  const ev = x.evaluation;
  const got = `${engineSays(x)}, ${ev.confidence}`;
  switch (support) {
    case 'exact':
      return ev.verdict === 'blocked' && CONFIDENT.has(ev.confidence) && ev.error?.code === r.corsError && ev.error.failedParameter === (r.failedParameter ?? '')
        ? null : `the HAR supports blocked ${r.corsError} (${JSON.stringify(r.failedParameter)}) with confidence; the engine says ${got}`;
    case 'blocked':
      return ev.verdict === 'blocked' ? null : `the HAR supports "blocked" (status 0, net::ERR_FAILED); the engine says ${got}`;
    case 'not-blocked':
      return (ev.verdict === 'allowed' || ev.verdict === 'not-cors') && CONFIDENT.has(ev.confidence)
        ? null : `the HAR shows the load completed (status ${x.record.hops.at(-1)?.response?.status}, no _error); the engine says ${got}`;
    case 'failed, not CORS':
      return (ev.verdict === 'unknown' && ev.networkError) || ev.verdict === 'not-cors' ? null : `the HAR shows ${r.errorText}, not a CORS failure; the engine says ${got}`;
  }
}

interface Row {
  readonly label: string;
  readonly record: Verdict;
  readonly entry: HarEntry | undefined;
  readonly preflight: HarEntry | undefined;
  readonly exchange: AnalysedExchange | undefined;
  readonly support: Support;
}

// Requests are matched by method and URL (the HAR has no request ids); a URL requested twice (EventSource's
// reconnection) is matched in time order on both sides.
const key = (method: string, url: string) => `${method} ${url}`;
const byTime = (a: HarEntry, b: HarEntry) => Date.parse(a.startedDateTime) - Date.parse(b.startedDateTime);
const rows: Row[] = [];
{
  const taken = new Map<string, number>();
  for (const r of fixture.chrome) {
    const k = key(r.method, r.url);
    const i = taken.get(k) ?? 0;
    taken.set(k, i + 1);
    const own = entries.filter((e) => !isPreflightEntry(e) && key(e.request.method, e.request.url) === k).sort(byTime);
    const xs = analysis.exchanges.filter((x) => key(x.method, x.url) === k).sort((a, b) => a.start - b.start);
    const entry = own[i];
    const exchange = xs[i];
    const pfIndex = exchange?.preflightEntries[0];
    const preflight = pfIndex != null ? (entries[pfIndex] as HarEntry) : entries.find((e) => isPreflightEntry(e) && e.request.url === r.url);
    const step = /\/c\/[^/]+\/([^/?]+)/.exec(r.url)?.[1] ?? '?';
    rows.push({ label: `${r.caseId} ${step} ${r.method}${i ? ` #${i + 1}` : ''}`, record: r, entry, preflight, exchange, support: supportOf(r, entry, preflight) });
  }
}

function table(): string {
  const origin = (e: HarEntry | undefined) => { const o = header(e, 'origin'); return o === null ? '-' : o === 'null' ? 'null' : 'yes'; };
  const cols = ['request', 'Chrome says (target)', 'HAR supports', 'engine says', 'confidence', 'type', 'initiator', 'Sec-Fetch-Mode', 'Origin', 'status', '_error', 'preflight', 'check'];
  const lines = rows.map((w) => {
    const e = w.entry;
    const wrong = confidentWrong(w.record, w.exchange);
    const missing = unsupported(w.record, w.support, w.exchange);
    return [
      w.label, `${chromeSays(w.record)} (${w.record.target ?? 'page'})`, w.support, engineSays(w.exchange), w.exchange?.evaluation.confidence ?? '-',
      e?._resourceType ?? '-', e?._initiator?.type ?? '-', header(e, 'sec-fetch-mode') ?? '-', origin(e), String(e?.response.status ?? '-'),
      e?.response._error ?? '-', w.preflight ? `${w.preflight.response.status}` : '-', wrong ? 'CONFIDENT WRONG' : missing ? 'unsupported' : 'ok',
    ];
  });
  const short = (l: string[]) => l.map((c) => c.replaceAll(fixture.pageOrigin, 'PAGE'));
  const cells = lines.map(short);
  const width = cols.map((c, i) => Math.max(c.length, ...cells.map((l) => (l[i] as string).length)));
  const fmt = (l: string[]) => l.map((c, i) => c.padEnd(width[i] as number)).join('  ').trimEnd();
  return [fmt(cols), fmt(width.map((n) => '-'.repeat(n))), ...cells.map(fmt)].join('\n');
}

describe('engine vs Chrome on requests not made with fetch() (initiators.json)', () => {
  beforeAll(() => {
    console.log(`${fixture.browser}, ${rows.length} requests (PAGE = ${fixture.pageOrigin})\n${table()}`);
  });

  test('the fixture holds every request Chrome saw, each with its HAR entry, and every case ended', () => {
    expect(rows.length).toBeGreaterThan(50);
    expect(fixture.cases.filter((c) => c.incomplete).map((c) => c.id)).toEqual([]);
    expect(rows.filter((w) => !w.entry).map((w) => w.label)).toEqual([]);
    // Both sides of the requirement are exercised: blocked and allowed requests, on the page and in workers.
    expect(new Set(rows.map((w) => w.support))).toEqual(new Set(['exact', 'blocked', 'not-blocked', 'failed, not CORS']));
    expect(new Set(rows.map((w) => w.record.target ?? 'page'))).toEqual(new Set(['page', 'worker', 'iframe', 'service_worker']));
  });

  test.each(rows.map((w) => [w.label, w] as const))('%s: no confident wrong verdict', (_label, w) => {
    expect(confidentWrong(w.record, w.exchange)).toBeNull();
  });

  test.each(rows.map((w) => [w.label, w] as const))('%s: the verdict the HAR supports', (_label, w) => {
    expect(unsupported(w.record, w.support, w.exchange)).toBeNull();
  });
});
