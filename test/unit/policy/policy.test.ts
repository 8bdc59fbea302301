/**
 * The policy end to end on engine records: what it allows, what it refuses to allow, and the proof's count.
 * Each row is a situation the issue names (the `*` that breaks the credentialed request next to it, a preflight
 * hitting authentication, the error response without headers, a redirect with credentials in its URL, ...).
 */
import { describe, expect, it } from 'vitest';
import type { ExchangeRecord } from '../../../src/cors';
import { type Policy, policyReport, REQUEST_ORIGIN } from '../../../src/policy';
import { analysed } from '../../support/analysed';
import { acao, API, exchange, h, hop, PAGE, preflight, redirect, response, THIRD } from '../../support/records';

const DEV = 'http://localhost:5173';
const cookie = h('Cookie', 'sid=1');
/** What Chrome records for a credentialed GET its CORS check failed: Origin and Cookie sent, net::ERR_FAILED. */
const blockedWithCookie = (origin = PAGE) => ({ requestHeaders: [h('Origin', origin), cookie], error: 'net::ERR_FAILED' });
const report = (records: ExchangeRecord[], unknown: number[] = []) => policyReport(analysed(records, unknown));
const only = (records: ExchangeRecord[]): Policy => {
  const r = report(records);
  expect(r.policies).toHaveLength(1);
  return r.policies[0] as Policy;
};
const lines = (ls: readonly { name: string; value: string }[]) => ls.map((l) => `${l.name}: ${l.value}`);

/** A credentialed PUT with JSON and a token, blocked at its preflight (answered `*`). */
const credentialedPut = (origin = PAGE) =>
  exchange(
    [
      hop(`${API}/api/items/7`, {
        method: 'PUT',
        provisional: true,
        response: null,
        error: 'net::ERR_FAILED',
        requestHeaders: [h('Origin', origin)],
        preflight: preflight('PUT', 'authorization,content-type', [acao('*'), h('Access-Control-Allow-Methods', '*'), h('Access-Control-Allow-Headers', '*')]),
      }),
    ],
    { initiatorOrigin: origin, credentials: 'include', authorHeaders: [h('Authorization', 'Bearer t'), h('Content-Type', 'application/json')] },
  );
const anonymousGet = (origin = PAGE, path = '/api/items') => exchange([hop(`${API}${path}`, { response: response([acao('*'), h('X-Request-Id', 'r1')]) })], { initiatorOrigin: origin, credentials: 'omit' });

describe('the policy for one target', () => {
  it("the issue's example: every origin, method and header seen, credentials, and the lines complete", () => {
    const p = only([credentialedPut(PAGE), credentialedPut(DEV), anonymousGet(PAGE)]);
    expect(p).toMatchObject({
      target: API,
      paths: ['/'],
      origins: [PAGE, DEV],
      methods: ['PUT'],
      requestHeaders: ['authorization', 'content-type'],
      credentials: true,
      maxAge: 600,
      preflightStatus: 204,
      pass: { passing: 3, total: 3 },
      cannotPass: [],
      parts: [],
    });
    expect(lines(p.preflightResponse)).toEqual([
      `Access-Control-Allow-Origin: ${REQUEST_ORIGIN}`,
      'Access-Control-Allow-Credentials: true',
      'Access-Control-Allow-Methods: PUT',
      'Access-Control-Allow-Headers: authorization, content-type',
      'Access-Control-Max-Age: 600',
      'Vary: Origin',
    ]);
    expect(lines(p.actualResponse)).toEqual([`Access-Control-Allow-Origin: ${REQUEST_ORIGIN}`, 'Access-Control-Allow-Credentials: true', 'Vary: Origin']);
    expect(p.exposeCandidates).toEqual(['x-request-id']);
    expect(p.notes.map((n) => n.key)).toEqual(['preflight-before-auth', 'error-responses', 'vary', 'max-age', 'expose']);
  });

  it('a preflight answered 401 by authentication passes once OPTIONS is answered first', () => {
    const rec = exchange(
      [hop(`${API}/a`, { method: 'DELETE', provisional: true, response: null, error: 'net::ERR_FAILED', preflight: preflight('DELETE', '', [], { response: response([], { status: 401 }) }) })],
      { credentials: 'include' },
    );
    expect(only([rec]).pass).toEqual({ passing: 1, total: 1 });
  });

  it('an error response without headers passes with the policy on every response', () => {
    const rec = exchange([hop(`${API}/a`, { ...blockedWithCookie(), response: response([], { status: 500 }) })], { credentials: 'include' });
    const p = only([rec]);
    expect(p.pass).toEqual({ passing: 1, total: 1 });
    expect(p.preflightResponse).toEqual([]);
    expect(p.maxAge).toBeNull();
  });

  it('a simple GET needs no method, no header and no preflight', () => {
    const p = only([anonymousGet()]);
    expect(p).toMatchObject({ methods: [], requestHeaders: [], credentials: false, maxAge: null, preflightStatus: null, preflightResponse: [] });
    expect(p.notes.map((n) => n.key)).toContain('credentials-unseen');
  });

  it('a method is allowed exactly as the page sent it: lower-case patch stays patch', () => {
    const rec = exchange([hop(`${API}/a`, { method: 'patch', preflight: preflight('patch', '', []), response: response([]) })]);
    expect(only([rec]).methods).toEqual(['patch']);
  });

  it('not-cors and same-origin exchanges are not traffic the policy answers', () => {
    const r = report([exchange([hop(`${API}/a`)], { mode: 'no-cors' }), exchange([hop(`${PAGE}/a`)])]);
    expect(r.policies).toEqual([]);
    expect(r.pass).toEqual({ passing: 0, total: 0 });
  });
});

describe('origin null', () => {
  const viaRedirect = (credentials: 'include' | 'omit') => exchange([redirect(`${API}/a`, `${THIRD}/b`, [acao(PAGE)]), hop(`${THIRD}/b`, { response: response([acao('*')]) })], { credentials });

  it('seen without credentials: allowed by name, with the risk said', () => {
    const r = report([viaRedirect('omit')]);
    const third = r.policies.find((p) => p.target === THIRD) as Policy;
    expect(third.origins).toEqual(['null']);
    expect(third.notes.map((n) => n.key)).toContain('null-origin');
    expect(r.pass).toEqual({ passing: 1, total: 1 });
  });

  it('seen with credentials: never allowed, the exchange cannot pass', () => {
    const r = report([viaRedirect('include')]);
    expect(r.policies.find((p) => p.target === THIRD)).toBeUndefined();
    expect(r.cannotPass).toMatchObject([{ exchange: 0, kind: 'null-origin-with-credentials', class: 'impossible' }]);
    expect(r.pass).toEqual({ passing: 0, total: 1 });
  });

  it('seen without credentials on a target that allows them elsewhere: refused there too', () => {
    const r = report([viaRedirect('omit'), exchange([hop(`${THIRD}/b`, blockedWithCookie())], { credentials: 'include' })]);
    const third = r.policies.find((p) => p.target === THIRD) as Policy;
    expect(third.origins).toEqual([PAGE]);
    expect(third.cannotPass.map((c) => c.kind)).toEqual(['null-origin-with-credentials']);
  });
});

describe('split by path', () => {
  it('credentials on /account only: two parts, and one configuration for stacks that cannot route', () => {
    const me = exchange([hop(`${API}/account/me`, blockedWithCookie())], { credentials: 'include' });
    const r = report([me, anonymousGet(PAGE, '/catalog/items')]);
    const p = r.policies[0] as Policy;
    expect(p.credentials).toBe(true);
    expect(p.notes.map((n) => n.key)).toContain('whole-origin');
    // The whole-origin configuration passes everything too: it allows everywhere what any part needed.
    expect(p.pass).toEqual({ passing: 2, total: 2 });
    expect(p.parts.map((q) => [q.paths, q.credentials, q.pass])).toEqual([
      [['/account'], true, { passing: 1, total: 1 }],
      [['/catalog'], false, { passing: 1, total: 1 }],
    ]);
    expect(r.pass).toEqual({ passing: 2, total: 2 });
  });
});
