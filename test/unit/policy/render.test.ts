/**
 * The policy rendered for each stack and for API Gateway / Lambda. Golden files (test/unit/policy/reviewed,
 * reviewed by hand) pin a representative policy: two origins, credentials and a PUT on one path, an anonymous
 * GET on another, on an execute-api host. Where the language is installed the snippet is run against stubs of
 * its library, and what the library receives must be exactly the policy's values: for the representative
 * policy, and for one full of hostile values, which must be left out (with a note) or arrive intact.
 */
import { describe, expect, it } from 'vitest';
import type { Header } from '../../../src/cors';
import { type Policy, type PolicyPart, policyReport, policySnippets } from '../../../src/policy';
import { analysed } from '../../support/analysed';
import { acao, exchange, h, hop, preflight, response } from '../../support/records';
import { HAS_JAVA, HAS_PYTHON, runDjango, runExpress, runFlask, runLambda, runSpring } from '../../support/snippet-run';

const API = 'https://abc123.execute-api.eu-west-1.amazonaws.com';
const APP = 'https://app.example.com';
const DEV = 'http://localhost:5173';

function representative(): Policy {
  const put = (origin: string) =>
    exchange(
      [hop(`${API}/prod/items/7`, { method: 'PUT', provisional: true, response: null, error: 'net::ERR_FAILED', preflight: preflight('PUT', 'authorization,content-type', [acao('*')]) })],
      { initiatorOrigin: origin, credentials: 'include', authorHeaders: [h('Authorization', 'Bearer t'), h('Content-Type', 'application/json')] },
    );
  const get = exchange([hop(`${API}/prod/catalog`, { requestHeaders: [h('Origin', APP)], response: response([acao('*'), h('X-Request-Id', '1')]) })], { initiatorOrigin: APP });
  const p = policyReport(analysed([put(APP), put(DEV), get])).policies[0] as Policy;
  expect(p.parts.length).toBe(2);
  return p;
}

const snippets = policySnippets(representative());
const code = (place: string): string => [...snippets.stacks.map((s) => [s.stack, s.code]), ...snippets.outside.map((s) => [s.place, s.code])].find(([p]) => p === place)?.[1] ?? '';

describe('golden snippets for a representative policy', () => {
  it.each(['express', 'nginx', 'apache', 'flask', 'django', 'spring', 'go', 'aws-api-gateway', 'aws-lambda'])('%s', async (place) => {
    await expect(code(place)).toMatchFileSnapshot(`reviewed/${place}.txt`);
  });

  it('API Gateway and Lambda only for an execute-api host', () => {
    expect(snippets.outside.map((s) => s.place)).toEqual(['aws-api-gateway', 'aws-lambda']);
    expect(policySnippets({ ...representative(), target: 'https://api.example.com' }).outside).toEqual([]);
  });
});

describe('the representative policy, run', () => {
  it('Express: one cors() per part, mounted on its paths, every option set', () => {
    expect(runExpress(code('express'))).toEqual([
      { paths: ['/prod/items'], options: { origin: [DEV, APP], methods: ['PUT'], allowedHeaders: ['authorization', 'content-type'], credentials: true, maxAge: 600, optionsSuccessStatus: 204 } },
      { paths: ['/prod/catalog'], options: { origin: [APP], methods: [], allowedHeaders: [], credentials: false, optionsSuccessStatus: 204 } },
    ]);
  });

  it('Lambda: preflight 204 before the handler, lines on errors, nothing for an origin or path outside', async () => {
    const call = runLambda(code('aws-lambda'));
    const event = (method: string, path: string, origin: string, extra: Record<string, string> = {}) => ({ httpMethod: method, path: path.replace('/prod', ''), requestContext: { path }, headers: { Origin: origin, ...extra } });
    const pf = await call(event('OPTIONS', '/prod/items/9', DEV, { 'Access-Control-Request-Method': 'PUT' }));
    expect(pf).toEqual({
      statusCode: 204,
      body: '',
      headers: { 'Access-Control-Allow-Origin': DEV, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'authorization, content-type', 'Access-Control-Max-Age': '600', Vary: 'Origin' },
    });
    const err = await call(event('PUT', '/prod/items/9', APP));
    expect(err.statusCode).toBe(500);
    expect(err.headers).toMatchObject({ 'Access-Control-Allow-Origin': APP, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' });
    expect((await call(event('GET', '/prod/items/9', 'https://evil.example'))).headers['Access-Control-Allow-Origin']).toBeUndefined();
    expect((await call(event('GET', '/prod/other', APP))).headers['Access-Control-Allow-Origin']).toBeUndefined();
    expect((await call(event('GET', '/prod/catalog', APP))).headers['Access-Control-Allow-Credentials']).toBeUndefined();
  });

  it.skipIf(!HAS_PYTHON)('Flask: one resource per part, methods including those the preflights ask for', () => {
    expect(runFlask(code('flask'))).toEqual({
      resources: {
        '^/(prod/items)(/|$)': { origins: [DEV, APP], methods: ['PUT'], allow_headers: ['authorization', 'content-type'], supports_credentials: true, max_age: 600 },
        '^/(prod/catalog)(/|$)': { origins: [APP], methods: ['GET'], allow_headers: [], supports_credentials: false },
      },
    });
  });

  it.skipIf(!HAS_PYTHON)('Django: the whole origin, limited to the parts\' paths, every list set', () => {
    expect(runDjango(code('django'))).toEqual({
      INSTALLED_APPS: ['corsheaders'],
      MIDDLEWARE: ['corsheaders.middleware.CorsMiddleware'],
      CORS_ALLOWED_ORIGINS: [DEV, APP],
      CORS_URLS_REGEX: '^/(prod/items|prod/catalog)(/|$)',
      CORS_ALLOW_METHODS: ['GET', 'PUT'],
      CORS_ALLOW_HEADERS: ['authorization', 'content-type'],
      CORS_ALLOW_CREDENTIALS: true,
      CORS_PREFLIGHT_MAX_AGE: 600,
    });
  });

  it.skipIf(!HAS_JAVA)('Spring: one configuration per part, registered on its paths', () => {
    expect(runSpring(code('spring'))).toEqual([
      `/prod/items/** {origins=[${DEV}, ${APP}], methods=[PUT], headers=[authorization, content-type], credentials=true, maxAge=600}`,
      `/prod/catalog/** {origins=[${APP}], methods=[GET], headers=[], credentials=false}`,
    ]);
  });
});

/** Each holds `zq`, which nothing else in a snippet does. */
const HOSTILE_ORIGINS = ['https://a"zq1.example', "https://zq2'x.example", 'http://$zq3', 'https://zq4.example\n', 'https://zq5.example/path', 'javascript:zq6(1)', 'https://zq7.example\\', 'https://%zq8.example'];
const HOSTILE_TOKENS = ['x-$var', "x'q", 'x`b', 'x|y', 'a*b^c'];
const NOT_TOKENS = ['bad header', 'x\r\ny', 'DEL"ETE', 'q(1)', 'a[b]'];

function hostile(): Policy {
  const lines: Header[] = [];
  const part: PolicyPart = {
    paths: ['/'],
    origins: [APP, 'null', 'http://[::1]:3000', ...HOSTILE_ORIGINS],
    methods: ['PUT', 'patch', ...HOSTILE_TOKENS, ...NOT_TOKENS],
    allMethods: ['GET', 'PUT', 'patch', ...HOSTILE_TOKENS, ...NOT_TOKENS],
    requestHeaders: ['x-ok', ...HOSTILE_TOKENS, ...NOT_TOKENS],
    credentials: false,
    maxAge: 600,
    maxAgeCaps: [],
    preflightStatus: 204,
    preflightResponse: lines,
    actualResponse: lines,
    pass: { passing: 0, total: 0 },
    cannotPass: [],
    exposeCandidates: ['x-id', ...HOSTILE_TOKENS, ...NOT_TOKENS],
    notes: [],
  };
  return { target: API, ...part, parts: [] };
}

describe('hostile values', () => {
  const s = policySnippets(hostile());
  const all = [...s.stacks.map((x) => [x.stack, x.code] as const), ...s.outside.map((x) => [x.place, x.code] as const)];
  const origins = [APP, 'null', 'http://[::1]:3000'];

  it.each(all)('%s: no origin that is not a plain origin, no non-token, no raw control character', (_place, c) => {
    expect(c).not.toContain('zq');
    for (const t of NOT_TOKENS) expect(c).not.toContain(t);
    expect(c).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(c).toContain('Left out');
  });

  it.each(['nginx', 'apache'] as const)('%s: a `$` (a variable there) never reaches the config', (place) => {
    const c = all.find(([p]) => p === place)?.[1] ?? '';
    expect(c).not.toContain('x-$var');
    expect(c.replace(/\$cors_origin\w*|\$http_origin|\$request_method|\(\/\|\$\)|!\^\$|%\{[A-Za-z_:-]+\}/g, '')).not.toContain('$');
  });

  it('Express receives exactly the values that were kept', () => {
    const [mounted] = runExpress(all.find(([p]) => p === 'express')?.[1] ?? '');
    expect(mounted?.options).toMatchObject({ origin: origins, methods: ['PUT', 'patch', ...HOSTILE_TOKENS], allowedHeaders: ['x-ok', ...HOSTILE_TOKENS] });
  });

  it.skipIf(!HAS_PYTHON)('Flask receives exactly the values kept, metacharacters as escaped patterns', () => {
    const got = runFlask(all.find(([p]) => p === 'flask')?.[1] ?? '') as { resources: Record<string, { origins: unknown[]; allow_headers: unknown[]; methods: unknown[] }> };
    const r = got.resources['/*'];
    expect(r?.methods).toEqual(['GET', 'PUT', 'patch', ...HOSTILE_TOKENS]);
    expect(r?.origins).toEqual([APP, 'null', { re: 'http://\\[::1\\]:3000\\Z' }]);
    expect(r?.allow_headers).toEqual(['x-ok', { re: 'x\\-\\$var\\Z' }, "x'q", 'x`b', 'x|y', { re: 'a\\*b\\^c\\Z' }]);
  });

  it.skipIf(!HAS_PYTHON)('Django receives exactly the values kept', () => {
    const got = runDjango(all.find(([p]) => p === 'django')?.[1] ?? '');
    expect(got).toMatchObject({ CORS_ALLOWED_ORIGINS: origins, CORS_ALLOW_HEADERS: ['x-ok', ...HOSTILE_TOKENS] });
  });

  it.skipIf(!HAS_JAVA)('Spring receives exactly the values kept', () => {
    const [line] = runSpring(all.find(([p]) => p === 'spring')?.[1] ?? '');
    expect(line).toBe(`/** {origins=[${origins.join(', ')}], methods=[GET, PUT, patch, ${HOSTILE_TOKENS.join(', ')}], headers=[x-ok, ${HOSTILE_TOKENS.join(', ')}], credentials=false, maxAge=600}`);
  });

  it('the Lambda answers exactly the kept origins', async () => {
    const call = runLambda(all.find(([p]) => p === 'aws-lambda')?.[1] ?? '');
    for (const o of origins) expect((await call({ httpMethod: 'GET', path: '/x', headers: { origin: o } })).headers['Access-Control-Allow-Origin']).toBe(o);
    for (const o of HOSTILE_ORIGINS) expect((await call({ httpMethod: 'GET', path: '/x', headers: { origin: o } })).headers['Access-Control-Allow-Origin']).toBeUndefined();
  });
});
