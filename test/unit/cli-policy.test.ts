/**
 * `cors-lens policy` as a user runs it, on the built binary: the exit codes (0 every CORS request passes, 1 some
 * cannot, 2 as for check), the JSON contract of issue 13, --target and --stack, and hostile values kept inert.
 * The policy's own rules are tested in test/unit/policy; this is the command around them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REQUEST_ORIGIN } from '../../src/policy';
import { root, runCli, scratch } from '../support/cli-run';
import { har } from '../support/har-builder';
import { inspect, render } from '../support/markdown-render';

const run = runCli;
const { file } = scratch('cors-lens-policy-');
/** A recorded zoo group's HAR, as Chrome's extension received it. */
function zoo(group: string): string {
  const fixture = JSON.parse(readFileSync(join(root, 'test/fixtures/chromium', `${group}.json`), 'utf8')) as { har: unknown };
  return file(`${group}.har`, JSON.stringify(fixture.har));
}

const PAGE = 'http://127.0.0.1:8001';
const API = 'http://127.0.0.1:8002';
const cors = (origin = PAGE): [string, string][] => [['Origin', origin], ['Sec-Fetch-Mode', 'cors']];
/** A GET allowed, and a PUT whose preflight did not allow x-token: the policy allows both. */
const twoRequests = har([
  { url: `${API}/items`, start: 0, requestHeaders: cors(), responseHeaders: [['Access-Control-Allow-Origin', '*']] },
  { url: `${API}/items/1`, start: 10, preflight: true, status: 204, requestHeaders: [...cors(), ['Access-Control-Request-Method', 'PUT'], ['Access-Control-Request-Headers', 'x-token']], responseHeaders: [['Access-Control-Allow-Origin', PAGE]] },
  { url: `${API}/items/1`, method: 'PUT', start: 20, status: 0, requestHeaders: [...cors(), ['x-token', 'abc']], error: 'net::ERR_FAILED' },
]);

describe('exit codes', () => {
  test('0 when every captured CORS request passes under the policy, with the count and the lines', () => {
    const r = run(['policy', file('two.har', twoRequests)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`Server policy for ${API}`);
    expect(r.stdout).toContain('With this policy: 2 of 2 captured CORS requests pass.');
    expect(r.stdout).toContain('Access-Control-Allow-Methods: PUT');
    expect(r.stdout).toContain('Access-Control-Allow-Headers: x-token');
    expect(r.stdout).toContain(`Access-Control-Allow-Origin: ${REQUEST_ORIGIN}`);
  });
  test('1 when some request cannot pass, each listed with its exchange and reason', () => {
    const r = run(['policy', zoo('redirects')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\d+ captured CORS requests? cannot pass under any least-privilege policy/);
    expect(r.stdout).toMatch(/exchange \d+ {2}GET http:\/\/127\.0\.0\.1:\d+\/c\/r-userinfo-cross\/a/);
    expect(r.stdout).toContain('user:pass@');
  });
  test('2 for input that is not a HAR: one line on stderr, nothing on stdout', () => {
    const r = run(['policy', '-'], 'not json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^cors-lens: not JSON/);
  });
  test('2 for a --target the capture never reached, naming the targets it did', () => {
    const r = run(['policy', file('two.har', twoRequests), '--target', 'https://api.example.com']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`cors-lens: no CORS request in the capture went to https://api.example.com; its targets are ${API}\n`);
  });
  test.each([
    [['policy', 'x.har', '--stack', 'rails'], /^cors-lens: --stack takes express, nginx, apache, flask, django, spring, go, not "rails"\n$/],
    [['policy', 'x.har', '--format', 'yaml'], /^cors-lens: --format takes text, json or markdown, not "yaml"\n$/],
    [['policy'], /^cors-lens: missing input: cors-lens policy <file\.har\|->\n$/],
    [['policy', 'x.har', '--target'], /^cors-lens: --target takes an origin/],
  ])('2 for a usage error: %j', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});

describe('--target and --stack', () => {
  test('a target as typed (host and path, no scheme) means its origin', () => {
    const r = run(['policy', file('two.har', twoRequests), '--target', '127.0.0.1:8002/items', '--format', 'json']);
    // No scheme typed: https is assumed, and this capture's API is http, so it is not found.
    expect(r.code).toBe(2);
    const exact = run(['policy', file('two.har', twoRequests), '--target', `${API}/items/`, '--format', 'json']);
    expect(exact.code).toBe(0);
    expect(JSON.parse(exact.stdout).policies.map((p: { target: string }) => p.target)).toEqual([API]);
  });
  test('one target of several: only its policy, and its own count', () => {
    const all = JSON.parse(run(['policy', zoo('redirects'), '--format', 'json']).stdout);
    expect(all.policies.length).toBeGreaterThan(1);
    for (const p of all.policies) {
      const one = JSON.parse(run(['policy', zoo('redirects'), '--format', 'json', '--target', p.target]).stdout);
      expect(one.policies.map((q: { target: string }) => q.target)).toEqual([p.target]);
      expect(one.pass.total).toBeLessThanOrEqual(all.pass.total);
      expect(one.pass.passing).toBe(one.pass.total - one.cannotPass.length);
    }
  });
  test('--stack prints that stack\'s configuration, and only it', () => {
    const r = run(['policy', file('two.har', twoRequests), '--stack', 'nginx']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nginx:');
    expect(r.stdout).toContain('add_header');
    expect(r.stdout).not.toContain('Express');
    const json = JSON.parse(run(['policy', file('two.har', twoRequests), '--stack', 'go', '--format', 'json']).stdout);
    expect(json.policies[0].snippets.map((s: { stack: string }) => s.stack)).toEqual(['go']);
    const every = JSON.parse(run(['policy', file('two.har', twoRequests), '--format', 'json']).stdout);
    expect(every.policies[0].snippets.map((s: { stack: string }) => s.stack)).toEqual(['express', 'nginx', 'apache', 'flask', 'django', 'spring', 'go']);
  });
});

describe('the JSON contract', () => {
  test('the fields of issue 13, with their meaning', () => {
    const r = run(['policy', file('two.har', twoRequests), '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    const [p] = doc.policies;
    expect(p).toMatchObject({ target: API, origins: [PAGE], methods: ['PUT'], requestHeaders: ['x-token'], credentials: false, maxAge: 600, pass: { passing: 2, total: 2 }, cannotPass: [] });
    expect(p.preflightResponse).toContainEqual({ name: 'Access-Control-Allow-Origin', value: REQUEST_ORIGIN });
    expect(p.actualResponse).toContainEqual({ name: 'Vary', value: 'Origin' });
    expect(doc.pass).toEqual({ passing: 2, total: 2 });
  });
  test('a capture with no cross-origin request: no policy, exit 0, and the text says none is needed', () => {
    const same = har([{ url: `${PAGE}/app.js`, start: 0 }]);
    expect(JSON.parse(run(['policy', file('same.har', same), '--format', 'json']).stdout)).toMatchObject({ policies: [], pass: { passing: 0, total: 0 } });
    const r = run(['policy', file('same.har', same)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('the server needs no CORS policy');
  });
});

describe('hostile values stay inert', () => {
  const evil = 'http://127.0.0.1:8001`|<img src=x onerror=alert(1)>\u001b[2J';
  const hostile = har([{ url: `${API}/a`, start: 0, requestHeaders: cors(evil), responseHeaders: [['Access-Control-Allow-Origin', evil]] }]);
  test('text: no escape sequence reaches the terminal', () => {
    const r = run(['policy', file('evil.har', hostile)]);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
  test('markdown: captured text renders as text, never as an element', () => {
    const r = run(['policy', file('evil.har', hostile), '--format', 'markdown', '--stack', 'express']);
    for (const renderer of ['marked', 'markdown-it'] as const) expect(inspect(render(r.stdout, renderer)).tags).not.toContain('img');
  });
  test('a snippet never writes an origin that is not a plain origin into configuration', () => {
    const r = run(['policy', file('evil.har', hostile), '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    for (const p of doc.policies) for (const s of p.snippets) expect(s.code).not.toContain('<img');
  });
});
