/**
 * explain(): headline, where, received value, the line to send, and the real-world cause, on the real
 * Chromium 156 captures and on small HARs shaped like Chrome's (a blocked request: _error net::ERR_FAILED;
 * blocked at its preflight: status 0 and provisional headers; a separate preflight entry).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explain, type Explanation } from '../../src/explain';
import { analyseHar, analyseHarText } from '../../src/har';

const PAGE = 'http://127.0.0.1:8001';
const API = 'http://127.0.0.1:8002/api/items';

type H = Record<string, string> | [string, string][];
const headers = (h: H) => (Array.isArray(h) ? h : Object.entries(h)).map(([name, value]) => ({ name, value }));

let clock = Date.parse('2026-11-21T22:00:00.000Z');
function entry(o: { url?: string; method?: string; req?: H; status?: number; res?: H; error?: string | null; type?: string; redirect?: string; start?: number; time?: number }) {
  const start = o.start ?? (clock += 100);
  return {
    startedDateTime: new Date(start).toISOString(),
    time: o.time ?? 10,
    _resourceType: o.type ?? 'fetch',
    _initiator: o.type === 'preflight' ? { type: 'preflight', url: o.url ?? API } : { type: 'script' },
    request: { method: o.method ?? 'GET', url: o.url ?? API, headers: headers(o.req ?? {}) },
    response: { status: o.status ?? 200, headers: headers(o.res ?? {}), redirectURL: o.redirect ?? '', _error: o.error ?? null },
    timings: { blocked: 0, dns: -1, connect: -1, send: 0, wait: 1, receive: 0 },
  };
}

/** A request blocked on its own response. */
function blockedResponse(res: H, req: H = { Origin: PAGE }, status = 200) {
  return [entry({ req: Array.isArray(req) ? req : { Referer: `${PAGE}/`, ...req }, status, res, error: 'net::ERR_FAILED' })];
}

/** A PUT blocked at its preflight: the request entry has status 0 and provisional headers. */
function blockedPreflight(pfStatus: number, pfRes: H, o: { method?: string; acrh?: string; redirect?: string; reqHeaders?: H } = {}) {
  const start = (clock += 100);
  const method = o.method ?? 'PUT';
  return [
    entry({ method, req: { Referer: `${PAGE}/`, 'Content-Type': 'application/json', ...(o.reqHeaders ?? {}) }, status: 0, error: 'net::ERR_FAILED', start, time: 30 }),
    entry({
      method: 'OPTIONS',
      type: 'preflight',
      req: { Origin: PAGE, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': o.acrh ?? 'content-type' },
      status: pfStatus,
      res: pfRes,
      redirect: o.redirect,
      error: o.redirect ? 'net::ERR_INVALID_REDIRECT' : null,
      start: start + 2,
      time: 10,
    }),
  ];
}

function explainOnly(entries: unknown[]): Explanation {
  const a = analyseHar({ log: { entries } });
  expect(a.exchanges).toHaveLength(1);
  return explain(a.exchanges[0] as NonNullable<(typeof a.exchanges)[0]>);
}

const sample = (name: string) => analyseHarText(readFileSync(new URL(`../fixtures/samples/${name}`, import.meta.url), 'utf8')).exchanges;

describe('real captures', () => {
  it('c4: names the disallowed header, the value received, and the exact line to send', () => {
    const e = explain(sample('har-c4-preflight-and-blocked-put.json')[0]!);
    expect(e.headline).toBe('Blocked: the preflight response does not allow the request header x-custom (Access-Control-Allow-Headers: content-type).');
    expect(e.where).toBe('the preflight (OPTIONS) response');
    expect([e.header, e.received, e.sendLine]).toEqual(['Access-Control-Allow-Headers', 'content-type', 'Access-Control-Allow-Headers: content-type, x-custom']);
    expect(e.preflightCause).toContain('the method PUT');
    expect(e.preflightCause).toContain('Content-Type: application/json (not one of the three simple content types');
    expect(e.firefoxKey).toBe('CORSMissingAllowHeaderFromPreflight2');
  });

  it('c1: missing header, received null, send the page origin', () => {
    const e = explain(sample('har-c1-blocked-simple-get.json')[0]!);
    expect(e.headline).toBe('Blocked: the response has no Access-Control-Allow-Origin header.');
    expect([e.header, e.received, e.sendLine]).toEqual(['Access-Control-Allow-Origin', null, 'Access-Control-Allow-Origin: http://127.0.0.1:8001']);
    expect(e.preflightCause).toBeNull();
  });

  it('c6a: preflight 404 names the status and the missing OPTIONS handler', () => {
    const e = explain(sample('har-c6a-preflight-404.json')[0]!);
    expect(e.headline).toContain('status 404 Not Found');
    expect(e.details.join(' ')).toContain('no handler for OPTIONS');
    expect(e.fix?.status).toBe(204);
  });

  it('c7d: origin null after a cross-origin redirect, located on the final hop', () => {
    const e = explain(sample('har-c7d-redirect-chain-origin-null.json')[0]!);
    expect(e.headline).toBe("Blocked: Access-Control-Allow-Origin on the response is 'http://127.0.0.1:8001', but after a cross-origin redirect the request's origin is 'null'.");
    expect(e.where).toBe('the final response, from http://127.0.0.1:8003/t-page-origin after 1 redirect');
    expect(e.details.join(' ')).toContain("'Origin: null'");
  });

  it('c16: preflight redirect names where it went', () => {
    const e = explain(sample('har-c16-preflight-redirect.json')[0]!);
    expect(e.headline).toBe('Blocked: the preflight (OPTIONS) request was redirected (302 to http://127.0.0.1:8002/c3-put-json); a preflight may not redirect.');
    expect([e.header, e.received]).toEqual(['Location', 'http://127.0.0.1:8002/c3-put-json']);
  });

  it('c8: the second PUT used a cached preflight: allowed, with the Disable-cache caveat', () => {
    const [first, second] = sample('har-c8-maxage-cached-second-put.json');
    expect(explain(first!).headline).toMatch(/^Allowed/);
    expect(explain(first!).caveats.join(' ')).not.toContain('Disable cache');
    const e = explain(second!);
    expect(e.headline).toMatch(/^Allowed: the PUT request to http:\/\/127\.0\.0\.1:8002\/c8-maxage\?case=c8/);
    expect(e.caveats.join(' ')).toContain('"Disable cache"');
    expect(e.consoleMessage).toBeNull();
    expect(e.warnings.map((w) => w.code)).toContain('MissingVaryOrigin');
  });
});

describe('real-world causes', () => {
  it('an error response without CORS headers hides the real status', () => {
    const e = explainOnly(blockedResponse({ 'Content-Type': 'text/html' }, { Origin: PAGE }, 502));
    expect(e.headline).toBe('Blocked: the response (502 Bad Gateway) has no Access-Control-Allow-Origin header.');
    expect(e.details[0]).toMatch(/^The server answered 502 Bad Gateway\. That status is the real error/);
    expect(e.details[0]).toContain('Error responses need the CORS headers too');
    expect(e.snippets.find((s) => s.stack === 'express')?.code).toContain('Error responses (4xx/5xx) need these headers too');
  });

  it('a preflight answered 401: authentication before CORS', () => {
    const e = explainOnly(blockedPreflight(401, { 'WWW-Authenticate': 'Bearer' }));
    expect(e.headline).toBe('Blocked: the preflight response (401 Unauthorized) has no Access-Control-Allow-Origin header.');
    expect(e.details.join(' ')).toContain('let OPTIONS requests through before authentication runs');
    expect(e.consoleMessage).toContain("Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header");
    for (const s of e.snippets) expect(s.code).toContain('before authentication');
  });

  it.each([
    ['http to https', 'https://127.0.0.1:8002/api/items', 'redirects http to https'],
    ['a trailing slash', 'http://127.0.0.1:8002/api/items/', 'adds a trailing slash (/api/items -> /api/items/)'],
    ['a login page', 'http://127.0.0.1:8002/login?next=/api/items', 'a login page'],
  ])('a preflight redirected by %s', (_name, location, text) => {
    const e = explainOnly(blockedPreflight(301, { Location: location }, { redirect: location }));
    expect(e.headline).toContain('a preflight may not redirect');
    expect(e.details.join(' ')).toContain(text);
    expect(e.fix?.location).toEqual({ remove: true });
  });

  it('two layers both adding Access-Control-Allow-Origin', () => {
    const e = explainOnly(blockedResponse([['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Origin', PAGE]]));
    expect(e.headline).toBe(`Blocked: the response carries Access-Control-Allow-Origin 2 times ('${PAGE}, ${PAGE}'); only one origin is allowed.`);
    expect(e.details.join(' ')).toContain('Two layers are each adding Access-Control-Allow-Origin with the same value');
    expect(e.received).toBe(`${PAGE}, ${PAGE}`);
    expect(e.consoleMessage).toContain(`contains multiple values '${PAGE}, ${PAGE}'`);
  });

  it.each([
    ['https://127.0.0.1', 'the scheme (https where the page uses http) and the port (443 where the page uses 8001)'],
    ['http://localhost:8001', 'the host (localhost where the page is on 127.0.0.1: they reach the same machine but are different origins)'],
    ['http://127.0.0.1:3000', 'the port (3000 where the page uses 8001)'],
    ['https://127.0.0.1:8001', 'in the scheme (https where the page uses http).'],
    ['http://127.0.0.1:8001/', 'trailing slash'],
  ])('Access-Control-Allow-Origin %s: says which part differs', (acao, text) => {
    const e = explainOnly(blockedResponse({ 'Access-Control-Allow-Origin': acao }));
    expect(e.headline).toBe(`Blocked: Access-Control-Allow-Origin on the response is '${acao}', but the request's origin is '${PAGE}'.`);
    expect(e.received).toBe(acao);
    expect(e.details.join(' ')).toContain(text);
  });

  it('* with credentials (a Cookie header proves them)', () => {
    const e = explainOnly(blockedResponse({ 'Access-Control-Allow-Origin': '*' }, { Origin: PAGE, Cookie: 'sid=1' }));
    expect(e.headline).toBe("Blocked: Access-Control-Allow-Origin on the response is '*', which is not allowed for a request sent with credentials.");
    expect(e.details.join(' ')).toContain('it carried a Cookie header');
    expect(e.fix?.headers.map((h) => `${h.name}: ${h.value}`)).toEqual([`Access-Control-Allow-Origin: ${PAGE}`, 'Access-Control-Allow-Credentials: true', 'Vary: Origin']);
    expect(e.snippets.find((s) => s.stack === 'express')?.code).toContain('credentials: true,');
  });

  it("Access-Control-Allow-Credentials 'True' is compared case-sensitively", () => {
    const e = explainOnly(blockedResponse({ 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'True' }, { Origin: PAGE, Cookie: 'a=b' }));
    expect(e.headline).toContain("Access-Control-Allow-Credentials on the response is 'True' (it must be exactly 'true')");
    expect(e.sendLine).toBe('Access-Control-Allow-Credentials: true');
    expect(e.details.join(' ')).toContain('compared case-sensitively');
  });

  it("method case: the page sent 'patch'", () => {
    const e = explainOnly(blockedPreflight(204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'GET, PATCH', 'Access-Control-Allow-Headers': 'content-type' }, { method: 'patch' }));
    expect(e.headline).toBe('Blocked: the preflight response does not allow the method patch (Access-Control-Allow-Methods: GET, PATCH).');
    expect(e.details.join(' ')).toContain("Write method: 'PATCH' in the page");
    expect(e.sendLine).toBe('Access-Control-Allow-Methods: GET, PATCH, patch');
  });
});

describe('verdicts other than blocked', () => {
  it('a refused connection is a network error, not a CORS error', () => {
    const e = explainOnly([entry({ req: { Origin: PAGE }, status: 0, error: 'net::ERR_CONNECTION_REFUSED' })]);
    expect(e.headline).toBe('Failed with a network error, net::ERR_CONNECTION_REFUSED: not a CORS error.');
    expect(e.details[0]).toContain('Chrome reports no CORS error');
    expect(e.consoleMessage).toBeNull();
  });

  it('same-origin requests are not CORS requests', () => {
    const e = explainOnly([entry({ url: `${PAGE}/data`, req: { Referer: `${PAGE}/` }, res: {} })]);
    expect(e.headline).toBe(`Not a CORS request: the page (${PAGE}) and ${PAGE}/data are same-origin, so no CORS check applies.`);
    expect(e.fix).toBeNull();
  });

  it('allowed, with warnings in plain words', () => {
    const ok = explainOnly([entry({ req: { Origin: PAGE }, res: { 'Access-Control-Allow-Origin': PAGE } })]);
    expect(ok.headline).toBe(`Allowed: the GET request to ${API} passes Chrome's CORS checks, with 1 warning.`);
    expect(ok.warnings).toEqual([{ code: 'MissingVaryOrigin', text: expect.stringContaining('Add Vary: Origin') as unknown as string }]);
  });

  it('Max-Age above Chrome\'s cap is a warning on an allowed exchange', () => {
    const pf = blockedPreflight(204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'content-type', 'Access-Control-Max-Age': '86400' });
    const actual = pf[0]!;
    const allowed = [{ ...actual, time: 40, request: { ...actual.request, headers: [...actual.request.headers, { name: 'Origin', value: PAGE }] }, response: { ...actual.response, status: 200, headers: headers({ 'Access-Control-Allow-Origin': PAGE, Vary: 'Origin' }), _error: null }, timings: { ...actual.timings, blocked: 20 } }, pf[1]!];
    const e = explainOnly(allowed);
    expect(e.headline).toMatch(/^Allowed/);
    expect(e.warnings.map((w) => w.code)).toEqual(['MaxAgeAboveBrowserCap']);
    expect(e.warnings[0]?.text).toContain("Access-Control-Max-Age: 86400 on the preflight response is above Chrome's cap of 7200 seconds");
  });
});

describe('text safety', () => {
  it('control characters and bidi overrides from a header value are shown as escapes', () => {
    const e = explainOnly(blockedResponse({ 'Access-Control-Allow-Origin': 'http://x\u001b[31m\u202e' }));
    expect(e.headline).toContain('http://x\\x1b[31m\\u202e');
    for (const text of [e.headline, e.received ?? '', e.consoleMessage ?? '', ...e.details]) expect(text).not.toMatch(/[\u001b\u202e]/);
  });

  it('a password in a redirect Location is not repeated', () => {
    const e = explainOnly([
      entry({ req: { Origin: PAGE }, status: 302, res: { 'Access-Control-Allow-Origin': PAGE, Location: 'http://user:hunter2@127.0.0.1:8003/x' }, redirect: 'http://user:hunter2@127.0.0.1:8003/x', error: 'net::ERR_FAILED' }),
    ]);
    expect(e.headline).toMatch(/^Blocked: the redirect response redirects to a URL with a username and password/);
    expect(JSON.stringify({ ...e, fix: null })).not.toContain('hunter2');
    expect(e.sendLine).toBe('Location: http://127.0.0.1:8003/x');
  });
});
