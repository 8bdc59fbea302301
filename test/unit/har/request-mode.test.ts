/**
 * What is CORS: a request is CORS-mode only on evidence, and everything else says why it is not. Each row is a
 * first entry as some producer writes it; the page is http://page.test, the API http://api.test.
 */
import { describe, expect, test } from 'vitest';
import type { RequestMode } from '../../../src/cors';
import { type NotCorsReason, type ProducerId, PRODUCERS, analyseHar } from '../../../src/har';
import { requestMode } from '../../../src/har/infer';
import { parseEntry } from '../../../src/har/parse';

type H = [string, string][];
const PAGE = 'http://page.test';
const WIRE: H = [['Host', 'api.test'], ['User-Agent', 'Mozilla/5.0 Chrome/156']];

function first(url: string, headers: H, over: { method?: string; status?: number; resourceType?: string; response?: H } = {}) {
  const raw = {
    startedDateTime: '2026-11-30T10:00:00.000Z',
    time: 5,
    ...(over.resourceType !== undefined ? { _resourceType: over.resourceType } : {}),
    request: { method: over.method ?? 'GET', url, headers: headers.map(([name, value]) => ({ name, value })) },
    response: { status: over.status ?? 200, headers: (over.response ?? []).map(([name, value]) => ({ name, value })) },
  };
  const parsed = parseEntry(raw, 0);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed.entry;
}

const rows: [string, ReturnType<typeof first>, ProducerId, boolean, RequestMode, NotCorsReason | null][] = [
  ['Sec-Fetch-Mode: cors', first('http://api.test/a', [...WIRE, ['Sec-Fetch-Mode', 'cors']]), 'chrome-devtools', false, 'cors', null],
  ['Sec-Fetch-Mode: no-cors on a script', first('http://api.test/a.js', [...WIRE, ['Sec-Fetch-Mode', 'no-cors']], { resourceType: 'script' }), 'chrome-devtools', false, 'no-cors', 'no-cors-load'],
  ['Sec-Fetch-Mode: no-cors on a fetch', first('http://api.test/a', [...WIRE, ['Sec-Fetch-Mode', 'no-cors']], { resourceType: 'fetch' }), 'chrome-devtools', false, 'no-cors', 'no-cors-request'],
  ['Sec-Fetch-Mode: navigate', first('http://api.test/', [...WIRE, ['Sec-Fetch-Mode', 'navigate']]), 'chrome-devtools', false, 'navigate', 'navigation'],
  ['a form post (navigate, with Origin)', first('http://api.test/f', [...WIRE, ['Origin', PAGE], ['Sec-Fetch-Mode', 'navigate'], ['Accept', 'text/html'], ['Upgrade-Insecure-Requests', '1']], { method: 'POST' }), 'chrome-devtools', false, 'navigate', 'form-post'],
  ['a form post seen through a proxy (no Sec-Fetch-Mode)', first('http://api.test/f', [...WIRE, ['Origin', PAGE], ['Accept', 'text/html,application/xhtml+xml'], ['Upgrade-Insecure-Requests', '1']], { method: 'POST' }), 'proxy', false, 'navigate', 'form-post'],
  ['a WebSocket upgrade (101)', first('http://api.test/ws', [...WIRE, ['Origin', PAGE], ['Upgrade', 'websocket']], { status: 101, response: [['Upgrade', 'websocket']] }), 'proxy', false, 'no-cors', 'websocket'],
  ['a wss: URL', first('wss://api.test/ws', [['Origin', PAGE]]), 'firefox', false, 'no-cors', 'websocket'],
  ['a data: URL', first('data:text/plain,hi', []), 'chrome-devtools', false, 'no-cors', 'local-url'],
  ['a preflight paired with it', first('http://api.test/a', WIRE), 'chrome-devtools', true, 'cors', null],
  ['Origin on a cross-origin request (WebPageTest)', first('http://api.test/a', [...WIRE, ['Origin', PAGE]]), 'webpagetest', false, 'cors', null],
  ['no Origin on a cross-origin request that went on the wire (WebPageTest)', first('http://api.test/a.js', WIRE), 'webpagetest', false, 'no-cors', 'no-cors-request'],
  ['curl through a proxy', first('http://api.test/a', [['Host', 'api.test'], ['User-Agent', 'curl/7.88.1'], ['Origin', PAGE]]), 'proxy', false, 'no-cors', 'non-browser-client'],
  ['an Android app through a proxy', first('http://api.test/a', [['Host', 'api.test'], ['User-Agent', 'okhttp/4.9.0']]), 'proxy', false, 'no-cors', 'non-browser-client'],
  ['Chrome: never sent, a fetch (page-set headers only)', first('http://api.test/a', [['X-Custom', '1']], { status: 0, resourceType: 'fetch' }), 'chrome-devtools', false, 'cors', null],
  ['Chrome: never sent, an image (page-set headers only)', first('http://api.test/i.png', [], { status: 0, resourceType: 'image' }), 'chrome-devtools', false, 'no-cors', 'no-cors-load'],
  ['Chrome: document resource type', first('http://api.test/', [], { resourceType: 'document' }), 'chrome-devtools', false, 'navigate', 'navigation'],
  ['Chrome 51 export with every header stripped: nothing says CORS', first('http://api.test/a.css', [], {}), 'chrome-devtools', false, 'no-cors', 'no-evidence'],
  ['fetch() POST accepting text/html that Chrome failed: CORS, not a form post', first('http://api.test/save', [['Accept', 'text/html'], ['Content-Type', 'application/json']], { method: 'POST', status: 0, resourceType: 'fetch' }), 'chrome-devtools', false, 'cors', null],
  ['an XHR on the wire without Origin: the capture lacks headers, still CORS', first('http://api.test/x', WIRE, { resourceType: 'xhr' }), 'chrome-devtools', false, 'cors', null],
  ['a POST with Origin and nothing else (a beacon? a fetch?): CORS, but unproven', first('http://stats.test/c', [['Host', 'stats.test'], ['Origin', PAGE], ['User-Agent', 'Mozilla/5.0 Safari/605'], ['Content-Type', 'text/plain']], { method: 'POST', status: 204 }), 'proxy', false, 'cors', null],
  ["an iOS app's HTTP stack through a proxy", first('http://api.test/a', [['Host', 'api.test'], ['User-Agent', 'MyApp/3.2 CFNetwork/1410 Darwin/22.6.0'], ['Origin', PAGE]]), 'proxy', false, 'no-cors', 'non-browser-client'],
  ["Node's fetch through a proxy", first('http://api.test/a', [['Host', 'api.test'], ['User-Agent', 'node'], ['Origin', PAGE]]), 'proxy', false, 'no-cors', 'non-browser-client'],
  ['Playwright: a failed fetch, page-set headers only', first('http://api.test/a', [['User-Agent', 'Mozilla/5.0']], { status: -1, resourceType: 'fetch' }), 'playwright', false, 'cors', null],
];

describe('requestMode', () => {
  test.each(rows)('%s', (_name, entry, producer, paired, mode, reason) => {
    const got = requestMode(entry, paired, PAGE, PRODUCERS[producer]);
    expect({ mode: got.mode, notCors: got.notCors }).toEqual({ mode, notCors: reason });
  });
  test('only the POST whose CORS mode rests on its Origin alone is marked unproven', () => {
    const beacon = rows.find(([n]) => n.startsWith('a POST with Origin and nothing else'));
    expect(beacon && requestMode(beacon[1], false, PAGE, PRODUCERS.proxy).weak).toBe(true);
    const fetchPost = rows.find(([n]) => n.startsWith('fetch() POST'));
    expect(fetchPost && requestMode(fetchPost[1], false, PAGE, PRODUCERS['chrome-devtools']).weak).toBeUndefined();
  });
});

describe('no-cors in a Chrome capture, written with the page-set headers only', () => {
  const entry = (method: string) => ({
    _resourceType: 'fetch',
    _initiator: { type: 'script' },
    startedDateTime: '2026-11-30T10:00:00.000Z',
    time: 5,
    request: { method, url: 'http://api.test/opaque', headers: [{ name: 'Referer', value: `${PAGE}/` }] },
    response: { status: 200, headers: [{ name: 'Content-Type', value: 'text/plain' }], _error: null },
  });
  test.each(['GET', 'HEAD', 'POST'])('a %s Chrome completed without Origin, although the check fails it, was opaque: not-cors', (method) => {
    const x = analyseHar({ log: { creator: { name: 'WebInspector' }, entries: [entry(method)] } }).exchanges[0];
    expect([x?.evaluation.verdict, x?.evaluation.confidence, x?.notCors]).toEqual(['not-cors', 'certain', 'opaque-response']);
  });
  test('without the record of the browser\'s decision the same entry is not called opaque', () => {
    const e = entry('GET');
    const x = analyseHar({ log: { creator: { name: 'Firefox' }, entries: [{ ...e, response: { status: 200, headers: e.response.headers } }] } }).exchanges[0];
    expect(x?.notCors).not.toBe('opaque-response');
    expect(x?.evaluation.verdict).not.toBe('blocked');
  });
});
