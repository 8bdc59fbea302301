/**
 * Exports say only what the capture shows: "Chrome" only for Chrome's captures, no Origin invented when the
 * page's origin is unknown, no cached preflight claimed for a file, each header once, no WebSocket replayed as
 * a GET, and an empty header sent as an empty header.
 */
import { describe, expect, test } from 'vitest';
import { exportExchange } from '../../../src/export';
import { analyseHar, type AnalysedExchange } from '../../../src/har';

type H = [string, string][];
function exchange(creator: string, request: { method?: string; url?: string; headers: H }, response: { status?: number; headers?: H } = {}, extra: Record<string, unknown> = {}): AnalysedExchange {
  const entry = {
    startedDateTime: '2026-11-30T10:00:00.000Z',
    time: 5,
    ...extra,
    request: { method: request.method ?? 'GET', url: request.url ?? 'http://api.test/a', headers: request.headers.map(([name, value]) => ({ name, value })) },
    response: { status: response.status ?? 200, headers: (response.headers ?? []).map(([name, value]) => ({ name, value })), redirectURL: '', ...(creator === 'WebInspector' ? { _error: 'net::ERR_FAILED' } : {}) },
  };
  const x = analyseHar({ log: { creator: { name: creator, version: '1' }, entries: [entry] } }).exchanges[0];
  if (!x) throw new Error('no exchange');
  return x;
}

const curl = (x: AnalysedExchange) => exportExchange(x, 'curl', { redact: false });

describe('exports follow the capture', () => {
  test('a WebSocket is refused by curl and fetch() with one line', () => {
    const x = exchange('mitmproxy', { headers: [['Host', 'api.test'], ['Origin', 'http://page.test'], ['Upgrade', 'websocket'], ['User-Agent', 'Mozilla/5.0']] }, { status: 101, headers: [['Upgrade', 'websocket']] });
    for (const format of ['curl', 'fetch'] as const) {
      const out = exportExchange(x, format, { redact: false });
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.reason).toMatch(/WebSocket/);
    }
  });

  test("an empty header, or one of spaces, is sent empty: curl's -H 'Name;', never -H 'Name:' (which removes it)", () => {
    const x = exchange('Firefox', { headers: [['Host', 'api.test'], ['Origin', 'http://page.test'], ['X-Empty', ''], ['X-Spaces', '   ']] });
    const out = curl(x);
    expect(out.ok && out.value).toContain("-H 'X-Empty;'");
    expect(out.ok && out.value).toContain("-H 'X-Spaces;'");
    expect(out.ok && out.value).not.toMatch(/X-(Empty|Spaces):/);
  });

  test('a header written twice with the same value is sent once', () => {
    const x = exchange('Firefox', { headers: [['Host', 'api.test'], ['Origin', 'http://page.test'], ['X-Twice', 'v'], ['x-twice', 'v'], ['X-Other', 'a'], ['X-Other', 'b']] });
    const out = curl(x);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.match(/-H '[Xx]-[Tt]wice: v'/g)).toHaveLength(1);
    expect(out.value.match(/X-Other/g)).toHaveLength(2);
  });

  test("no Origin: null when the page's origin is unknown; the note says to add one", () => {
    // Chrome wrote only the page's own headers (never sent), and nothing shows the page's origin.
    const x = exchange('WebInspector', { headers: [['X-Custom', '1']] }, { status: 0 }, { _resourceType: 'fetch', _initiator: { type: 'other' } });
    expect(x.origin).toBeNull();
    const out = curl(x);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value).not.toMatch(/Origin: null/);
    expect(out.value).toMatch(/does not show the page's origin/);
  });

  test('"Chrome" only for Chrome\'s captures', () => {
    const firefox = exchange('Firefox', { headers: [['Host', 'api.test'], ['Origin', 'http://page.test']] });
    const out = curl(firefox);
    expect(out.ok && out.value).not.toMatch(/Chrome/);
    const md = exportExchange(firefox, 'markdown', { redact: false });
    expect(md.ok && md.value).not.toMatch(/Chrome console/);
  });
});
