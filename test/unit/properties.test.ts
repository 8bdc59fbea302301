/**
 * Properties stated for all inputs (fast-check):
 * - the analysis never throws on any input: it returns a verdict or a HarError, nothing else;
 * - for every blocked exchange, applying the fix the explanation suggests makes the re-check pass (repeated while
 *   later responses in the chain fail, since Chrome stops at the first failure).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluate, type ExchangeRecord, type Header, type HopRecord } from '../../src/cors';
import { applyFix, fixFor } from '../../src/explain/fix';
import { analyseHar, HarError } from '../../src/har';

const PAGE = 'http://127.0.0.1:8001';
const ORIGINS = [PAGE, 'http://127.0.0.1:8002', 'http://127.0.0.1:8003', 'https://api.example.test'];
const headerName = fc.constantFrom('Access-Control-Allow-Origin', 'access-control-allow-credentials', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Headers', 'Vary', 'X-Other');
const headerValue = fc.oneof(fc.constantFrom('*', 'null', '', PAGE, `${PAGE}/`, 'true', 'True', 'PUT', 'put, patch', 'x-custom, *', 'P UT', 'content-type'), fc.string({ maxLength: 12 }));
const headers = fc.array(fc.record({ name: headerName, value: headerValue }), { maxLength: 6 });

describe('the analysis never throws', () => {
  test('on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (doc) => {
        try {
          analyseHar(doc);
        } catch (e) {
          expect(e).toBeInstanceOf(HarError);
        }
      }),
      { numRuns: 300 },
    );
  });

  const entry = fc.record(
    {
      startedDateTime: fc.oneof(fc.date({ min: new Date(2020, 0, 1), max: new Date(2030, 0, 1), noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
      time: fc.oneof(fc.double(), fc.constant(-1)),
      _resourceType: fc.constantFrom('fetch', 'xhr', 'preflight', 'document', 'image', ''),
      _initiator: fc.oneof(fc.constant({ type: 'preflight', url: `${ORIGINS[1]}/a` }), fc.constant({ type: 'script' }), fc.anything()),
      request: fc.record({
        method: fc.constantFrom('GET', 'PUT', 'OPTIONS', 'patch', 'POST', ''),
        url: fc.oneof(fc.constantFrom(...ORIGINS.map((o) => `${o}/a`), 'data:,x', 'not a url', 'http://u:p@127.0.0.1:8003/x'), fc.webUrl()),
        headers: fc.array(fc.record({ name: fc.oneof(headerName, fc.constantFrom('Origin', 'Cookie', 'Access-Control-Request-Method', 'Access-Control-Request-Headers', 'Sec-Fetch-Mode', ':authority')), value: fc.oneof(headerValue, fc.constantFrom(...ORIGINS)) }), { maxLength: 6 }),
      }),
      response: fc.record({
        status: fc.constantFrom(0, 200, 204, 301, 302, 303, 307, 404, 500),
        headers,
        redirectURL: fc.oneof(fc.constant(''), fc.constantFrom(...ORIGINS.map((o) => `${o}/a`))),
        _error: fc.constantFrom(null, 'net::ERR_FAILED', 'net::ERR_ABORTED', 'net::ERR_CONNECTION_REFUSED', 'net::ERR_INVALID_REDIRECT'),
      }),
    },
    { requiredKeys: ['request'] },
  );

  test('on HAR-shaped input with hostile and missing fields', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (entries) => {
        let analysis;
        try {
          analysis = analyseHar({ log: { entries } });
        } catch (e) {
          // Only a capture with no usable entry at all is refused, and only as a HarError.
          expect(e).toBeInstanceOf(HarError);
          return;
        }
        for (const x of analysis.exchanges) {
          expect(['allowed', 'blocked', 'not-cors', 'unknown']).toContain(x.evaluation.verdict);
          if (x.evaluation.verdict !== 'blocked') expect(x.evaluation.error).toBeNull();
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('applying the suggested fix makes the re-check pass', () => {
  const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'patch', 'PATCH');
  const authorHeaders = fc.array(
    fc.oneof(
      fc.constant<Header>({ name: 'X-Custom', value: '1' }),
      fc.constant<Header>({ name: 'Content-Type', value: 'application/json' }),
      fc.constant<Header>({ name: 'Content-Type', value: 'text/plain' }),
      fc.constant<Header>({ name: 'Authorization', value: 'Bearer t' }),
      fc.constant<Header>({ name: 'Accept', value: 'x'.repeat(200) }),
    ),
    { maxLength: 3 },
  );
  const response = (redirectUrl: string | null) =>
    fc.record({ status: fc.constantFrom(200, 204, 404, 500), headers, redirectUrl: fc.constant(redirectUrl) }).map((r) => ({ ...r, status: redirectUrl ? 302 : r.status }));
  const preflight = fc.option(fc.record({ requestHeaders: fc.constant<Header[]>([]), response: fc.oneof(response(null), response(`${ORIGINS[2]}/elsewhere`)), error: fc.constant(null) }), { nil: null });

  const record: fc.Arbitrary<ExchangeRecord> = fc
    .record({
      urls: fc.array(fc.constantFrom(...ORIGINS.map((o) => `${o}/r`)), { minLength: 1, maxLength: 3 }),
      method,
      credentials: fc.constantFrom<'include' | 'omit'>('include', 'omit'),
      authorHeaders,
      seed: fc.array(fc.tuple(fc.oneof(response(null), response(null)), preflight), { minLength: 3, maxLength: 3 }),
    })
    .map(({ urls, method: m, credentials, authorHeaders: ah, seed }) => {
      const hops: HopRecord[] = urls.map((url, i) => {
        const [resp, pf] = seed[i] as [(typeof seed)[number][0], (typeof seed)[number][1]];
        const next = urls[i + 1] ?? null;
        return { url, method: m, requestHeaders: ah, provisional: false, preflight: pf, response: { ...resp, status: next ? 302 : resp.status, redirectUrl: next }, error: null };
      });
      return { initiatorOrigin: PAGE, mode: 'cors', credentials, authorHeaders: ah, hops, errorsRecorded: false };
    });

  test('every blocked exchange becomes allowed after at most a few rounds of fixes', () => {
    fc.assert(
      fc.property(record, (start) => {
        let current = start;
        let ev = evaluate(current);
        for (let round = 0; round < 8 && ev.verdict === 'blocked'; round++) {
          const fix = fixFor(current, ev);
          expect(fix).not.toBeNull();
          const before = ev.error;
          current = applyFix(current, fix!);
          ev = evaluate(current);
          // The same response never fails the same way twice.
          if (ev.error && before) expect([ev.error.stage, ev.error.hop, ev.error.code]).not.toEqual([before.stage, before.hop, before.code]);
        }
        expect(['allowed', 'not-cors']).toContain(ev.verdict);
      }),
      { numRuns: 1000 },
    );
  });
});
