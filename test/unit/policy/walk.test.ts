/**
 * The walk reads every request an exchange made off the engine's own replay, whatever the captured answers
 * were: Origin after a taint, method changes on redirect, the preflight's method and header names.
 */
import { describe, expect, it } from 'vitest';
import { pathOf, walk } from '../../../src/policy/walk';
import { acao, API, exchange, h, hop, PAGE, preflight, redirect, response, THIRD } from '../../support/records';

describe('walk', () => {
  it('reads past a failing check: the preflight Chrome refused still shows what it asked', () => {
    const w = walk(exchange([hop(`${API}/a`, { method: 'PUT', provisional: true, response: null, error: 'net::ERR_FAILED', preflight: preflight('PUT', 'content-type,x-custom', [acao('*')]) })]));
    expect(w.hops).toEqual([
      {
        hop: 0,
        url: `${API}/a`,
        target: API,
        path: '/a',
        method: 'PUT',
        cors: true,
        origin: PAGE,
        preflight: { origin: PAGE, method: 'PUT', headers: ['content-type', 'x-custom'], captured: true },
      },
    ]);
  });

  it('a cross-origin redirect taints the next request: Origin null', () => {
    const w = walk(exchange([redirect(`${API}/a`, `${THIRD}/b`), hop(`${THIRD}/b`)]));
    expect(w.hops.map((x) => [x.target, x.origin])).toEqual([
      [API, PAGE],
      [THIRD, 'null'],
    ]);
    expect(w.failure).toBeNull();
  });

  it('a preflight answered from cache is one the policy must answer too', () => {
    const w = walk(exchange([hop(`${API}/a`, { method: 'DELETE', response: response([acao(PAGE)]) })]));
    expect(w.hops[0]?.preflight).toEqual({ origin: PAGE, method: 'DELETE', headers: [], captured: false });
  });

  it('a 303 turns a PUT into a GET, and a page header keeps the GET preflighted', () => {
    const ah = [h('X-Custom', '1')];
    const w = walk(exchange([{ ...redirect(`${API}/a`, `${API}/b`, [], 303), method: 'PUT' }, hop(`${API}/b`)], { authorHeaders: ah }));
    expect(w.hops.map((x) => [x.method, x.preflight?.method, x.preflight?.headers])).toEqual([
      ['PUT', 'PUT', ['x-custom']],
      ['GET', 'GET', ['x-custom']],
    ]);
  });

  it("the capturing browser's safelist decides: Firefox preflights DPR, Chrome does not", () => {
    const rec = (browser: 'chrome' | 'firefox') => exchange([hop(`${API}/a`)], { browser, authorHeaders: [h('DPR', '2')] });
    expect(walk(rec('chrome')).hops[0]?.preflight).toBeNull();
    expect(walk(rec('firefox')).hops[0]?.preflight?.headers).toEqual(['dpr']);
  });

  it("after a taint Firefox's preflight carries the page's origin, Chrome's null", () => {
    const hops = [redirect(`${API}/a`, `${THIRD}/b`, [], 307), hop(`${THIRD}/b`, { method: 'PUT' })];
    const rec = (browser: 'chrome' | 'firefox') => exchange([{ ...hops[0]!, method: 'PUT' }, hops[1]!], { browser });
    expect(walk(rec('chrome')).hops[1]?.preflight?.origin).toBe('null');
    expect(walk(rec('firefox')).hops[1]?.preflight?.origin).toBe(PAGE);
  });

  it('stops where no answer can help: credentials in a redirect URL', () => {
    const w = walk(exchange([redirect(`${API}/a`, 'http://u:p@127.0.0.1:8003/b'), hop('http://u:p@127.0.0.1:8003/b')]));
    expect(w.failure?.code).toBe('RedirectContainsCredentials');
  });

  it.each([
    ['https://x.example/a/b?q=1', '/a/b'],
    ['https://x.example', '/'],
    ['not a url', '/'],
  ])('pathOf(%s) = %s', (url, path) => expect(pathOf(url)).toBe(path));
});
