/**
 * Scores the engine on one capture against Chrome's verdicts, request by request, for the producer matrix
 * (test/unit/producers.test.ts). The keys are differential.ts's: a request agrees when the engine's key equals
 * Chrome's ("allowed" and "not-cors" both read as Chrome's "passed"). A disagreement is *confident* when the
 * engine said allowed, blocked or not-cors with confidence certain or inferred; one said with confidence
 * uncertain, or an `unknown` verdict, is the engine admitting the file cannot tell. A request with no exchange
 * at its URL and method is `missing`: the file has no trace of it (never sent, or the producer dropped it).
 */
import { analyseHar, type AnalysedExchange } from '../../src/har';
import { type ChromeRecord, chromeKey, engineKey, type Fixture } from './differential';

export type Outcome = 'agree' | 'confident-wrong' | 'uncertain' | 'missing';

export interface Scored {
  readonly caseId: string;
  readonly method: string;
  readonly url: string;
  readonly outcome: Outcome;
  readonly chrome: string;
  /** The engine's key, verdict and confidence, or "(no exchange)". */
  readonly engine: string;
  /** For a confident wrong verdict: true when Chrome and the engine agree on blocked vs not, and differ in code or failedParameter only. */
  readonly codeOnly: boolean;
}

export interface Score {
  readonly requests: number;
  readonly agree: number;
  /** Of the agreements, those the engine marked uncertain (right, but not sure). */
  readonly agreeUncertain: number;
  readonly confidentWrong: number;
  readonly uncertain: number;
  readonly missing: number;
  readonly scored: readonly Scored[];
}

const confident = (x: AnalysedExchange): boolean => x.evaluation.verdict !== 'unknown' && x.evaluation.confidence !== 'uncertain';
const blockedOrNot = (key: string): string => (key.startsWith('blocked') ? 'blocked' : key);

export function scoreFixture(fixture: Fixture, har: unknown = fixture.har): Score {
  const engineBy = new Map<string, AnalysedExchange[]>();
  for (const x of analyseHar(har).exchanges) {
    const k = `${x.method} ${x.url}`;
    engineBy.set(k, [...(engineBy.get(k) ?? []), x]);
  }
  const chromeBy = new Map<string, ChromeRecord[]>();
  for (const r of fixture.chrome) chromeBy.set(`${r.method} ${r.url}`, [...(chromeBy.get(`${r.method} ${r.url}`) ?? []), r]);
  const scored: Scored[] = [];
  let agreeUncertain = 0;
  for (const [k, records] of chromeBy) {
    const left = [...(engineBy.get(k) ?? [])];
    const unmatched: ChromeRecord[] = [];
    // Identical requests (same method and URL) are a multiset: equal answers pair first.
    for (const r of records) {
      const i = left.findIndex((x) => engineKey(x) === chromeKey(r));
      if (i < 0) { unmatched.push(r); continue; }
      const [x] = left.splice(i, 1) as [AnalysedExchange];
      if (!confident(x)) agreeUncertain++;
      scored.push({ caseId: r.caseId, method: r.method, url: r.url, outcome: 'agree', chrome: chromeKey(r), engine: describeExchange(x), codeOnly: false });
    }
    for (const r of unmatched) {
      const x = left.shift();
      if (!x) {
        scored.push({ caseId: r.caseId, method: r.method, url: r.url, outcome: 'missing', chrome: chromeKey(r), engine: '(no exchange)', codeOnly: false });
        continue;
      }
      const wrong = confident(x);
      scored.push({
        caseId: r.caseId, method: r.method, url: r.url, outcome: wrong ? 'confident-wrong' : 'uncertain', chrome: chromeKey(r), engine: describeExchange(x),
        codeOnly: wrong && blockedOrNot(engineKey(x)) === blockedOrNot(chromeKey(r)),
      });
    }
  }
  const count = (o: Outcome) => scored.filter((s) => s.outcome === o).length;
  return { requests: scored.length, agree: count('agree'), agreeUncertain, confidentWrong: count('confident-wrong'), uncertain: count('uncertain'), missing: count('missing'), scored };
}

function describeExchange(x: AnalysedExchange): string {
  const ev = x.evaluation;
  const code = ev.error ? ` ${ev.error.code} ${JSON.stringify(ev.error.failedParameter)}` : '';
  return `${ev.verdict}${code} (${ev.confidence}${ev.notes.length ? `; ${ev.notes.join(', ')}` : ''})`;
}

interface RawEntry {
  _resourceType?: string;
  _initiator?: unknown;
  _initiator_type?: string;
  request?: { method?: string; url?: string; headers?: { name: string; value: string }[] };
  response?: { status?: number; headers?: { name: string; value: string }[]; _error?: string | null; _failureText?: string };
}

export function entriesOf(har: unknown): RawEntry[] {
  const h = (har ?? {}) as { entries?: RawEntry[]; log?: { entries?: RawEntry[] } };
  return h.entries ?? h.log?.entries ?? [];
}

/**
 * The HAR entries at a URL in one line each, with what decides a CORS verdict: status, the failure field
 * (`_error`, or Playwright's `_failureText`), the resource type, Origin and Cookie on the request, the
 * Access-Control-* response headers present. For failure reports.
 */
export function describeEntriesAt(har: unknown, url: string): string[] {
  return entriesOf(har).filter((e) => e.request?.url === url).map((e) => {
    const req = e.request?.headers ?? [];
    const res = e.response?.headers ?? [];
    const has = (hs: { name: string }[], n: string) => hs.filter((h) => h.name.toLowerCase() === n).length;
    const failure = e.response?._error ? ` _error=${e.response._error}` : e.response?._failureText ? ` _failureText=${e.response._failureText}` : '';
    const initiator = typeof e._initiator === 'object' && e._initiator ? (e._initiator as { type?: string }).type : e._initiator_type;
    const acx = [...new Set(res.map((h) => h.name).filter((n) => /^access-control-/i.test(n)))];
    return `${e.request?.method} ${e.response?.status}${failure} type=${e._resourceType ?? '-'} initiator=${initiator ?? '-'}`
      + ` req[${req.length} headers, Origin×${has(req, 'origin')}, Cookie×${has(req, 'cookie')}] res[${res.length} headers${acx.length ? `, ${acx.join(' ')}` : ''}]`;
  });
}
