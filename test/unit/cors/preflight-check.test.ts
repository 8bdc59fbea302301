import { describe, expect, test } from 'vitest';
import { checkPreflight, type PreflightCheckInput } from '../../../src/cors/preflight-check';
import { corsUnsafeHeaders } from '../../../src/cors/safelist';
import type { Header } from '../../../src/cors';

const ORIGIN = 'http://127.0.0.1:8001';
const h = (name: string, value: string): Header => ({ name, value });

function input(over: Partial<PreflightCheckInput> & { requestHeaders?: Header[] }): PreflightCheckInput {
  return {
    status: 204,
    headers: [h('Access-Control-Allow-Origin', ORIGIN)],
    redirected: false,
    origin: ORIGIN,
    credentials: false,
    method: 'PUT',
    unsafeHeaders: corsUnsafeHeaders(over.requestHeaders ?? []),
    ...over,
  };
}
const code = (i: PreflightCheckInput) => checkPreflight(i).failure;

describe('checkPreflight: order of checks (Chromium PreflightController, observed in Chromium 156)', () => {
  test('any redirect is PreflightDisallowedRedirect, whatever the 3xx carries', () => {
    expect(code(input({ status: 302, redirected: true, headers: [h('Access-Control-Allow-Methods', 'PUT'), h('Access-Control-Allow-Origin', ORIGIN)] }))).toEqual({ code: 'PreflightDisallowedRedirect', failedParameter: '' });
  });
  test('a 404 without ACAO is PreflightMissingAllowOriginHeader, not PreflightInvalidStatus', () => {
    expect(code(input({ status: 404, headers: [] }))?.code).toBe('PreflightMissingAllowOriginHeader');
  });
  test('a 404 with a wrong ACAO is PreflightAllowOriginMismatch', () => {
    expect(code(input({ status: 404, headers: [h('Access-Control-Allow-Origin', 'http://x.test')] }))).toEqual({ code: 'PreflightAllowOriginMismatch', failedParameter: 'http://x.test' });
  });
  test('PreflightInvalidStatus only once the origin checks pass', () => {
    expect(code(input({ status: 404, headers: [h('Access-Control-Allow-Origin', ORIGIN), h('Access-Control-Allow-Methods', 'PUT')] }))?.code).toBe('PreflightInvalidStatus');
  });
  test('credentials: `*` is PreflightWildcardOriginNotAllowed, missing ACAC is PreflightInvalidAllowCredentials ""', () => {
    expect(code(input({ credentials: true, headers: [h('Access-Control-Allow-Origin', '*')] }))?.code).toBe('PreflightWildcardOriginNotAllowed');
    expect(code(input({ credentials: true, headers: [h('Access-Control-Allow-Origin', ORIGIN), h('Access-Control-Allow-Methods', 'PUT')] }))).toEqual({ code: 'PreflightInvalidAllowCredentials', failedParameter: '' });
  });
  test('an unparsable Allow-Methods (failedParameter "", Chromium 156) is reported before a disallowed method, and before Allow-Headers', () => {
    const headers = [h('Access-Control-Allow-Origin', ORIGIN), h('Access-Control-Allow-Methods', 'P UT'), h('Access-Control-Allow-Headers', 'x y')];
    // Chrome names nothing; the engine names the item, so the explanation need not parse the header again.
    expect(code(input({ headers }))).toEqual({ code: 'InvalidAllowMethodsPreflightResponse', failedParameter: '', offending: 'P UT' });
  });
  test('an unparsable Allow-Headers', () => {
    const headers = [h('Access-Control-Allow-Origin', ORIGIN), h('Access-Control-Allow-Methods', 'PUT'), h('Access-Control-Allow-Headers', 'x-a;x-b')];
    expect(code(input({ headers }))).toEqual({ code: 'InvalidAllowHeadersPreflightResponse', failedParameter: '', offending: 'x-a;x-b' });
  });
  test('empty list items are skipped, not invalid', () => {
    const headers = [h('Access-Control-Allow-Origin', ORIGIN), h('Access-Control-Allow-Methods', ',PUT,, ')];
    expect(code(input({ headers }))).toBeNull();
  });
  test('the method check comes before the header check', () => {
    const headers = [h('Access-Control-Allow-Origin', ORIGIN), h('Access-Control-Allow-Methods', 'GET')];
    expect(code(input({ method: 'DELETE', headers, requestHeaders: [h('X-Custom', '1')] }))).toEqual({ code: 'MethodDisallowedByPreflightResponse', failedParameter: 'DELETE' });
  });
});

// WPT fetch/api/cors/cors-preflight-star.any.js: [succeeds, credentials, ACAM, ACAH, method, header]
const star: [boolean, boolean, string, string, string, Header][] = [
  [true, false, 'get', 'x-test', 'GET', h('X-Test', '1')],
  [true, false, '*', 'x-test', 'SUPER', h('X-Test', '1')],
  [true, false, '*', '*', 'OK', h('X-Test', '1')],
  [true, true, 'OK', 'Content-Type', 'GET', h('Content-Type', 'uni/corn')],
  [false, true, '*', '*', 'OK', h('X-Test', '1')],
  [false, true, '*', '', 'PUT', h('X-Test', '1')],
  [false, true, 'PUT', '*', 'PUT', h('X-Test', '1')],
  [true, true, 'PUT', 'x-test', 'PUT', h('X-Test', '1')],
];

describe('checkPreflight: wildcards (WPT cors-preflight-star)', () => {
  test.each(star)('succeeds=%s credentials=%s ACAM=%j ACAH=%j method=%s', (ok, credentials, acam, acah, method, header) => {
    const headers = [h('Access-Control-Allow-Origin', ORIGIN), h('Access-Control-Allow-Methods', acam), h('Access-Control-Allow-Headers', acah)];
    if (credentials) headers.push(h('Access-Control-Allow-Credentials', 'true'));
    expect(code(input({ headers, method, credentials, requestHeaders: [header] })) === null).toBe(ok);
  });
});

describe('checkPreflight: Chrome-specific behaviour (Chromium 156)', () => {
  const base = [h('Access-Control-Allow-Origin', ORIGIN)];
  test('methods compare case-sensitively: `patch` is not allowed by PATCH, PUT not by `put`', () => {
    expect(code(input({ method: 'patch', headers: [...base, h('Access-Control-Allow-Methods', 'GET, PATCH')] }))).toEqual({ code: 'MethodDisallowedByPreflightResponse', failedParameter: 'patch' });
    expect(code(input({ method: 'PUT', headers: [...base, h('Access-Control-Allow-Methods', 'put')] }))?.code).toBe('MethodDisallowedByPreflightResponse');
  });
  test('`Access-Control-Allow-Headers: *` still covers Authorization without credentials, with a deprecation warning', () => {
    const r = checkPreflight(input({ headers: [...base, h('Access-Control-Allow-Methods', 'PUT'), h('Access-Control-Allow-Headers', '*')], requestHeaders: [h('Authorization', 'Bearer x')] }));
    expect(r.failure).toBeNull();
    expect(r.authorizationCoveredByWildcard).toBe(true);
  });
  test('…but not with credentials, where `*` is a literal name', () => {
    const headers = [...base, h('Access-Control-Allow-Credentials', 'true'), h('Access-Control-Allow-Methods', 'PUT'), h('Access-Control-Allow-Headers', '*')];
    expect(code(input({ credentials: true, headers, requestHeaders: [h('Authorization', 'Bearer x')] }))).toEqual({ code: 'HeaderDisallowedByPreflightResponse', failedParameter: 'authorization' });
  });
  test('an explicitly listed Authorization raises no warning', () => {
    const r = checkPreflight(input({ headers: [...base, h('Access-Control-Allow-Methods', 'PUT'), h('Access-Control-Allow-Headers', '*, Authorization')], requestHeaders: [h('Authorization', 'Bearer x')] }));
    expect(r.authorizationCoveredByWildcard).toBe(false);
  });
  test('the first disallowed header in request order is named (HAR provisional order, not alphabetical)', () => {
    const headers = [...base, h('Access-Control-Allow-Methods', 'PUT'), h('Access-Control-Allow-Headers', 'content-type')];
    expect(code(input({ headers, requestHeaders: [h('X-Zeta', '1'), h('Content-Type', 'application/json'), h('X-Alpha', '1')] }))?.failedParameter).toBe('x-zeta');
  });
});
