/**
 * When the detail says "no response recorded" rather than "not sent" (src/explain/unrecorded.ts): only for the last
 * request, failed with no response, where the record does not show it was stopped before the network.
 */
import { describe, expect, test } from 'vitest';
import { responseUnrecorded } from '../../../src/explain';
import { type AnalysedExchange, analyseHar, LiveAnalysis } from '../../../src/har';

type H = [string, string][];
const entry = (method: string, url: string, req: H, status: number, res: H, error: string | null, extra: Record<string, unknown> = {}) => ({
  startedDateTime: '2026-11-30T10:00:00.000Z',
  time: 5,
  _resourceType: 'fetch',
  ...extra,
  request: { method, url, headers: req.map(([name, value]) => ({ name, value })) },
  response: { status, headers: res.map(([name, value]) => ({ name, value })), redirectURL: '', _error: error },
});
const PAGE_HEADERS: H = [['User-Agent', 'Mozilla/5.0'], ['Referer', 'https://app.test/']];

function live(entries: unknown[]): AnalysedExchange {
  const analysis = new LiveAnalysis();
  analysis.add(entries);
  return analysis.current().exchanges.find((x) => x.method !== 'OPTIONS') as AnalysedExchange;
}

describe('responseUnrecorded', () => {
  test("live: a simple request in the page's headers only, failed, no response: maybe sent, so not 'not sent'", () => {
    expect(responseUnrecorded(live([entry('GET', 'https://api.test/a', PAGE_HEADERS, 0, [], 'net::ERR_FAILED')]), 0)).toBe(true);
  });

  test('live: a request whose preflight failed in the record was not sent', () => {
    const pf = entry('OPTIONS', 'https://api.test/p', [['Host', 'api.test'], ['Origin', 'https://app.test'], ['Access-Control-Request-Method', 'PUT']], 204, [], null, { _resourceType: 'preflight', _initiator: { type: 'preflight', url: 'https://api.test/p' } });
    const put = entry('PUT', 'https://api.test/p', [...PAGE_HEADERS, ['Content-Type', 'application/json']], 0, [], 'net::ERR_FAILED', { startedDateTime: '2026-11-30T09:59:59.999Z' });
    const x = live([pf, put]);
    expect(x.evaluation.error?.stage).toBe('preflight');
    expect(responseUnrecorded(x, 0)).toBe(false);
  });

  test("a file: the page's headers only with no response means it never reached the network", () => {
    const har = { log: { creator: { name: 'WebInspector', version: '537.36' }, entries: [entry('GET', 'https://api.test/a', [...PAGE_HEADERS, ['Origin', 'https://app.test']], 0, [], 'net::ERR_FAILED')] } };
    const x = analyseHar(har).exchanges[0] as AnalysedExchange;
    expect(responseUnrecorded(x, 0)).toBe(false);
  });

  test('a request with its response recorded', () => {
    const x = live([entry('GET', 'https://api.test/a', [['Host', 'api.test'], ['Origin', 'https://app.test']], 200, [], 'net::ERR_FAILED')]);
    expect(responseUnrecorded(x, 0)).toBe(false);
  });
});
