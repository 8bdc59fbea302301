/**
 * The browser profile (src/cors/browser.ts): each row of the table, replayed under both browsers' rules on the
 * same records. Every Firefox expectation is a measurement from Firefox ESR 153 (test/fixtures/firefox/README.md,
 * case ids in the names); judgeAs() then answers for the browser that did not make the capture.
 */
import { describe, expect, test } from 'vitest';
import { BROWSERS, type Browser, checkAccess, checkPreflight, corsUnsafeHeaders, type ExchangeRecord, judgeAs } from '../../../src/cors';
import { simulate } from '../../../src/cors/simulate';
import { MAX_AGE_CAP } from '../../../src/http';
import { acao, API, exchange, h, hop, PAGE, preflight, redirect, response, THIRD } from '../../support/records';

const both: Browser[] = ['chrome', 'firefox'];

describe('the request-header safelist', () => {
  const cases: { name: string; header: [string, string]; chrome: string[]; firefox: string[] }[] = [
    { name: 't-dpr: DPR is a client hint Chromium safelists', header: ['DPR', '2'], chrome: [], firefox: ['dpr'] },
    { name: 'Width', header: ['Width', '100'], chrome: [], firefox: ['width'] },
    { name: 'Viewport-Width', header: ['Viewport-Width', '800'], chrome: [], firefox: ['viewport-width'] },
    { name: 'Device-Memory', header: ['Device-Memory', '8'], chrome: [], firefox: ['device-memory'] },
    { name: 'Save-Data', header: ['Save-Data', 'on'], chrome: [], firefox: ['save-data'] },
    { name: 'RTT, Downlink, ECT', header: ['ECT', '4g'], chrome: [], firefox: ['ect'] },
    { name: 'Intervention', header: ['Intervention', 'x'], chrome: [], firefox: ['intervention'] },
    { name: 'a malformed client hint is unsafe in both', header: ['DPR', 'abc'], chrome: ['dpr'], firefox: ['dpr'] },
    { name: 'Accept is safelisted in both', header: ['Accept', 'text/plain'], chrome: [], firefox: [] },
    { name: 'a simple Range is safelisted in both (t-range-simple)', header: ['Range', 'bytes=0-9'], chrome: [], firefox: [] },
    { name: 'X-Custom is unsafe in both', header: ['X-Custom', '1'], chrome: ['x-custom'], firefox: ['x-custom'] },
  ];
  test.each(cases)('$name', ({ header, chrome, firefox }) => {
    const headers = [h(...header)];
    expect(corsUnsafeHeaders(headers, 'chrome').map((u) => u.name)).toEqual(chrome);
    expect(corsUnsafeHeaders(headers, 'firefox').map((u) => u.name)).toEqual(firefox);
  });
});

describe('Access-Control-Allow-Origin lines', () => {
  const cases: { name: string; lines: string[]; chrome: string | null; firefox: string | null }[] = [
    { name: 's-get-two-identical: two lines fail in both', lines: [PAGE, PAGE], chrome: 'MultipleAllowOriginValues', firefox: 'MultipleAllowOriginValues' },
    { name: 'w-acao-two-same-nocred: `*` twice fails in both', lines: ['*', '*'], chrome: 'MultipleAllowOriginValues', firefox: 'MultipleAllowOriginValues' },
    { name: 's-get-comma-list: one line holding a list is a mismatch in Firefox', lines: [`${PAGE}, ${API}`], chrome: 'MultipleAllowOriginValues', firefox: 'AllowOriginMismatch' },
    { name: 's-get-space-list', lines: [`${PAGE} ${API}`], chrome: 'MultipleAllowOriginValues', firefox: 'AllowOriginMismatch' },
    { name: 's-get-empty: an empty value is a mismatch in Firefox', lines: [''], chrome: 'InvalidAllowOriginValue', firefox: 'AllowOriginMismatch' },
    { name: 's-get-not-url', lines: ['notanorigin'], chrome: 'InvalidAllowOriginValue', firefox: 'AllowOriginMismatch' },
    { name: 'the page origin passes in both', lines: [PAGE], chrome: null, firefox: null },
  ];
  test.each(cases)('$name', ({ lines, chrome, firefox }) => {
    const headers = lines.map((l) => acao(l));
    for (const browser of both) {
      expect(checkAccess({ browser, headers, origin: PAGE, credentials: false })?.code ?? null, browser).toBe(browser === 'chrome' ? chrome : firefox);
    }
  });
});

describe('a preflight answered with a redirect', () => {
  const cases: { name: string; headers: ReturnType<typeof h>[]; chrome: string; firefox: string }[] = [
    { name: 'pf-302: without ACAO, Firefox names the missing header first', headers: [], chrome: 'PreflightDisallowedRedirect', firefox: 'PreflightMissingAllowOriginHeader' },
    { name: 'pf-301: with the CORS headers, both refuse the redirect', headers: [acao(PAGE)], chrome: 'PreflightDisallowedRedirect', firefox: 'PreflightDisallowedRedirect' },
  ];
  test.each(cases)('$name', ({ headers, chrome, firefox }) => {
    for (const browser of both) {
      const r = checkPreflight({ browser, status: 302, headers, redirected: true, origin: PAGE, credentials: false, method: 'PUT', unsafeHeaders: [] });
      expect(r.failure?.code, browser).toBe(browser === 'chrome' ? chrome : firefox);
    }
  });
});

describe('preflights after a cross-origin redirect', () => {
  // A PUT to the API redirected to a third origin, preflighted at both hops; the third origin allows the page only.
  const pageOnly = [acao(PAGE), h('Access-Control-Allow-Methods', 'PUT')];
  const putRedirected = (browser: Browser): ExchangeRecord =>
    exchange(
      [
        { ...redirect(`${API}/a`, `${THIRD}/b`, [acao(PAGE)], 307), method: 'PUT', preflight: preflight('PUT', '', [acao(PAGE), h('Access-Control-Allow-Methods', 'PUT')]) },
        hop(`${THIRD}/b`, { method: 'PUT', preflight: preflight('PUT', '', pageOnly), response: response(pageOnly) }),
      ],
      { browser },
    );
  test('r-put-307-page-acao: Chrome fails the preflight (Origin null); Firefox passes it (the page Origin) and fails the response', () => {
    expect(simulate(putRedirected('chrome'), false).failure).toMatchObject({ code: 'PreflightAllowOriginMismatch', stage: 'preflight', hop: 1 });
    expect(simulate(putRedirected('firefox'), false).failure).toMatchObject({ code: 'AllowOriginMismatch', stage: 'response', hop: 1, failedParameter: PAGE });
  });

  test('r-json-301: a preflighted POST turned GET by a 301 is preflighted again by Firefox only', () => {
    const json = (browser: Browser) =>
      exchange([{ ...redirect(`${API}/a`, `${API}/b`, [acao(PAGE)], 301), method: 'POST', preflight: preflight('POST', 'content-type', [acao(PAGE), h('Access-Control-Allow-Headers', 'content-type')]) }, hop(`${API}/b`, { response: response([acao(PAGE)]) })], {
        browser,
        authorHeaders: [h('Content-Type', 'application/json')],
      });
    expect(simulate(json('chrome'), false).hops.map((o) => o.preflight)).toEqual(['network', 'not-needed']);
    // Firefox needs one at hop 2 and the record holds none: answered from cache, as far as the record shows.
    expect(simulate(json('firefox'), false).hops.map((o) => o.preflight)).toEqual(['network', 'cache']);
  });
});

test('t-three-headers-one-allowed: Chrome names the first refused header in request order, Firefox the first sorted', () => {
  const unsafeHeaders = ['x-zeta', 'x-alpha', 'x-mid'].map((name) => ({ name, value: '1', reason: 'name-not-safelisted' as const }));
  const named = (browser: Browser) => checkPreflight({ browser, status: 204, headers: [acao(PAGE), h('Access-Control-Allow-Headers', 'x-mid')], redirected: false, origin: PAGE, credentials: false, method: 'GET', unsafeHeaders }).failure?.failedParameter;
  expect(named('chrome')).toBe('x-zeta');
  expect(named('firefox')).toBe('x-alpha');
});

test('Max-Age caps: Chrome 2 hours, Firefox a day', () => {
  expect(BROWSERS.chrome.maxAgeCap).toBe(7200);
  expect(BROWSERS.firefox.maxAgeCap).toBe(86400);
  expect(MAX_AGE_CAP).toEqual({ chrome: 7200, firefox: 86400 });
});

describe('judgeAs: the other browser on the same server answers', () => {
  const dprGet = (browser: Browser, over: Partial<Parameters<typeof hop>[1]> = {}) =>
    exchange([hop(`${API}/a`, { response: response([acao(PAGE)]), ...over })], { browser, authorHeaders: [h('DPR', '2')] });

  test('a Chrome capture of DPR without a preflight: Firefox would send one the capture lacks', () => {
    expect(judgeAs(dprGet('chrome'), 'firefox', false)).toMatchObject({ verdict: 'depends', on: 'unseen-preflight', hop: 0 });
  });
  test('a Firefox capture whose DPR preflight failed: Chrome sends no preflight, and the response was never fetched', () => {
    const blocked = dprGet('firefox', { preflight: preflight('GET', 'dpr', [acao(PAGE)]), response: null });
    expect(simulate(blocked, false).failure).toMatchObject({ code: 'HeaderDisallowedByPreflightResponse', failedParameter: 'dpr' });
    expect(judgeAs(blocked, 'chrome', false)).toMatchObject({ verdict: 'depends', on: 'no-response' });
  });
  test('a Firefox capture whose DPR preflight passed: Chrome ignores the preflight and allows the response', () => {
    const passed = dprGet('firefox', { preflight: preflight('GET', 'dpr', [acao(PAGE), h('Access-Control-Allow-Headers', 'dpr')]) });
    expect(judgeAs(passed, 'chrome', false)).toMatchObject({ verdict: 'allowed' });
  });
  test('the same failing response blocks in both', () => {
    const missing = exchange([hop(`${API}/a`, { response: response([]) })]);
    expect(judgeAs(missing, 'firefox', false)).toMatchObject({ verdict: 'blocked', failure: { code: 'MissingAllowOriginHeader' } });
  });
  test('a preflight Chrome answered from its cache is taken as cached in Firefox too', () => {
    const cached = exchange([hop(`${API}/a`, { method: 'PUT', response: response([acao(PAGE)]) })]);
    expect(judgeAs(cached, 'firefox', false)).toMatchObject({ verdict: 'allowed' });
  });
  test("judged as its own browser, a record is what simulate says", () => {
    expect(judgeAs(dprGet('chrome'), 'chrome', false)).toMatchObject({ verdict: 'allowed' });
  });
});
