/**
 * What the verdict rests on, when the file cannot show everything: each evidence note the HAR layer and the
 * engine add for another producer's capture, with the verdict it allows and the words the user reads.
 */
import { describe, expect, test } from 'vitest';
import { explain } from '../../../src/explain';
import { analyseHar, LiveAnalysis } from '../../../src/har';

type H = [string, string][];
const e = (method: string, url: string, req: H, status: number, res: H = [], extra: Record<string, unknown> = {}, response: Record<string, unknown> = {}) => ({
  startedDateTime: '2026-11-30T10:00:00.000Z',
  time: 5,
  ...extra,
  request: { method, url, headers: req.map(([name, value]) => ({ name, value })) },
  response: { status, headers: res.map(([name, value]) => ({ name, value })), redirectURL: '', ...response },
});
const har = (creator: string, entries: unknown[]) => ({ log: { creator: { name: creator, version: '1' }, pages: [{ id: 'page_1', title: 'https://app.test/' }], entries } });
const ORIGIN: H = [['Origin', 'https://app.test']];

describe('evidence notes', () => {
  test('decision-not-recorded: a Firefox capture fails a check on a proven CORS request: blocked, inferred, and said so', () => {
    const x = analyseHar(har('Firefox', [e('GET', 'https://api.test/a', [...ORIGIN, ['Sec-Fetch-Mode', 'cors']], 200)])).exchanges[0];
    expect([x?.evaluation.verdict, x?.evaluation.confidence, x?.evaluation.notes]).toEqual(['blocked', 'inferred', ['decision-not-recorded']]);
    expect(x && explain(x).caveats.join(' ')).toMatch(/written by Firefox DevTools, does not record the browser's own decision/);
  });

  test("Safari's _error is prose, not Chrome's net::ERR_FAILED: it is not read as a network error", () => {
    const x = analyseHar(har('WebKit Web Inspector', [e('GET', 'https://api.test/a', ORIGIN, 200, [], {}, { _error: 'Origin https://app.test is not allowed by Access-Control-Allow-Origin. Status code: 200' })])).exchanges[0];
    expect([x?.evaluation.verdict, x?.evaluation.error?.code, x?.evaluation.networkError]).toEqual(['blocked', 'MissingAllowOriginHeader', null]);
  });

  test('cors-mode-unproven: a POST whose only CORS evidence is its Origin is unknown, with the condition', () => {
    const x = analyseHar(har('Charles Proxy', [e('POST', 'https://stats.test/c', [['Host', 'stats.test'], ...ORIGIN, ['User-Agent', 'Mozilla/5.0 Safari/605'], ['Content-Type', 'text/plain']], 204)])).exchanges[0];
    expect([x?.evaluation.verdict, x?.evaluation.confidence]).toEqual(['unknown', 'uncertain']);
    expect(x && explain(x).headline).toMatch(/^Unknown: blocked if this POST was a CORS request/);
  });

  test('chain-cut: a redirect whose next request a producer leaves out is unknown, not "not followed"', () => {
    const x = analyseHar(har('chrome-har', [e('GET', 'https://api.test/a', [...ORIGIN, ['Sec-Fetch-Mode', 'cors']], 302, [['Location', 'https://third.test/b'], ['Access-Control-Allow-Origin', '*']], { _resourceType: 'fetch' }, { redirectURL: 'https://third.test/b' })])).exchanges[0];
    expect(x?.evaluation.verdict).toBe('unknown');
    expect(x?.evaluation.notes).toContain('chain-cut');
    expect(x && explain(x).caveats.join(' ')).toMatch(/next request is not in the file/);
  });

  test('no-response-captured: a worker\'s blocked request (only User-Agent and Referer, no page) is blocked, code unknown', () => {
    const worker = e('GET', 'https://api.test/w', [['User-Agent', 'Mozilla/5.0'], ['Referer', 'https://app.test/worker.js']], 0, [], { _resourceType: 'fetch', _initiator: { type: 'script', url: 'https://app.test/worker.js' } }, { _error: 'net::ERR_FAILED' });
    const script = e('GET', 'https://app.test/worker.js', [['Host', 'app.test'], ['Sec-Fetch-Dest', 'worker']], 200, [], { _resourceType: 'script', _initiator: { type: 'other' }, pageref: 'page_1' }, { _error: null });
    const x = analyseHar(har('WebInspector', [script, worker])).exchanges.find((y) => y.url.endsWith('/w'));
    expect([x?.evaluation.verdict, x?.evaluation.error, x?.evaluation.confidence]).toEqual(['blocked', null, 'uncertain']);
    expect(x && explain(x).details.join(' ')).toMatch(/made by a worker/);
  });

  test("live panel: a worker's blocked request is still explained as a worker's, with where to see it whole", () => {
    // A worker's requests carry an empty Referer (Chromium 156): live entries have no pageref to tell otherwise.
    const worker = e('GET', 'https://api.test/w', [['User-Agent', 'Mozilla/5.0'], ['Referer', '']], 0, [], { _resourceType: 'fetch', _initiator: { type: 'script', url: 'https://app.test/worker.js' } }, { _error: 'net::ERR_FAILED' });
    const live = new LiveAnalysis();
    live.add([worker]);
    const x = live.current().exchanges[0];
    expect([x?.evaluation.verdict, x?.evaluation.error, x?.record.stageUnknown]).toEqual(['blocked', null, 'other-target']);
    const text = x ? explain(x).details.join(' ') : '';
    expect(text).toMatch(/made by a worker/);
    expect(text).toContain('chrome://inspect');
    expect(text).not.toContain("the page's own headers");
  });

  test("live panel: the page's own request reported without its response is not taken for a worker's once pages are known", () => {
    const page = e('GET', 'https://api.test/p', [['Accept', '*/*'], ['Referer', 'https://app.test/']], 0, [], { _resourceType: 'fetch', _initiator: { type: 'script', url: 'https://app.test/app.js' } }, { _error: 'net::ERR_FAILED' });
    const live = new LiveAnalysis();
    live.setPages(new Map([['page_1', 'https://app.test/']]));
    live.add([page]);
    const x = live.current().exchanges[0];
    // Live, such a report is Chrome's early form of a request it sent and failed on its answer (exchanges.ts
    // responseUnrecorded): blocked, the check unknown, and never put down to a worker.
    expect([x?.evaluation.verdict, x?.evaluation.error, x?.record.stageUnknown]).toEqual(['blocked', null, 'early-report']);
    expect(x && explain(x).details.join(' ')).not.toMatch(/made by a worker|filed under no page/);
  });

  test('otherwise: a caveat that states what the other credentials mode meets, never contradicting the verdict', () => {
    const pf = e('OPTIONS', 'https://api.test/put', [...ORIGIN, ['Access-Control-Request-Method', 'PUT'], ['Access-Control-Request-Headers', 'x-custom']], 204, [['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Methods', 'PUT']]);
    const put = e('PUT', 'https://api.test/put', [...ORIGIN, ['X-Custom', '1'], ['Sec-Fetch-Mode', 'cors']], 0, [], { startedDateTime: '2026-11-30T09:59:59.999Z' });
    const x = analyseHar(har('Firefox', [pf, put])).exchanges.find((y) => y.method === 'PUT');
    expect(x?.evaluation.verdict).toBe('blocked');
    const caveat = x ? explain(x).caveats.find((c) => c.includes('sent credentials')) : undefined;
    if (caveat !== undefined) expect(caveat).not.toMatch(/passes/);
  });

  test('a preflight curl sent, seen through a proxy, is not a browser\'s: not CORS, never blocked', () => {
    const x = analyseHar(har('mitmproxy', [e('OPTIONS', 'https://api.test/item', [['Host', 'api.test'], ['User-Agent', 'curl/8.5.0'], ...ORIGIN, ['Access-Control-Request-Method', 'PUT']], 404)])).exchanges[0];
    expect([x?.evaluation.verdict, x?.notCors]).toEqual(['not-cors', 'non-browser-client']);
  });
});
