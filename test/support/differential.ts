/**
 * Compares the engine with Chrome on a recorded fixture: Chrome's own `Network.loadingFailed.corsErrorStatus`
 * per request is the expected answer, the HAR the extension saw is the input. Requests are matched by the URL
 * and method the page used; identical requests (same URL and method) are compared as a multiset, since a HAR
 * has no request ids to tell them apart.
 */
import { analyseHar, type AnalysedExchange } from '../../src/har';

export interface ChromeRecord {
  readonly url: string;
  readonly method: string;
  readonly caseId: string;
  readonly outcome: 'finished' | 'failed' | 'response-only';
  readonly errorText: string | null;
  readonly corsError: string | null;
  readonly failedParameter: string | null;
}

export interface Fixture {
  readonly browser: string;
  readonly group: string;
  readonly har: unknown;
  readonly chrome: readonly ChromeRecord[];
}

export interface Disagreement {
  readonly caseId: string;
  readonly url: string;
  readonly method: string;
  readonly chrome: string;
  readonly engine: string;
  /** The HAR entries at this URL, as `METHOD status +start ms / time ms (blocked ms)`, so a failure seen only in CI can be diagnosed from its log. */
  readonly entries: readonly string[];
}

function entriesAt(har: unknown, url: string): string[] {
  const log = (har as { entries?: unknown[]; log?: { entries?: unknown[] } }) ?? {};
  const entries = (log.entries ?? log.log?.entries ?? []) as { startedDateTime?: string; time?: number; timings?: { blocked?: number }; request?: { method?: string; url?: string }; response?: { status?: number } }[];
  const at = entries.filter((e) => e.request?.url === url);
  const t0 = Math.min(...at.map((e) => Date.parse(e.startedDateTime ?? '')));
  return at.map((e) => `${e.request?.method} ${e.response?.status} +${Date.parse(e.startedDateTime ?? '') - t0} ms / ${(e.time ?? 0).toFixed(1)} ms (blocked ${(e.timings?.blocked ?? 0).toFixed(1)})`);
}

/**
 * Chrome's verdict in the engine's words: a CORS error code; "passed" when the request finished (allowed, or
 * not CORS at all); "failed, not CORS" when it failed with no CORS error (a refused port, `redirect: 'error'`).
 */
export function chromeKey(r: ChromeRecord): string {
  if (r.corsError) return `blocked ${r.corsError} ${JSON.stringify(r.failedParameter ?? '')}`;
  return r.outcome === 'failed' ? 'failed, not CORS' : 'passed';
}

export function engineKey(x: AnalysedExchange): string {
  const ev = x.evaluation;
  if (ev.verdict === 'blocked') return ev.error ? `blocked ${ev.error.code} ${JSON.stringify(ev.error.failedParameter)}` : 'blocked (no code)';
  // A `redirect: 'manual'` fetch passes CORS on the 3xx and resolves as an opaque redirect; Chrome's network
  // layer records that load as aborted (net::ERR_ABORTED, no CORS error).
  if (ev.verdict === 'allowed' && ev.notes.includes('redirect-not-followed')) return 'failed, not CORS';
  if (ev.verdict === 'unknown') return 'failed, not CORS';
  return 'passed';
}

export function compareFixture(fixture: Fixture): { compared: number; disagreements: Disagreement[]; byCode: Map<string, number> } {
  const analysis = analyseHar(fixture.har);
  const engineBy = new Map<string, AnalysedExchange[]>();
  for (const x of analysis.exchanges) {
    const k = `${x.method} ${x.url}`;
    engineBy.set(k, [...(engineBy.get(k) ?? []), x]);
  }
  const chromeBy = new Map<string, ChromeRecord[]>();
  for (const r of fixture.chrome) {
    const k = `${r.method} ${r.url}`;
    chromeBy.set(k, [...(chromeBy.get(k) ?? []), r]);
  }
  const disagreements: Disagreement[] = [];
  const byCode = new Map<string, number>();
  let compared = 0;
  for (const [k, records] of chromeBy) {
    const expected = records.map(chromeKey).sort();
    const got = (engineBy.get(k) ?? []).map(engineKey).sort();
    for (const r of records) byCode.set(r.corsError ?? '(none)', (byCode.get(r.corsError ?? '(none)') ?? 0) + 1);
    compared += records.length;
    const first = records[0] as ChromeRecord;
    if (expected.join('\n') !== got.join('\n')) {
      disagreements.push({ caseId: first.caseId, url: first.url, method: first.method, chrome: expected.join(' | '), engine: got.join(' | ') || '(no exchange)', entries: entriesAt(fixture.har, first.url) });
    }
  }
  return { compared, disagreements, byCode };
}

export interface PanelRow {
  readonly verdict: string;
  readonly code: string;
  readonly method: string;
  readonly url: string;
}

/**
 * The panel's rows against Chrome, by what a row shows: blocked with Chrome's code, or not blocked. (The
 * failedParameter is the engine's, compared by compareFixture on the same capture.)
 */
export function comparePanel(fixture: Fixture & { panel?: readonly PanelRow[] }): { compared: number; disagreements: Disagreement[] } {
  const rowsBy = new Map<string, string[]>();
  for (const r of fixture.panel ?? []) {
    const k = `${r.method} ${r.url}`;
    rowsBy.set(k, [...(rowsBy.get(k) ?? []), r.verdict === 'blocked' ? `blocked ${r.code}` : 'not blocked']);
  }
  const chromeBy = new Map<string, ChromeRecord[]>();
  for (const r of fixture.chrome) chromeBy.set(`${r.method} ${r.url}`, [...(chromeBy.get(`${r.method} ${r.url}`) ?? []), r]);
  // A no-cors request whose opaque body the page never reads never "finishes" for onRequestFinished while the
  // page is open, so the live panel has no row for it; getHAR() lists it. Such a request is not CORS at all.
  const notCors = new Set(analyseHar(fixture.har).exchanges.filter((x) => x.evaluation.verdict === 'not-cors').map((x) => `${x.method} ${x.url}`));
  const disagreements: Disagreement[] = [];
  let compared = 0;
  for (const [k, records] of chromeBy) {
    const expected = records.map((r) => (r.corsError ? `blocked ${r.corsError}` : 'not blocked')).sort();
    const got = (rowsBy.get(k) ?? []).sort();
    if (got.length === 0 && notCors.has(k) && records.every((r) => !r.corsError)) continue;
    compared += records.length;
    const first = records[0] as ChromeRecord;
    if (expected.join('\n') !== got.join('\n')) {
      disagreements.push({ caseId: first.caseId, url: first.url, method: first.method, chrome: expected.join(' | '), engine: got.join(' | ') || '(no row)', entries: entriesAt(fixture.har, first.url) });
    }
  }
  return { compared, disagreements };
}
