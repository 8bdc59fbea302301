/**
 * Properties of the policy for any capture (fast-check), stated against the policy JSON, not its internals:
 * - every CORS exchange passes on a server configured from the JSON lines alone, except those in cannotPass,
 *   each with a reason; and pass counts add up;
 * - the policy allows no origin, method or header that no request showed, never `*`, and never "null" together
 *   with credentials.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type ExchangeRecord, type Header, type HopRecord, normaliseMethod, originOf } from '../../../src/cors';
import { type PolicyPart, policyReport } from '../../../src/policy';
import { isCorsExchange } from '../../../src/policy/select';
import { analysed } from '../../support/analysed';
import { passesUnder } from '../../support/policy-harness';

const PAGE = 'http://127.0.0.1:8001';
const DEV = 'http://localhost:5173';
const API = 'http://127.0.0.1:8002';
const THIRD = 'https://api.example.test';
const URLS = [`${API}/a/x`, `${API}/a/y`, `${API}/b/z`, `${THIRD}/c`, `${THIRD}/d/1`, `${PAGE}/p`];

const corsHeader = fc.oneof(
  fc.record({ name: fc.constant('Access-Control-Allow-Origin'), value: fc.constantFrom('*', PAGE, DEV, 'null', `${PAGE}/`) }),
  fc.record({ name: fc.constant('Access-Control-Allow-Credentials'), value: fc.constantFrom('true', 'True') }),
  fc.record({ name: fc.constant('Access-Control-Allow-Methods'), value: fc.constantFrom('*', 'PUT', 'GET, POST', 'P UT') }),
  fc.record({ name: fc.constant('Access-Control-Allow-Headers'), value: fc.constantFrom('*', 'x-custom', 'content-type') }),
  fc.record({ name: fc.constantFrom('X-Request-Id', 'ETag', 'Set-Cookie'), value: fc.constant('v') }),
);
const authorHeader = fc.constantFrom<Header>(
  { name: 'X-Custom', value: '1' },
  { name: 'Content-Type', value: 'application/json' },
  { name: 'Content-Type', value: 'text/plain' },
  { name: 'Authorization', value: 'Bearer t' },
  { name: 'DPR', value: '2' },
);
const step = fc.record({
  headers: fc.array(corsHeader, { maxLength: 4 }),
  status: fc.constantFrom(200, 204, 401, 404, 500),
  redirect: fc.constantFrom(301, 302, 303, 307),
  preflight: fc.option(fc.record({ headers: fc.array(corsHeader, { maxLength: 4 }), status: fc.constantFrom(204, 200, 401, 302) }), { nil: null }),
});

const record: fc.Arbitrary<ExchangeRecord> = fc
  .record({
    browser: fc.constantFrom<'chrome' | 'firefox'>('chrome', 'firefox'),
    origin: fc.constantFrom(PAGE, PAGE, DEV, 'null'),
    credentials: fc.constantFrom<'include' | 'omit' | 'unknown'>('include', 'omit', 'unknown'),
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'patch'),
    authorHeaders: fc.uniqueArray(authorHeader, { maxLength: 3, selector: (x) => x.name }),
    urls: fc.array(fc.constantFrom(...URLS), { minLength: 1, maxLength: 3 }),
    steps: fc.array(step, { minLength: 3, maxLength: 3 }),
    outcome: fc.constantFrom('completed', 'failed', 'unsent', 'network-error'),
  })
  .map(({ browser, origin, credentials, method, authorHeaders, urls, steps, outcome }) => {
    const hops: HopRecord[] = urls.map((url, i) => {
      const s = steps[i] as (typeof steps)[number];
      const next = urls[i + 1] ?? null;
      const last = next === null;
      const pf = s.preflight;
      const acrh = authorHeaders.map((a) => a.name.toLowerCase()).sort().join(',');
      const preflight = pf && {
        requestHeaders: [{ name: 'Origin', value: origin }, { name: 'Access-Control-Request-Method', value: method }, ...(acrh ? [{ name: 'Access-Control-Request-Headers', value: acrh }] : [])],
        response: { status: pf.status, headers: pf.status === 302 ? [...pf.headers, { name: 'Location', value: `${url}/` }] : pf.headers, redirectUrl: pf.status === 302 ? `${url}/` : null },
        error: null,
      };
      const sent: Header[] = [{ name: 'Origin', value: origin }, ...(credentials === 'include' ? [{ name: 'Cookie', value: 's=1' }] : [])];
      if (last && (outcome === 'unsent' || outcome === 'network-error')) {
        return { url, method, requestHeaders: [], provisional: outcome === 'unsent', preflight, response: null, error: outcome === 'unsent' ? 'net::ERR_FAILED' : 'net::ERR_CONNECTION_REFUSED' };
      }
      const response = { status: last ? s.status : s.redirect, headers: last ? s.headers : [...s.headers, { name: 'Location', value: next }], redirectUrl: next };
      return { url, method, requestHeaders: sent, provisional: false, preflight, response, error: last && outcome === 'failed' ? 'net::ERR_FAILED' : null };
    });
    return { browser, initiatorOrigin: origin, mode: 'cors', credentials: credentials === 'include' ? 'include' : 'unknown', authorHeaders, hops, errorsRecorded: browser === 'chrome' };
  });

/** What the capture shows was sent to a target: origins, methods and header names, from the records alone. */
function observed(records: readonly ExchangeRecord[], target: string) {
  const origins = new Set<string>();
  const methods = new Set<string>();
  const headers = new Set<string>();
  for (const r of records) {
    const at = r.hops.map((h) => originOf(h.url));
    if (!at.includes(target)) continue;
    origins.add(r.initiatorOrigin);
    if (new Set(at).size > 1) origins.add('null'); // a redirect across origins taints the request
    for (const h of r.hops) {
      methods.add(h.method).add(normaliseMethod(h.method));
      // A 301/302 turns a POST, and a 303 anything, into the GET the browser sends next.
      if ([301, 302, 303].includes(h.response?.redirectUrl ? h.response.status : 0)) methods.add('GET');
      for (const p of h.preflight?.requestHeaders ?? []) {
        if (/^access-control-request-method$/i.test(p.name)) methods.add(p.value);
        if (/^access-control-request-headers$/i.test(p.name)) for (const n of p.value.split(',')) headers.add(n.trim().toLowerCase());
      }
    }
    for (const a of r.authorHeaders) headers.add(a.name.toLowerCase());
  }
  return { origins, methods, headers };
}

const STATS: { passing: number; [kind: string]: number } = { passing: 0 };

describe('the policy, for any capture', () => {
  test('passes every CORS exchange on a server configured from its lines, except those it lists with a reason; allows nothing unobserved', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(5), { maxLength: 2 }), (records, unknown) => {
        const xs = analysed(records, unknown);
        const report = policyReport(xs);
        const cors = xs.filter(isCorsExchange);
        expect(report.pass.total).toBe(cors.length);
        expect(report.pass.passing + report.cannotPass.length).toBe(report.pass.total);
        STATS.passing += report.pass.passing;
        for (const c of report.cannotPass) STATS[c.kind] = (STATS[c.kind] ?? 0) + 1;
        const refused = new Map(report.cannotPass.map((c) => [c.exchange, c]));
        for (const c of refused.values()) {
          expect(c.reason.length).toBeGreaterThan(0);
          expect(c.kind).not.toBe('replay-failed');
        }
        for (const x of cors) if (!refused.has(x.id)) expect(passesUnder(report, x), `exchange ${x.id}`).toBe(true);

        for (const p of report.policies) {
          const seen = observed(records, p.target);
          for (const part of [p, ...p.parts] as PolicyPart[]) {
            for (const o of part.origins) expect(seen.origins).toContain(o);
            for (const m of [...part.methods, ...part.allMethods]) expect(seen.methods).toContain(m);
            for (const n of part.requestHeaders) expect(seen.headers).toContain(n);
            expect(part.origins).not.toContain('*');
            if (part.credentials) expect(part.origins).not.toContain('null');
            for (const l of [...part.preflightResponse, ...part.actualResponse]) expect(l.value).not.toBe('*');
            expect(part.pass.passing + part.cannotPass.length).toBe(part.pass.total);
          }
        }
      }),
      { numRuns: 600 },
    );
    // Not vacuous: the captures generated reach passing exchanges and several reasons not to pass.
    expect(STATS.passing).toBeGreaterThan(200);
    expect(Object.keys(STATS).length).toBeGreaterThan(4);
  });
});
