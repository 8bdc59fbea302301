/**
 * simulate(): the replay of one exchange for one credentials mode, hop by hop. Each row gives the exchange and
 * everything the replay reports: the failure, how it ended, each hop's outcome and the warnings.
 */
import { describe, expect, test } from 'vitest';
import type { CorsErrorCode, ExchangeRecord, Header, PreflightRecord, PreflightSource, RequestMode, Stage, StagedFailure, UnsafeHeaderReason } from '../../../src/cors';
import { type HopOutcome, simulate, type SimulationEnd, targetCheck, unsafeHeadersFor } from '../../../src/cors/simulate';
import { acao, API, exchange, h, hop, PAGE, preflight, redirect, response, THIRD } from '../../support/records';

interface HopView {
  method: string;
  origin: string;
  cors: boolean;
  preflight: PreflightSource;
  unsafe: string[];
}
const v = (method: string, origin: string, cors: boolean, preflight: PreflightSource, unsafe: string[] = []): HopView => ({ method, origin, cors, preflight, unsafe });
const view = (o: HopOutcome): HopView => ({ method: o.method, origin: o.origin, cors: o.cors, preflight: o.preflight, unsafe: o.unsafeHeaders.map((u) => u.name) });
const fail = (code: CorsErrorCode, stage: Stage, hop: number, failedParameter = ''): StagedFailure => ({ code, failedParameter, stage, hop });

const ok = response([acao('*')]);
const custom = [h('X-Custom', '1')];
const ACAM = (m: string) => h('Access-Control-Allow-Methods', m);
const ACAH = (names: string) => h('Access-Control-Allow-Headers', names);
const allowPut = preflight('PUT', 'x-custom', [acao(PAGE), ACAM('PUT'), ACAH('x-custom')]);
/** A PUT with X-Custom whose preflight was captured: the common preflighted request. */
const put = (pf: PreflightRecord, over: Partial<ExchangeRecord> = {}): ExchangeRecord => exchange([hop(`${API}/a`, { method: 'PUT', preflight: pf, response: ok })], { authorHeaders: custom, ...over });
const get = (url: string, headers: Header[], over: Partial<ExchangeRecord> = {}): ExchangeRecord => exchange([hop(url, { response: response(headers) })], over);

interface Case {
  name: string;
  exchange: ExchangeRecord;
  credentials?: boolean;
  failure?: StagedFailure | null;
  end?: SimulationEnd;
  hops: HopView[];
  corsApplied?: boolean;
  /** `code stage hop` */
  warnings?: string[];
}

const cases: Case[] = [
  // Which hops are CORS at all
  { name: 'same-origin: no CORS flag, nothing checked', exchange: get(`${PAGE}/a`, []), hops: [v('GET', PAGE, false, 'not-needed')], corsApplied: false },
  { name: 'same-origin PUT with a custom header needs no preflight', exchange: exchange([hop(`${PAGE}/a`, { method: 'PUT' })], { authorHeaders: custom }), hops: [v('PUT', PAGE, false, 'not-needed')], corsApplied: false },
  { name: 'cross-origin GET allowed by `*`', exchange: get(`${API}/a`, [acao('*')]), hops: [v('GET', PAGE, true, 'not-needed')] },
  { name: 'cross-origin GET without ACAO', exchange: get(`${API}/a`, []), failure: fail('MissingAllowOriginHeader', 'response', 0), hops: [v('GET', PAGE, true, 'not-needed')] },
  { name: 'no-cors cross-origin: no CORS flag, not checked', exchange: get(`${API}/a`, [], { mode: 'no-cors' }), hops: [v('GET', PAGE, false, 'not-needed')], corsApplied: false },
  { name: 'a navigation cross-origin: not checked', exchange: get(`${API}/a`, [], { mode: 'navigate' }), hops: [v('GET', PAGE, false, 'not-needed')], corsApplied: false },
  { name: 'same-origin mode sent cross-origin: DisallowedByMode before any hop', exchange: get(`${API}/a`, [], { mode: 'same-origin' }), failure: fail('DisallowedByMode', 'response', 0), hops: [], corsApplied: false },
  { name: 'same-origin mode within its origin', exchange: get(`${PAGE}/a`, [], { mode: 'same-origin' }), hops: [v('GET', PAGE, false, 'not-needed')], corsApplied: false },
  { name: 'a non-HTTP scheme in CORS mode: CorsDisabledScheme before any hop', exchange: get('ftp://127.0.0.1/a', []), failure: fail('CorsDisabledScheme', 'response', 0), hops: [], corsApplied: false },
  { name: 'a non-HTTP scheme in no-cors mode is not checked', exchange: get('ftp://127.0.0.1/a', [], { mode: 'no-cors' }), hops: [v('GET', PAGE, false, 'not-needed')], corsApplied: false },
  { name: 'a page with an opaque origin sends "null" and ACAO null lets it through', exchange: get(`${PAGE}/a`, [acao('null')], { initiatorOrigin: 'null' }), hops: [v('GET', 'null', true, 'not-needed')], warnings: ['NullOriginAllowed response 0', 'MissingVaryOrigin response 0'] },
  { name: 'a known method is upper-cased before the checks', exchange: exchange([hop(`${API}/a`, { method: 'put', response: ok })]), hops: [v('PUT', PAGE, true, 'cache')] },
  { name: 'any other method is kept as written', exchange: exchange([hop(`${API}/a`, { method: 'patch', response: ok })]), hops: [v('patch', PAGE, true, 'cache')] },

  { name: 'a redirect whose Location is not a URL: a network failure once its checks pass (r-bad-location)', exchange: exchange([hop(`${API}/a`, { response: response([acao('*'), h('Location', 'http://[bad')], { status: 302 }) })]), end: 'invalid-redirect', hops: [v('GET', PAGE, true, 'not-needed')] },
  { name: 'a redirect to a Location written as sent, that no URL parser accepts', exchange: exchange([hop(`${API}/a`, { response: response([acao('*'), h('Location', 'http://[::1')], { status: 302, redirectUrl: 'http://[::1' }) })]), end: 'invalid-redirect', hops: [v('GET', PAGE, true, 'not-needed')] },
  { name: 'a 200 with a Location is no redirect', exchange: exchange([hop(`${API}/a`, { response: response([acao('*'), h('Location', 'http://[bad')]) })]), end: 'complete', hops: [v('GET', PAGE, true, 'not-needed')] },

  // Where the preflight decision came from
  { name: 'network: a captured preflight that passes', exchange: put(allowPut), hops: [v('PUT', PAGE, true, 'network', ['x-custom'])] },
  {
    name: 'network, failing: stage preflight, naming the header',
    exchange: put(preflight('PUT', 'x-custom', [acao(PAGE), ACAM('PUT')])),
    failure: fail('HeaderDisallowedByPreflightResponse', 'preflight', 0, 'x-custom'),
    hops: [v('PUT', PAGE, true, 'network', ['x-custom'])],
  },
  { name: 'network, no answer (a dropped connection): no code', exchange: put({ ...allowPut, response: null }), end: 'no-response', hops: [v('PUT', PAGE, true, 'network', ['x-custom'])] },
  { name: 'network although not needed (the capture shows one for a GET)', exchange: exchange([hop(`${API}/a`, { preflight: preflight('GET', '', [acao(PAGE)]), response: ok })]), hops: [v('GET', PAGE, true, 'network')] },
  { name: 'cache: a PUT that went through with no preflight captured', exchange: exchange([hop(`${API}/a`, { method: 'PUT', response: ok })]), hops: [v('PUT', PAGE, true, 'cache')] },
  { name: 'a custom header alone needs a preflight', exchange: exchange([hop(`${API}/a`, { response: ok })], { authorHeaders: custom }), hops: [v('GET', PAGE, true, 'cache', ['x-custom'])] },
  {
    name: 'missing: a PUT that never reached the network, no preflight captured',
    exchange: exchange([hop(`${API}/a`, { method: 'PUT', provisional: true, response: null, error: 'net::ERR_FAILED' })]),
    end: 'missing-preflight',
    hops: [v('PUT', PAGE, true, 'missing')],
  },
  {
    name: 'a redirected preflight fails whatever it carries',
    exchange: put({ ...allowPut, response: response([...(allowPut.response?.headers ?? [])], { status: 302, redirectUrl: `${API}/moved` }) }),
    failure: fail('PreflightDisallowedRedirect', 'preflight', 0),
    hops: [v('PUT', PAGE, true, 'network', ['x-custom'])],
  },
  {
    name: 'net::ERR_INVALID_REDIRECT on the preflight counts as a redirect',
    exchange: put({ ...allowPut, error: 'net::ERR_INVALID_REDIRECT' }),
    failure: fail('PreflightDisallowedRedirect', 'preflight', 0),
    hops: [v('PUT', PAGE, true, 'network', ['x-custom'])],
  },
  {
    name: 'the method checked is the one the preflight asked for, as sent',
    exchange: exchange([hop(`${API}/a`, { method: 'PATCH', preflight: preflight('patch', 'x-custom', [acao(PAGE), ACAM('PATCH'), ACAH('x-custom')]), response: ok })], { authorHeaders: custom }),
    failure: fail('MethodDisallowedByPreflightResponse', 'preflight', 0, 'patch'),
    hops: [v('PATCH', PAGE, true, 'network', ['x-custom'])],
  },
  {
    name: "without Access-Control-Request-Method, the hop's method is checked",
    exchange: put({ ...preflight('PUT', 'x-custom', [acao(PAGE), ACAM('PATCH'), ACAH('x-custom')]), requestHeaders: [h('Access-Control-Request-Headers', 'x-custom')] }),
    failure: fail('MethodDisallowedByPreflightResponse', 'preflight', 0, 'PUT'),
    hops: [v('PUT', PAGE, true, 'network', ['x-custom'])],
  },
  {
    name: "the preflight's list of names, not the page's headers, is what the answer must allow",
    exchange: put(preflight('PUT', 'x-other', [acao(PAGE), ACAM('PUT'), ACAH('x-custom')])),
    failure: fail('HeaderDisallowedByPreflightResponse', 'preflight', 0, 'x-other'),
    hops: [v('PUT', PAGE, true, 'network', ['x-other'])],
  },
  {
    name: '`Allow-Headers: *` covering Authorization passes with a warning on the preflight',
    exchange: put(preflight('PUT', 'authorization', [acao(PAGE), ACAM('PUT'), ACAH('*')]), { authorHeaders: [h('Authorization', 'Bearer t')] }),
    hops: [v('PUT', PAGE, true, 'network', ['authorization'])],
    warnings: ['AuthorizationCoveredByWildcard preflight 0'],
  },
  { name: "warnings on the preflight's answer", exchange: put(preflight('PUT', 'x-custom', [acao(PAGE), ACAM('PUT'), ACAH('x-custom'), h('Access-Control-Max-Age', '86400')])), hops: [v('PUT', PAGE, true, 'network', ['x-custom'])], warnings: ['MaxAgeAboveBrowserCap preflight 0'] },
  { name: 'warnings on the response', exchange: get(`${API}/a`, [acao(PAGE)]), hops: [v('GET', PAGE, true, 'not-needed')], warnings: ['MissingVaryOrigin response 0'] },

  // Credentials
  { name: 'credentials: `*` on the response', exchange: get(`${API}/a`, [acao('*')]), credentials: true, failure: fail('WildcardOriginNotAllowed', 'response', 0), hops: [v('GET', PAGE, true, 'not-needed')] },
  { name: 'credentials: the page origin without Allow-Credentials', exchange: get(`${API}/a`, [acao(PAGE), h('Vary', 'Origin')]), credentials: true, failure: fail('InvalidAllowCredentials', 'response', 0), hops: [v('GET', PAGE, true, 'not-needed')] },
  { name: 'credentials: the page origin with Allow-Credentials: true', exchange: get(`${API}/a`, [acao(PAGE), h('Vary', 'Origin'), h('Access-Control-Allow-Credentials', 'true')]), credentials: true, hops: [v('GET', PAGE, true, 'not-needed')] },
  {
    name: 'credentials: `*` on the preflight',
    exchange: put(preflight('PUT', 'x-custom', [acao('*'), ACAM('PUT'), ACAH('x-custom')])),
    credentials: true,
    failure: fail('PreflightWildcardOriginNotAllowed', 'preflight', 0),
    hops: [v('PUT', PAGE, true, 'network', ['x-custom'])],
  },

  // Redirects
  {
    name: 'cross-origin to a third origin taints: the next hop sends "null"',
    exchange: exchange([redirect(`${API}/a`, `${THIRD}/b`, [acao('*')]), hop(`${THIRD}/b`, { response: ok })]),
    hops: [v('GET', PAGE, true, 'not-needed'), v('GET', 'null', true, 'not-needed')],
  },
  {
    name: "…so the page's origin fails there",
    exchange: exchange([redirect(`${API}/a`, `${THIRD}/b`, [acao('*')]), hop(`${THIRD}/b`, { response: response([acao(PAGE)]) })]),
    failure: fail('AllowOriginMismatch', 'response', 1, PAGE),
    hops: [v('GET', PAGE, true, 'not-needed'), v('GET', 'null', true, 'not-needed')],
  },
  {
    name: "a redirect back to the page's origin taints too, and keeps the CORS flag",
    exchange: exchange([redirect(`${API}/a`, `${PAGE}/b`, [acao('*')]), hop(`${PAGE}/b`, { response: ok })]),
    hops: [v('GET', PAGE, true, 'not-needed'), v('GET', 'null', true, 'not-needed')],
  },
  {
    name: 'a redirect within the cross origin does not taint',
    exchange: exchange([redirect(`${API}/a`, `${API}/b`, [acao('*')]), hop(`${API}/b`, { response: ok })]),
    hops: [v('GET', PAGE, true, 'not-needed'), v('GET', PAGE, true, 'not-needed')],
  },
  {
    name: "from the page's origin to another does not taint",
    exchange: exchange([redirect(`${PAGE}/a`, `${API}/b`), hop(`${API}/b`, { response: ok })]),
    hops: [v('GET', PAGE, false, 'not-needed'), v('GET', PAGE, true, 'not-needed')],
  },
  {
    name: 'the taint stays for the rest of the chain',
    exchange: exchange([redirect(`${API}/a`, `${THIRD}/b`, [acao('*')]), redirect(`${THIRD}/b`, `${THIRD}/c`, [acao('*')]), hop(`${THIRD}/c`, { response: ok })]),
    hops: [v('GET', PAGE, true, 'not-needed'), v('GET', 'null', true, 'not-needed'), v('GET', 'null', true, 'not-needed')],
  },
  { name: 'the redirect response is access-checked itself (stage redirect)', exchange: exchange([redirect(`${API}/a`, `${API}/b`), hop(`${API}/b`, { response: ok })]), failure: fail('MissingAllowOriginHeader', 'redirect', 0), hops: [v('GET', PAGE, true, 'not-needed')] },
  { name: 'user:pass@ in the Location of a cross-origin hop', exchange: exchange([redirect(`${API}/a`, 'http://u:p@127.0.0.1:8003/b', [acao('*')])]), failure: fail('RedirectContainsCredentials', 'redirect', 0), hops: [v('GET', PAGE, true, 'not-needed')] },
  { name: 'user:pass@ in a Location that leaves the page origin', exchange: exchange([redirect(`${PAGE}/a`, 'http://u:p@127.0.0.1:8002/b')]), failure: fail('RedirectContainsCredentials', 'redirect', 0), hops: [v('GET', PAGE, false, 'not-needed')], corsApplied: false },
  { name: "user:pass@ within the page's origin is allowed", exchange: exchange([redirect(`${PAGE}/a`, 'http://u:p@127.0.0.1:8001/b')]), end: 'redirect-not-followed', hops: [v('GET', PAGE, false, 'not-needed')], corsApplied: false },
  { name: 'no-cors: user:pass@ is not checked', exchange: exchange([redirect(`${API}/a`, 'http://u:p@127.0.0.1:8003/b')], { mode: 'no-cors' }), end: 'redirect-not-followed', hops: [v('GET', PAGE, false, 'not-needed')], corsApplied: false },
  { name: 'a redirect to a non-HTTP scheme', exchange: exchange([redirect(`${API}/a`, 'ftp://127.0.0.1/b', [acao('*')])]), failure: fail('CorsDisabledScheme', 'redirect', 0), hops: [v('GET', PAGE, true, 'not-needed')] },
  { name: 'same-origin mode redirected cross-origin', exchange: exchange([redirect(`${PAGE}/a`, `${API}/b`)], { mode: 'same-origin' }), failure: fail('DisallowedByMode', 'redirect', 0), hops: [v('GET', PAGE, false, 'not-needed')], corsApplied: false },
  {
    name: 'same-origin mode redirected within its origin',
    exchange: exchange([redirect(`${PAGE}/a`, `${PAGE}/b`), hop(`${PAGE}/b`)], { mode: 'same-origin' }),
    hops: [v('GET', PAGE, false, 'not-needed'), v('GET', PAGE, false, 'not-needed')],
    corsApplied: false,
  },
  { name: 'a redirect that passed and was not followed', exchange: exchange([redirect(`${API}/a`, `${API}/b`, [acao('*')])]), end: 'redirect-not-followed', hops: [v('GET', PAGE, true, 'not-needed')] },
  {
    name: 'a preflight on a later hop is judged at that hop',
    exchange: exchange(
      [
        hop(`${API}/a`, { method: 'PUT', preflight: allowPut, response: response([acao('*')], { status: 307, redirectUrl: `${API}/b` }) }),
        hop(`${API}/b`, { method: 'PUT', preflight: preflight('PUT', 'x-custom', [acao(PAGE), ACAM('PUT')]), provisional: true, response: null }),
      ],
      { authorHeaders: custom },
    ),
    failure: fail('HeaderDisallowedByPreflightResponse', 'preflight', 1, 'x-custom'),
    hops: [v('PUT', PAGE, true, 'network', ['x-custom']), v('PUT', PAGE, true, 'network', ['x-custom'])],
  },
  {
    name: '303 turns a PUT into a GET and drops the body headers: only X-Custom still needs a preflight',
    exchange: exchange([hop(`${API}/a`, { method: 'PUT', response: response([acao('*')], { status: 303, redirectUrl: `${API}/b` }) }), hop(`${API}/b`, { response: ok })], { authorHeaders: [h('Content-Type', 'application/json'), ...custom] }),
    hops: [v('PUT', PAGE, true, 'cache', ['content-type', 'x-custom']), v('GET', PAGE, true, 'cache', ['x-custom'])],
  },
  {
    name: 'a 303 on a GET keeps them (the method did not change)',
    exchange: exchange([hop(`${API}/a`, { response: response([acao('*')], { status: 303, redirectUrl: `${API}/b` }) }), hop(`${API}/b`, { response: ok })], { authorHeaders: [h('Content-Type', 'application/json')] }),
    hops: [v('GET', PAGE, true, 'cache', ['content-type']), v('GET', PAGE, true, 'cache', ['content-type'])],
  },

  // The response
  { name: "a 304 answering the cache's revalidation (If-None-Match) is not checked", exchange: exchange([hop(`${API}/a`, { requestHeaders: [h('If-None-Match', '"v1"')], response: response([], { status: 304 }) })]), hops: [v('GET', PAGE, true, 'not-needed')] },
  { name: '…nor with If-Modified-Since', exchange: exchange([hop(`${API}/a`, { requestHeaders: [h('If-Modified-Since', 'Sat, 21 Nov 2026 00:00:00 GMT')], response: response([], { status: 304 }) })]), hops: [v('GET', PAGE, true, 'not-needed')] },
  { name: 'a 304 without validators is checked', exchange: exchange([hop(`${API}/a`, { response: response([], { status: 304 }) })]), failure: fail('MissingAllowOriginHeader', 'response', 0), hops: [v('GET', PAGE, true, 'not-needed')] },
  { name: 'no response, and nothing needed a preflight: no-response', exchange: exchange([hop(`${API}/a`, { provisional: true, response: null, error: 'net::ERR_CONNECTION_REFUSED' })]), end: 'no-response', hops: [v('GET', PAGE, true, 'not-needed')] },
];

describe('simulate: one row per situation, everything the replay reports', () => {
  test.each(cases)('$name', ({ exchange: x, credentials = false, failure = null, end = 'complete', hops, corsApplied = true, warnings = [] }) => {
    const sim = simulate(x, credentials);
    expect({
      failure: sim.failure,
      end: sim.end,
      hops: sim.hops.map(view),
      corsApplied: sim.corsApplied,
      warnings: sim.warnings.map((w) => `${w.code} ${w.stage} ${w.hop}`),
    }).toEqual({ failure, end, hops, corsApplied, warnings });
    // Hop outcomes are numbered in order and name the URL they are about.
    expect(sim.hops.map((o) => [o.hop, o.url])).toEqual(sim.hops.map((_, i) => [i, x.hops[i]?.url]));
  });
});

describe('simulate: the method after a redirect (Fetch HTTP-redirect fetch)', () => {
  const rows: [status: number, method: string, next: string][] = [
    [301, 'POST', 'GET'],
    [302, 'POST', 'GET'],
    [303, 'POST', 'GET'],
    [303, 'PUT', 'GET'],
    [303, 'GET', 'GET'],
    [303, 'HEAD', 'HEAD'],
    [301, 'PUT', 'PUT'],
    [302, 'DELETE', 'DELETE'],
    [307, 'POST', 'POST'],
    [308, 'PUT', 'PUT'],
  ];
  test.each(rows)('%i after %s → %s', (status, method, next) => {
    const x = exchange([hop(`${API}/a`, { method, response: response([acao('*')], { status, redirectUrl: `${API}/b` }) }), hop(`${API}/b`, { method: next, response: ok })]);
    expect(simulate(x, false).hops.map((o) => o.method)).toEqual([method, next]);
  });
});

describe('unsafeHeadersFor: the unsafe headers of a hop, from the preflight when there is one', () => {
  const pf = (names: string | null): PreflightRecord => ({ requestHeaders: names === null ? [] : [h('Access-Control-Request-Headers', names)], response: null, error: null });
  const rows: { name: string; author: Header[]; preflight: PreflightRecord | null; captured?: Header[]; want: [string, string, UnsafeHeaderReason][] }[] = [
    {
      name: "no preflight: the page's unsafe headers, in its order",
      author: [h('X-B', '1'), h('Content-Type', 'application/json'), h('Accept', '*/*')],
      preflight: null,
      want: [['x-b', '1', 'name-not-safelisted'], ['content-type', 'application/json', 'content-type-not-simple']],
    },
    { name: 'a preflight without Access-Control-Request-Headers: none', author: [h('X-B', '1')], preflight: pf(null), want: [] },
    { name: "the preflight's names, in the captured request's order", author: [h('X-A', '1'), h('X-B', '2')], preflight: pf('x-a,x-b'), captured: [h('X-B', '2'), h('X-A', '1')], want: [['x-b', '2', 'name-not-safelisted'], ['x-a', '1', 'name-not-safelisted']] },
    { name: 'page headers missing from the capture follow the captured ones', author: [h('X-A', '1'), h('X-B', '2')], preflight: pf('x-a,x-b'), captured: [h('X-B', '2')], want: [['x-b', '2', 'name-not-safelisted'], ['x-a', '1', 'name-not-safelisted']] },
    { name: 'names only the preflight has come last, sorted, without a value', author: [h('X-A', '1')], preflight: pf('x-z,x-y,x-a'), want: [['x-a', '1', 'name-not-safelisted'], ['x-y', '', 'name-not-safelisted'], ['x-z', '', 'name-not-safelisted']] },
    { name: 'names the preflight did not ask for are left out', author: [h('X-A', '1'), h('X-B', '2')], preflight: pf('x-a'), want: [['x-a', '1', 'name-not-safelisted']] },
    { name: "the page's reading of a header wins", author: [h('Content-Type', 'application/json')], preflight: pf('content-type'), captured: [h('Content-Type', 'application/json')], want: [['content-type', 'application/json', 'content-type-not-simple']] },
    { name: 'a captured header the page did not set: its own reason', author: [], preflight: pf('cache-control'), captured: [h('Cache-Control', 'no-cache')], want: [['cache-control', 'no-cache', 'name-not-safelisted']] },
    { name: 'a listed header whose value is safelisted: the total was too long', author: [], preflight: pf('accept'), captured: [h('Accept', '*/*')], want: [['accept', '*/*', 'safelisted-total-too-long']] },
    { name: 'each name once, whatever its case or how often it appears', author: [], preflight: pf(' x-a, X-A ,'), captured: [h('X-A', '1'), h('x-a', '2')], want: [['x-a', '1', 'name-not-safelisted']] },
  ];
  test.each(rows)('$name', ({ author, preflight: p, captured = [], want }) => {
    expect(unsafeHeadersFor(author, p, captured).map((u) => [u.name, u.value, u.reason])).toEqual(want);
  });
});

describe('targetCheck: a URL refused before anything is sent to it', () => {
  const rows: [mode: RequestMode, cors: boolean, url: string, want: CorsErrorCode | null][] = [
    ['cors', false, 'ftp://127.0.0.1/a', null],
    ['same-origin', false, `${API}/a`, null],
    ['cors', true, `${API}/a`, null],
    ['cors', true, 'https://api.example/a', null],
    ['cors', true, 'HTTPS://api.example/a', null],
    ['cors', true, 'ftp://127.0.0.1/a', 'CorsDisabledScheme'],
    ['cors', true, 'data:text/plain,x', 'CorsDisabledScheme'],
    ['cors', true, 'file:///etc/hosts', 'CorsDisabledScheme'],
    ['same-origin', true, `${API}/a`, 'DisallowedByMode'],
    ['same-origin', true, 'ftp://127.0.0.1/a', 'DisallowedByMode'],
    ['no-cors', true, 'ftp://127.0.0.1/a', null],
    ['navigate', true, 'ftp://127.0.0.1/a', null],
  ];
  test.each(rows)('%s, cross-origin %s, %s → %s', (mode, cors, url, want) => {
    expect(targetCheck(mode, cors, url)).toEqual(want === null ? null : { code: want, failedParameter: '' });
  });
});
