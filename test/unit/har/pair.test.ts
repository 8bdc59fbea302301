import { describe, expect, test } from 'vitest';
import { analyseHarText } from '../../../src/har';
import { type EntrySpec, har } from '../../support/har-builder';

const PAGE = 'http://127.0.0.1:8001';
const URL_ = 'http://127.0.0.1:8002/s/1';
const acrm = (m: string, hs = 'x-custom'): [string, string][] => [['Origin', PAGE], ['Access-Control-Request-Method', m], ['Access-Control-Request-Headers', hs]];
const allow = (hs: string): [string, string][] => [['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Methods', 'PUT, DELETE'], ['Access-Control-Allow-Headers', hs]];
const provisional = (start: number, end: number, method = 'PUT'): EntrySpec => ({ method, url: URL_, start, time: end - start, blocked: end - start, status: 0, requestHeaders: [['X-Custom', '1']], error: 'net::ERR_FAILED' });
const sent = (start: number, blocked: number, method = 'PUT'): EntrySpec => ({ method, url: URL_, start, blocked, time: blocked + 5, requestHeaders: [['X-Custom', '1'], ['Origin', PAGE]], responseHeaders: [['Access-Control-Allow-Origin', PAGE]] });
const preflight = (start: number, time: number, allowed: string, method = 'PUT'): EntrySpec => ({ preflight: true, url: URL_, start, time, status: 204, requestHeaders: acrm(method), responseHeaders: allow(allowed) });

function verdicts(specs: EntrySpec[]) {
  return analyseHarText(har(specs)).exchanges.map((x) => [x.evaluation.verdict, x.evaluation.error?.code ?? null, [...x.entries]]);
}

describe('pairing preflights with their requests', () => {
  test('identical requests in flight together: the first preflight goes to the first request', () => {
    // r0 starts at 0, r1 at 1; their preflights start at 2 and 3. p0 disallows, p1 allows.
    const specs = [provisional(0, 20), sent(1, 30), preflight(2, 10, 'content-type'), preflight(3, 12, 'x-custom')];
    expect(verdicts(specs)).toEqual([
      ['blocked', 'HeaderDisallowedByPreflightResponse', [0, 2]],
      ['allowed', null, [1, 3]],
    ]);
  });
  test('array order is not time order (getHAR order varies): the pairing does not change', () => {
    const specs = [provisional(0, 20), sent(1, 30), preflight(2, 10, 'content-type'), preflight(3, 12, 'x-custom')];
    const shuffled = [specs[3], specs[1], specs[2], specs[0]] as EntrySpec[];
    const out = analyseHarText(har(shuffled)).exchanges.map((x) => [x.evaluation.verdict, x.url]);
    expect(out).toEqual([
      ['blocked', URL_],
      ['allowed', URL_],
    ]);
    const blockedX = analyseHarText(har(shuffled)).exchanges[0];
    expect(blockedX?.preflightEntries).toEqual([2]);
  });
  test('a request that reached the network before a preflight ended did not use that preflight (it was cached)', () => {
    // r0 was sent at 2 (blocked 2 ms: cached preflight); r1 waited for the preflight 5..15.
    const specs = [sent(0, 2), sent(1, 20), preflight(5, 10, 'x-custom')];
    const xs = analyseHarText(har(specs)).exchanges;
    expect(xs[0]?.preflightEntries).toEqual([null]);
    expect(xs[0]?.evaluation.notes).toContain('preflight-from-cache');
    expect(xs[1]?.preflightEntries).toEqual([2]);
  });
  test('the method and header names must match: a DELETE preflight does not pair with a PUT', () => {
    const specs = [provisional(0, 20, 'PUT'), sent(1, 30, 'DELETE'), preflight(2, 10, 'x-custom', 'DELETE'), preflight(3, 10, 'content-type', 'PUT')];
    const xs = analyseHarText(har(specs)).exchanges;
    expect(xs.map((x) => [x.method, x.evaluation.verdict, x.evaluation.error?.code ?? null])).toEqual([
      ['PUT', 'blocked', 'HeaderDisallowedByPreflightResponse'],
      ['DELETE', 'allowed', null],
    ]);
  });
  test('the preflight whose header list is exactly the request\'s wins over an earlier request with more headers', () => {
    const r0: EntrySpec = { method: 'PUT', url: URL_, start: 0, time: 25, blocked: 25, status: 0, requestHeaders: [['X-A', '1'], ['X-B', '1']], error: 'net::ERR_FAILED' };
    const r1: EntrySpec = { method: 'PUT', url: URL_, start: 1, blocked: 14, time: 20, requestHeaders: [['X-A', '1'], ['Origin', PAGE]], responseHeaders: [['Access-Control-Allow-Origin', PAGE]] };
    const pA: EntrySpec = { preflight: true, url: URL_, start: 2, time: 12, status: 204, requestHeaders: acrm('PUT', 'x-a'), responseHeaders: allow('x-a') };
    const pAB: EntrySpec = { preflight: true, url: URL_, start: 3, time: 20, status: 204, requestHeaders: acrm('PUT', 'x-a,x-b'), responseHeaders: allow('x-a') };
    const xs = analyseHarText(har([r0, r1, pA, pAB])).exchanges;
    expect(xs.map((x) => [x.hopEntries[0], x.preflightEntries[0], x.evaluation.verdict, x.evaluation.error?.failedParameter ?? null])).toEqual([
      [0, 3, 'blocked', 'x-b'],
      [1, 2, 'allowed', null],
    ]);
  });
  test('a request sent long after a preflight ended (queued, cached preflight) loses it to the request that failed right after it', () => {
    // r0 reused a cached preflight but waited 20 ms for a connection; r1 was blocked by its own preflight at 3..13.
    const r0 = sent(0, 20);
    const r1 = provisional(1, 13.5);
    const p1 = preflight(3, 10, 'content-type');
    const xs = analyseHarText(har([r0, r1, p1])).exchanges;
    expect(xs.map((x) => [x.hopEntries[0], x.preflightEntries[0], x.evaluation.verdict, x.evaluation.error?.code ?? null])).toEqual([
      [0, null, 'allowed', null],
      [1, 2, 'blocked', 'HeaderDisallowedByPreflightResponse'],
    ]);
  });
  test('clocks drifting under load (seen in CI): a preflight stamped 20 ms before its request still pairs with it', () => {
    // r0 blocked by its preflight, whose start was stamped well before r0's own start; r1 ran later, alone.
    const xs = analyseHarText(har([provisional(30, 60), preflight(10, 15, 'content-type'), sent(100, 20), preflight(105, 10, 'x-custom')])).exchanges;
    expect(xs.map((x) => [x.hopEntries[0], x.preflightEntries[0], x.evaluation.verdict, x.evaluation.error?.code ?? null])).toEqual([
      [0, 1, 'blocked', 'HeaderDisallowedByPreflightResponse'],
      [2, 3, 'allowed', null],
    ]);
  });
  test('the loose second pass only takes leftovers: a pair that fits the tight window is kept', () => {
    // p0 fits r0 tightly; p1 was stamped 40 ms before r1 started. Loosely, p1 could also reach r0: it must not.
    const xs = analyseHarText(har([provisional(0, 20), preflight(2, 10, 'content-type'), sent(60, 30), preflight(20, 45, 'x-custom')])).exchanges;
    expect(xs.map((x) => [x.hopEntries[0], x.preflightEntries[0], x.evaluation.verdict])).toEqual([
      [0, 1, 'blocked'],
      [2, 3, 'allowed'],
    ]);
  });
  test('a preflight whose request is missing still yields a verdict on what it answered', () => {
    const xs = analyseHarText(har([preflight(0, 5, 'content-type')])).exchanges;
    expect(xs).toHaveLength(1);
    expect(xs[0]?.evaluation).toMatchObject({ verdict: 'blocked', error: { code: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-custom' } });
    expect(xs[0]?.evaluation.confidence).not.toBe('certain');
  });
});

describe('redirect chains', () => {
  test('hops link by redirectURL and time; identical chains in flight stay separate', () => {
    const hop0 = (start: number): EntrySpec => ({ url: 'http://127.0.0.1:8002/r', start, time: 5, status: 302, redirectURL: 'http://127.0.0.1:8003/t', requestHeaders: [['Origin', PAGE]], responseHeaders: [['Access-Control-Allow-Origin', PAGE], ['Location', 'http://127.0.0.1:8003/t']] });
    const hop1 = (start: number, acao: string, error: string | null): EntrySpec => ({ url: 'http://127.0.0.1:8003/t', start, time: 5, requestHeaders: [['Origin', 'null']], responseHeaders: [['Access-Control-Allow-Origin', acao]], error });
    const specs = [hop1(16, '*', null), hop0(0), hop0(10), hop1(6, PAGE, 'net::ERR_FAILED')];
    const xs = analyseHarText(har(specs)).exchanges;
    expect(xs.map((x) => [x.hopEntries, x.evaluation.verdict, x.evaluation.error?.code ?? null])).toEqual([
      [[1, 3], 'blocked', 'AllowOriginMismatch'],
      [[2, 0], 'allowed', null],
    ]);
  });
  test('a relative Location (Chrome copies the raw header into redirectURL) is resolved against the request URL', () => {
    const specs: EntrySpec[] = [
      { url: 'http://127.0.0.1:8002/api/items', start: 0, time: 5, status: 301, redirectURL: '/api/items/', requestHeaders: [['Origin', PAGE], ['Sec-Fetch-Mode', 'cors']], responseHeaders: [['Access-Control-Allow-Origin', '*'], ['Location', '/api/items/']] },
      { url: 'http://127.0.0.1:8002/api/items/', start: 6, time: 5, requestHeaders: [['Origin', PAGE], ['Sec-Fetch-Mode', 'cors']], responseHeaders: [], error: 'net::ERR_FAILED' },
    ];
    const [x] = analyseHarText(har(specs)).exchanges;
    expect(x?.hopEntries).toEqual([0, 1]);
    expect(x?.evaluation.error).toMatchObject({ code: 'MissingAllowOriginHeader', hop: 1 });
  });
  test('a same-origin relative redirect that failed for another reason (redirect: error) is not a CORS failure', () => {
    const specs: EntrySpec[] = [{ url: `${PAGE}/api/items`, start: 0, time: 5, status: 301, redirectURL: '/api/items/', requestHeaders: [['Sec-Fetch-Mode', 'cors'], ['Sec-Fetch-Site', 'same-origin']], error: 'net::ERR_FAILED' }];
    const [x] = analyseHarText(har(specs)).exchanges;
    expect(x?.evaluation.verdict).not.toBe('blocked');
  });
  test('a redirect loop with equal timestamps still yields its exchanges', () => {
    const loop = (from: string, to: string): EntrySpec => ({ url: `http://127.0.0.1:8002/${from}`, start: 0, time: 1, status: 302, redirectURL: `http://127.0.0.1:8002/${to}`, requestHeaders: [['Origin', PAGE]], responseHeaders: [['Access-Control-Allow-Origin', PAGE]] });
    const xs = analyseHarText(har([loop('x', 'y'), loop('y', 'x')])).exchanges;
    expect(xs.flatMap((x) => x.hopEntries).sort()).toEqual([0, 1]);
  });
  test("Chrome's phantom entry for a manual redirect (status 0, ERR_ABORTED) is not a hop", () => {
    const specs: EntrySpec[] = [
      { url: 'http://127.0.0.1:8002/r', start: 0, time: 5, status: 302, redirectURL: 'http://127.0.0.1:8002/t', requestHeaders: [['Origin', PAGE]], responseHeaders: [['Access-Control-Allow-Origin', PAGE]] },
      { url: 'http://127.0.0.1:8002/t', start: 6, time: 1, status: 0, error: 'net::ERR_ABORTED' },
    ];
    const [x] = analyseHarText(har(specs)).exchanges;
    expect(x?.hopEntries).toEqual([0]);
    expect(x?.entries).toEqual([0, 1]);
    expect(x?.evaluation.verdict).toBe('allowed');
  });
});
