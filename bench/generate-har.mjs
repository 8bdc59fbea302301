/**
 * A synthetic capture shaped like Chrome's: about a third of the entries are CORS (simple requests, preflighted
 * requests with their OPTIONS entries placed out of order, some blocked), the rest same-origin page traffic.
 * Deterministic (seeded), so runs compare.
 */
const PAGE = 'https://app.example.test';
const APIS = ['https://api.example.test', 'https://cdn.example.net', 'https://auth.example.org'];
const T0 = Date.parse('2026-11-21T10:00:00.000Z');

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const BROWSER_HEADERS = [
  ['Accept-Encoding', 'gzip, deflate, br, zstd'],
  ['Accept-Language', 'en-US,en;q=0.9'],
  ['Connection', 'keep-alive'],
  ['Referer', `${PAGE}/dashboard`],
  ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36'],
  ['sec-ch-ua', '"Not:A-Brand";v="8", "Chromium";v="156"'],
  ['sec-ch-ua-mobile', '?0'],
  ['sec-ch-ua-platform', '"Linux"'],
  ['Sec-Fetch-Dest', 'empty'],
];
const h = (pairs) => pairs.map(([name, value]) => ({ name, value }));

function entry({ method, url, start, time, blocked, reqHeaders, status, resHeaders, error = null, type = 'fetch', preflightOf = null }) {
  return {
    _initiator: preflightOf ? { type: 'preflight', url: preflightOf, requestId: '1.1' } : { type: 'script', stack: { callFrames: [{ functionName: 'load', scriptId: '3', url: `${PAGE}/app.js`, lineNumber: 10, columnNumber: 4 }] } },
    _priority: 'High',
    _resourceType: preflightOf ? 'preflight' : type,
    cache: {},
    request: { method, url, httpVersion: 'HTTP/1.1', headers: h(reqHeaders), queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: { status, statusText: '', httpVersion: 'HTTP/1.1', headers: h(resHeaders), cookies: [], content: { size: 120, mimeType: 'application/json' }, redirectURL: '', headersSize: -1, bodySize: 120, _transferSize: 300, _error: error },
    serverIPAddress: '10.0.0.1',
    startedDateTime: new Date(T0 + start).toISOString(),
    time,
    timings: { blocked, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: time - blocked - 0.2, receive: 0.1, _blocked_queueing: 0.5 },
  };
}

export function generateHar(count, seed = 42) {
  const random = rng(seed);
  const entries = [];
  let t = 0;
  let n = 0;
  while (entries.length < count) {
    t += 1 + random() * 3;
    n++;
    const kind = random();
    if (kind < 0.66) {
      // Same-origin page traffic: scripts, images, XHR to the page's own API.
      entries.push(entry({ method: 'GET', url: `${PAGE}/static/${n}.js`, start: t, time: 12, blocked: 1, type: random() < 0.5 ? 'script' : 'image', reqHeaders: [['Accept', '*/*'], ...BROWSER_HEADERS, ['Sec-Fetch-Mode', 'no-cors'], ['Sec-Fetch-Site', 'same-origin']], status: 200, resHeaders: [['content-type', 'text/javascript'], ['cache-control', 'max-age=3600'], ['date', 'Sat, 21 Nov 2026 10:00:00 GMT']] }));
      continue;
    }
    const api = APIS[Math.floor(random() * APIS.length)];
    const url = `${api}/v1/items/${n}?page=${n % 7}`;
    const corsReq = [['Accept', 'application/json'], ...BROWSER_HEADERS, ['Origin', PAGE], ['Sec-Fetch-Mode', 'cors'], ['Sec-Fetch-Site', 'cross-site']];
    const allowed = random() < 0.85;
    if (kind < 0.83) {
      // Simple GET, sometimes without ACAO.
      entries.push(entry({ method: 'GET', url, start: t, time: 20, blocked: 1, reqHeaders: corsReq, status: 200, resHeaders: [['content-type', 'application/json'], ['date', 'Sat, 21 Nov 2026 10:00:00 GMT'], ...(allowed ? [['access-control-allow-origin', PAGE], ['vary', 'Origin']] : [])], error: allowed ? null : 'net::ERR_FAILED' }));
      continue;
    }
    // Preflighted PUT with JSON and a custom header; the OPTIONS entry lands a few entries later (getHAR order varies).
    const preflight = entry({ method: 'OPTIONS', url, start: t + 0.5, time: 8, blocked: 0.5, preflightOf: url, reqHeaders: [['Accept', '*/*'], ['Access-Control-Request-Headers', 'content-type,x-request-id'], ['Access-Control-Request-Method', 'PUT'], ['Origin', PAGE], ['Sec-Fetch-Mode', 'cors']], status: 204, resHeaders: [['access-control-allow-origin', PAGE], ['access-control-allow-methods', 'GET, PUT, DELETE'], ['access-control-allow-headers', allowed ? 'content-type, x-request-id' : 'content-type'], ['access-control-max-age', '600']] });
    const actual = allowed
      ? entry({ method: 'PUT', url, start: t, time: 30, blocked: 10, reqHeaders: [...corsReq, ['Content-Type', 'application/json'], ['X-Request-Id', `r-${n}`]], status: 200, resHeaders: [['content-type', 'application/json'], ['access-control-allow-origin', PAGE], ['vary', 'Origin']] })
      : entry({ method: 'PUT', url, start: t, time: 10, blocked: 10, reqHeaders: [['Content-Type', 'application/json'], ['X-Request-Id', `r-${n}`], ['Referer', `${PAGE}/dashboard`]], status: 0, resHeaders: [], error: 'net::ERR_FAILED' });
    entries.push(actual);
    if (entries.length < count) entries.splice(Math.max(0, entries.length - Math.floor(random() * 4)), 0, preflight);
  }
  return { log: { version: '1.2', creator: { name: 'cors-lens bench', version: '1' }, pages: [{ id: 'page_1', title: `${PAGE}/dashboard` }], entries: entries.slice(0, count) } };
}
