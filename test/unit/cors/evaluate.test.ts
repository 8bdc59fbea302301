import { describe, expect, test } from 'vitest';
import { evaluate, type HopRecord } from '../../../src/cors';
import { acao, API, exchange, h, hop, PAGE, redirect, THIRD } from '../../support/records';

const blocked = (hopOver: Partial<HopRecord>) => ({ ...hopOver, error: 'net::ERR_FAILED' });

describe('redirects (chromium-facts.md, Fetch HTTP-redirect fetch)', () => {
  test('a cross-origin redirect to a third origin taints: the next hop must allow "null", the page origin fails', () => {
    const ev = evaluate(exchange([redirect(`${API}/a`, `${THIRD}/b`, [acao(PAGE)]), hop(`${THIRD}/b`, blocked({ response: { status: 200, headers: [acao(PAGE)], redirectUrl: null } }))]));
    expect(ev.verdict).toBe('blocked');
    expect(ev.error).toMatchObject({ code: 'AllowOriginMismatch', failedParameter: PAGE, stage: 'response', hop: 1 });
    expect(ev.hops[1]?.origin).toBe('null');
  });
  test('even a redirect back to the page origin taints', () => {
    const ev = evaluate(exchange([redirect(`${API}/a`, `${PAGE}/b`, [acao(PAGE)]), hop(`${PAGE}/b`, blocked({ response: { status: 200, headers: [acao(PAGE)], redirectUrl: null } }))]));
    expect(ev.error).toMatchObject({ code: 'AllowOriginMismatch', hop: 1 });
  });
  test('ACAO `*` or `null` on the tainted hop passes', () => {
    for (const v of ['*', 'null']) {
      const ev = evaluate(exchange([redirect(`${API}/a`, `${THIRD}/b`, [acao(PAGE)]), hop(`${THIRD}/b`, { response: { status: 200, headers: [acao(v)], redirectUrl: null } })]));
      expect(ev.verdict).toBe('allowed');
    }
  });
  test('a same-origin → cross-origin redirect does not taint', () => {
    const ev = evaluate(exchange([redirect(`${PAGE}/a`, `${API}/b`), hop(`${API}/b`, { response: { status: 200, headers: [acao(PAGE)], redirectUrl: null } })]));
    expect(ev.verdict).toBe('allowed');
    expect(ev.hops[1]?.origin).toBe(PAGE);
  });
  test('the redirect response itself is access-checked', () => {
    const ev = evaluate(exchange([hop(`${API}/a`, blocked({ response: { status: 302, headers: [h('Location', `${API}/b`)], redirectUrl: `${API}/b` } }))]));
    expect(ev.error).toMatchObject({ code: 'MissingAllowOriginHeader', stage: 'redirect', hop: 0 });
  });
  test('user:pass@ in a cross-origin Location is RedirectContainsCredentials ""', () => {
    const to = 'http://u:p@127.0.0.1:8003/x';
    const ev = evaluate(exchange([hop(`${API}/a`, blocked({ response: { status: 302, headers: [acao(PAGE)], redirectUrl: to } }))]));
    expect(ev.error).toMatchObject({ code: 'RedirectContainsCredentials', failedParameter: '', stage: 'redirect' });
  });
  test('mode same-origin redirected cross-origin is DisallowedByMode', () => {
    const ev = evaluate(exchange([hop(`${PAGE}/a`, blocked({ response: { status: 302, headers: [], redirectUrl: `${API}/b` } }))], { mode: 'same-origin' }));
    expect(ev.error).toMatchObject({ code: 'DisallowedByMode' });
  });
  test('303 turns a preflighted PUT into a GET with no preflight (and drops Content-Type)', () => {
    const pf = { requestHeaders: [h('Access-Control-Request-Method', 'PUT'), h('Access-Control-Request-Headers', 'content-type')], response: { status: 204, headers: [acao(PAGE), h('Access-Control-Allow-Methods', 'PUT'), h('Access-Control-Allow-Headers', 'content-type')], redirectUrl: null }, error: null };
    const first = hop(`${API}/a`, { method: 'PUT', preflight: pf, response: { status: 303, headers: [acao(PAGE)], redirectUrl: `${API}/b` } });
    const ev = evaluate(exchange([first, hop(`${API}/b`, { response: { status: 200, headers: [acao(PAGE)], redirectUrl: null } })], { authorHeaders: [h('Content-Type', 'application/json')] }));
    expect(ev.verdict).toBe('allowed');
    expect(ev.hops[1]).toMatchObject({ method: 'GET', preflight: 'not-needed' });
  });
  test('a 303 on a GET keeps Content-Type (the method does not change), so the next hop still needs its preflight', () => {
    const first = hop(`${API}/a`, { response: { status: 303, headers: [acao(PAGE)], redirectUrl: `${API}/b` }, preflight: { requestHeaders: [h('Access-Control-Request-Method', 'GET'), h('Access-Control-Request-Headers', 'content-type')], response: { status: 204, headers: [acao(PAGE), h('Access-Control-Allow-Headers', 'content-type')], redirectUrl: null }, error: null } });
    const ev = evaluate(exchange([first, hop(`${API}/b`, { response: null, provisional: true, error: 'net::ERR_FAILED' })], { authorHeaders: [h('Content-Type', 'application/json')] }));
    expect(ev.hops[1]).toMatchObject({ method: 'GET', preflight: 'missing' });
  });
  test('a redirect that passed and was not followed (redirect: manual) is allowed', () => {
    const ev = evaluate(exchange([hop(`${API}/a`, { response: { status: 302, headers: [acao(PAGE)], redirectUrl: `${API}/b` } })]));
    expect(ev.verdict).toBe('allowed');
    expect(ev.notes).toContain('redirect-not-followed');
  });
});

describe('credentials mode from evidence (the HAR does not record it)', () => {
  test('a Cookie header proves include: `*` fails', () => {
    const ev = evaluate(exchange([hop(`${API}/a`, blocked({ response: { status: 200, headers: [acao('*')], redirectUrl: null } }))], { credentials: 'include' }));
    expect(ev.error?.code).toBe('WildcardOriginNotAllowed');
    expect(ev.confidence).toBe('certain');
  });
  test('`*` plus an observed failure means credentials were included', () => {
    const ev = evaluate(exchange([hop(`${API}/a`, blocked({ response: { status: 200, headers: [acao('*')], redirectUrl: null } }))]));
    expect(ev.error?.code).toBe('WildcardOriginNotAllowed');
    expect(ev.credentials).toBe('include');
    expect(ev.notes).toContain('credentials-inferred-include');
  });
  test('`*` and no failure: allowed, certain', () => {
    const ev = evaluate(exchange([hop(`${API}/a`, { response: { status: 200, headers: [acao('*')], redirectUrl: null } })]));
    expect(ev).toMatchObject({ verdict: 'allowed', confidence: 'certain' });
  });
  test('a capture that records no errors cannot tell: the verdict is not certain', () => {
    const ev = evaluate(exchange([hop(`${API}/a`, { response: { status: 200, headers: [acao('*')], redirectUrl: null } })], { errorsRecorded: false }));
    expect(ev.confidence).toBe('uncertain');
  });
});

describe('observation vs replay', () => {
  test('a connection failure is not a CORS error: unknown, with the network error named', () => {
    const ev = evaluate(exchange([hop(`${API}/a`, { response: null, provisional: true, error: 'net::ERR_CONNECTION_REFUSED' })]));
    expect(ev).toMatchObject({ verdict: 'unknown', networkError: 'net::ERR_CONNECTION_REFUSED', error: null });
  });
  test('a preflight-needing request that never reached the network, with no preflight in the capture: blocked, uncertain, no code', () => {
    const ev = evaluate(exchange([hop(`${API}/a`, blocked({ method: 'PUT', response: null, provisional: true }))]));
    expect(ev).toMatchObject({ verdict: 'blocked', error: null, confidence: 'uncertain' });
    expect(ev.notes).toContain('preflight-missing');
  });
  test('a preflighted request that went through with no OPTIONS entry used the preflight cache', () => {
    const ev = evaluate(exchange([hop(`${API}/a`, { method: 'PUT', response: { status: 200, headers: [acao(PAGE)], redirectUrl: null } })]));
    expect(ev.verdict).toBe('allowed');
    expect(ev.notes).toContain('preflight-from-cache');
  });
  test('the browser allowed what the replay blocks: never a confident "blocked"', () => {
    const ev = evaluate(exchange([hop(`${API}/a`, { response: { status: 200, headers: [], redirectUrl: null } })], { credentials: 'omit' }));
    expect(ev).toMatchObject({ verdict: 'unknown', confidence: 'uncertain' });
  });
  test('status 0 with response headers (Firefox writes blocked responses so) is judged on its headers, not as InvalidResponse', () => {
    const ev = evaluate(exchange([hop(`${API}/a`, { response: { status: 0, headers: [h('Content-Type', 'text/plain')], redirectUrl: null } })], { errorsRecorded: false }));
    expect(ev.error?.code).toBe('MissingAllowOriginHeader');
  });
  test('an error status with the right headers passes: the access check ignores the status', () => {
    expect(evaluate(exchange([hop(`${API}/a`, { response: { status: 500, headers: [acao(PAGE)], redirectUrl: null } })])).verdict).toBe('allowed');
  });
  test('a 304 answering the HTTP cache\'s revalidation is not access-checked (Chrome checks the cached response)', () => {
    const ev = evaluate(exchange([hop(`${API}/a`, { requestHeaders: [h('If-None-Match', '"v1"')], response: { status: 304, headers: [], redirectUrl: null } })]));
    expect(ev.verdict).toBe('allowed');
  });
  test('a page-set Cache-Control is named in request order, before X-Custom (the preflight lists both)', () => {
    const pf = { requestHeaders: [h('Access-Control-Request-Method', 'PUT'), h('Access-Control-Request-Headers', 'cache-control,x-custom')], response: { status: 204, headers: [acao(PAGE), h('Access-Control-Allow-Methods', 'PUT')], redirectUrl: null }, error: null };
    const provisional = [h('Cache-Control', 'no-cache'), h('X-Custom', '1')];
    const ev = evaluate(exchange([hop(`${API}/a`, blocked({ method: 'PUT', requestHeaders: provisional, provisional: true, response: null, preflight: pf }))], { authorHeaders: [h('X-Custom', '1')] }));
    expect(ev.error).toMatchObject({ code: 'HeaderDisallowedByPreflightResponse', failedParameter: 'cache-control' });
  });
  test('same-origin requests are not CORS', () => {
    expect(evaluate(exchange([hop(`${PAGE}/a`)])).verdict).toBe('not-cors');
  });
  test('no-cors and navigations are not CORS', () => {
    expect(evaluate(exchange([hop(`${API}/a`)], { mode: 'no-cors' })).verdict).toBe('not-cors');
    expect(evaluate(exchange([hop(`${API}/a`)], { mode: 'navigate' })).verdict).toBe('not-cors');
  });
  test('why a preflight: the method and each unsafe header with its value', () => {
    const ev = evaluate(exchange([hop(`${API}/a`, { method: 'PUT', response: { status: 200, headers: [acao(PAGE)], redirectUrl: null } })], { authorHeaders: [h('Content-Type', 'application/json'), h('Accept', '*/*')] }));
    expect(ev.preflightReasons).toEqual([
      { kind: 'method', method: 'PUT' },
      { kind: 'header', name: 'content-type', value: 'application/json', reason: 'content-type-not-simple' },
    ]);
  });
});

describe('a capture that does not record the decision, failing in both credentials modes', () => {
  // A preflight refusing X-Custom: without credentials the header check fails, with them Allow-Credentials does.
  const refused = (browser: 'chrome' | 'firefox') =>
    exchange(
      [hop(`${API}/a`, { method: 'PUT', response: null, preflight: { requestHeaders: [h('Access-Control-Request-Method', 'PUT'), h('Access-Control-Request-Headers', 'x-custom')], response: { status: 204, headers: [acao(PAGE), h('Access-Control-Allow-Methods', 'PUT')], redirectUrl: null }, error: null } })],
      { browser, errorsRecorded: false, authorHeaders: [h('X-Custom', '1')] },
    );
  test("Firefox's own capture: blocked whichever mode, named by fetch()'s default mode, the other mode's failure kept", () => {
    const ev = evaluate(refused('firefox'));
    expect(ev).toMatchObject({ verdict: 'blocked', confidence: 'inferred', credentials: 'unknown', error: { code: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-custom' } });
    expect(ev.otherwise?.code).toBe('PreflightInvalidAllowCredentials');
  });
  test('any other capture without the decision (a proxy) stays uncertain: its failing check may not be the browser\'s', () => {
    expect(evaluate(refused('chrome'))).toMatchObject({ verdict: 'blocked', confidence: 'uncertain' });
  });
});
