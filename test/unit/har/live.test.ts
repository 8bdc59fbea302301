import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type AnalysedExchange, analyseHar, LiveAnalysis } from '../../../src/har';
import { explain } from '../../../src/explain';

const dir = join(import.meta.dirname, '../../fixtures/chromium');
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'summary.json')
  .map((f) => ({ name: f, entries: (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { har: { entries: unknown[] } }).har.entries }));

const key = (x: AnalysedExchange): string =>
  `${x.method} ${x.url} ${x.evaluation.verdict} ${x.evaluation.error?.code ?? ''} ${x.evaluation.error?.failedParameter ?? ''} ${x.entries.length} ${x.warnings.map((w) => w.code).join(',')}`;

describe('live analysis: entries arriving in batches give the same verdicts as the whole capture at once', () => {
  test.each(fixtures)('$name, one entry at a time in arrival order', ({ entries }) => {
    const live = new LiveAnalysis();
    for (const e of entries) {
      live.add([e]);
      live.current();
    }
    expect(live.current().exchanges.map(key).sort()).toEqual(analyseHar(entries).exchanges.map(key).sort());
  });

  test('any split into batches, any order within the capture: same verdicts (property)', () => {
    const all = fixtures.find((f) => f.name === 'interleave.json')?.entries ?? [];
    const expected = analyseHar(all).exchanges.map(key).sort();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 40 }), (sizes) => {
        const live = new LiveAnalysis();
        let i = 0;
        for (let s = 0; i < all.length; s++) {
          const n = sizes[s % sizes.length] ?? 1;
          live.add(all.slice(i, i + n));
          i += n;
          if (s % 2 === 0) live.current();
        }
        expect(live.current().exchanges.map(key).sort()).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  test('ids are stable keys: an exchange keeps its id as later entries arrive', () => {
    const entries = fixtures.find((f) => f.name === 'preflight.json')?.entries ?? [];
    const live = new LiveAnalysis();
    live.add(entries.slice(0, 10));
    const before = new Map(live.current().exchanges.map((x) => [x.id, key(x)]));
    live.add(entries.slice(10));
    const after = new Map(live.current().exchanges.map((x) => [x.id, key(x)]));
    let kept = 0;
    for (const [id, k] of before) if (after.get(id) === k) kept++;
    // Exchanges whose entries were all in the first batch are complete and keep id and verdict.
    expect(kept).toBeGreaterThan(0);
    expect(new Set(live.current().exchanges.map((x) => x.id)).size).toBe(live.current().exchanges.length);
  });

  test('a redirect joins the groups of two URLs: the chain is one exchange whichever hop arrives first', () => {
    const redirects = fixtures.find((f) => f.name === 'redirects.json')?.entries ?? [];
    const live = new LiveAnalysis();
    live.add([...redirects].reverse());
    expect(live.current().exchanges.map(key).sort()).toEqual(analyseHar(redirects).exchanges.map(key).sort());
  });
});

describe('live analysis: bounded memory', () => {
  const entry = (i: number) => ({
    startedDateTime: new Date(Date.UTC(2026, 10, 22, 0, 0, 0, i)).toISOString(),
    time: 1,
    request: { method: 'GET', url: `http://api.test/r/${i}`, headers: [{ name: 'Origin', value: 'http://page.test' }] },
    response: { status: 200, headers: [], _error: 'net::ERR_FAILED' },
  });
  test('past the cap, the oldest exchanges are dropped whole and counted', () => {
    const live = new LiveAnalysis({ maxEntries: 100 });
    for (let i = 0; i < 250; i++) {
      live.add([entry(i)]);
      live.current();
    }
    const snap = live.current();
    expect(snap.totalEntries).toBeLessThanOrEqual(100);
    expect(snap.exchanges.length + snap.droppedExchanges).toBe(250);
    expect(snap.exchanges.at(-1)?.url).toBe('http://api.test/r/249');
    expect(snap.exchanges.every((x) => x.evaluation.verdict === 'blocked')).toBe(true);
  });
  test('an unusable entry is skipped with its reason, the rest analysed', () => {
    const live = new LiveAnalysis();
    live.add([entry(0), { request: 'nope' }, entry(2)]);
    const snap = live.current();
    expect(snap.exchanges).toHaveLength(2);
    expect(snap.skipped).toEqual([{ index: 1, reason: expect.stringContaining('request') }]);
  });
  test("Chrome's second report of a request (same start, now with an error) replaces the first", () => {
    const first = { ...entry(0), time: 5, response: { status: 302, headers: [{ name: 'Location', value: 'http://elsewhere.test/' }], redirectURL: 'http://elsewhere.test/', _error: '' } };
    const again = { ...first, time: 6, response: { ...first.response, _error: 'net::ERR_ABORTED' } };
    const live = new LiveAnalysis();
    live.add([first]);
    live.current();
    live.add([again]);
    const snap = live.current();
    expect(snap.exchanges).toHaveLength(1);
    expect(snap.exchanges[0]?.record.hops[0]?.error).toBe('net::ERR_ABORTED');
    expect(snap.totalEntries).toBe(1);
  });
  test('two identical requests that both succeeded are both kept', () => {
    const live = new LiveAnalysis();
    live.add([entry(0), entry(0)]);
    expect(live.current().exchanges).toHaveLength(2);
  });
  test('clear forgets everything', () => {
    const live = new LiveAnalysis();
    live.add([entry(0)]);
    live.current();
    live.clear();
    expect(live.current().exchanges).toEqual([]);
  });
});

describe('live analysis: reports Chrome completes later', () => {
  const wire = [{ name: 'Host', value: 'api.test' }, { name: 'Origin', value: 'http://page.test' }, { name: 'Cookie', value: 'a=1' }];
  const early = {
    startedDateTime: '2026-11-22T00:00:00.000Z',
    time: 3,
    request: { method: 'GET', url: 'http://api.test/me', headers: [{ name: 'Referer', value: 'http://page.test/' }] },
    response: { status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: '*' }], _error: 'net::ERR_FAILED' },
  };
  const complete = { ...early, request: { ...early.request, headers: wire } };
  test('an entry reported without its wire headers is replaced by the complete report from getHAR()', () => {
    const live = new LiveAnalysis();
    live.add([early]);
    expect(live.incompleteCount).toBe(1);
    expect(live.current().exchanges[0]?.record.credentials).not.toBe('include');
    expect(live.refresh([{ ...early, request: { ...early.request, url: 'http://api.test/other' } }])).toBe(0);
    expect(live.refresh([complete])).toBe(1);
    const x = live.current().exchanges[0];
    expect(live.current().exchanges).toHaveLength(1);
    expect(x?.record.credentials).toBe('include');
    expect(x?.evaluation).toMatchObject({ verdict: 'blocked', confidence: 'certain', error: { code: 'WildcardOriginNotAllowed' } });
    expect(live.incompleteCount).toBe(0);
  });
  test('a request reported on the wire but without the response that blocked it is completed the same way', () => {
    const noResponse = { ...complete, response: { status: 0, headers: [], _error: 'net::ERR_FAILED' } };
    const live = new LiveAnalysis();
    live.add([noResponse]);
    expect(live.incompleteCount).toBe(1);
    // Meanwhile it is blocked (Chrome failed it after it went on the wire), but which check failed is unknown.
    expect(live.current().exchanges[0]?.evaluation).toMatchObject({ verdict: 'blocked', error: null, confidence: 'uncertain', notes: expect.arrayContaining(['no-response-captured']) });
    expect(explain(live.current().exchanges[0] as AnalysedExchange).details.join(' ')).toContain('reported it to DevTools before recording the response that failed');
    expect(live.refresh([noResponse])).toBe(0);
    expect(live.refresh([complete])).toBe(1);
    expect(live.current().exchanges[0]?.evaluation).toMatchObject({ verdict: 'blocked', error: { code: 'WildcardOriginNotAllowed' } });
  });
  test('a simple request reported in the page\'s headers only, failed, with no response, is blocked with its check unknown', () => {
    // Seen in Chromium 156 under load: the same request in a later getHAR() was sent, answered 200 and failed.
    const early = { ...complete, _resourceType: 'fetch', request: { ...complete.request, headers: [{ name: 'User-Agent', value: 'Mozilla/5.0' }, { name: 'Referer', value: 'http://page.test/' }] }, response: { status: 0, headers: [], _error: 'net::ERR_FAILED' } };
    const live = new LiveAnalysis();
    live.add([early]);
    const x = live.current().exchanges[0] as AnalysedExchange;
    expect(x.evaluation).toMatchObject({ verdict: 'blocked', error: null, confidence: 'uncertain', notes: expect.arrayContaining(['no-response-captured']) });
    const text = explain(x).details.join(' ');
    expect(text).toContain("DevTools reported this request with the page's own headers and no response");
    expect(text).not.toContain('filed under no page');
    // A later read of the log completes it with the failing check.
    expect(live.reconcile([complete])).toBe(1);
    expect(live.current().exchanges[0]?.evaluation).toMatchObject({ verdict: 'blocked', error: { code: 'WildcardOriginNotAllowed' } });
  });
  test('a preflight reported refused as a redirect (ERR_INVALID_REDIRECT) before its 3xx was merged waits too', () => {
    const pf = { startedDateTime: '2026-11-22T00:00:01.000Z', time: 2, _resourceType: 'preflight', request: { method: 'OPTIONS', url: 'http://api.test/pf', headers: [{ name: 'Host', value: 'api.test' }, { name: 'Origin', value: 'http://page.test' }, { name: 'Access-Control-Request-Method', value: 'PUT' }] }, response: { status: 0, headers: [], _error: 'net::ERR_INVALID_REDIRECT' } };
    const live = new LiveAnalysis();
    live.add([pf, { ...pf, request: { ...pf.request, url: 'http://api.test/refused' }, response: { status: 0, headers: [], _error: 'net::ERR_CONNECTION_REFUSED' } }]);
    expect(live.incompleteCount).toBe(1);
  });
  test('once quiet, recent entries are checked against a later read of the log: a changed report replaces the first', () => {
    const live = new LiveAnalysis();
    const pf = { ...complete, request: { ...complete.request, url: 'http://api.test/q' }, response: { status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: 'http://page.test' }], _error: null } };
    const changed = { ...pf, response: { ...pf.response, headers: [], _error: 'net::ERR_FAILED' } };
    live.add([pf, early]);
    expect(live.hasRecent).toBe(true);
    expect(live.current().exchanges.find((x) => x.url.endsWith('/q'))?.evaluation.verdict).not.toBe('blocked');
    expect(live.reconcile([changed, early])).toBe(1);
    expect(live.current().exchanges.find((x) => x.url.endsWith('/q'))?.evaluation.verdict).toBe('blocked');
    expect(live.hasRecent).toBe(false);
    expect(live.reconcile([pf])).toBe(0);
  });
  test('a read that began soon after entries arrived checks only the older ones: the younger wait for the next read', () => {
    let now = 0;
    const live = new LiveAnalysis({ now: () => now });
    const at = (url: string, start: string) => ({ ...complete, startedDateTime: start, request: { ...complete.request, url }, response: { status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: 'http://page.test' }], _error: null } });
    const old = at('http://api.test/old', '2026-11-22T00:00:00.000Z');
    const young = at('http://api.test/young', '2026-11-22T00:00:01.000Z');
    const failed = (e: typeof old) => ({ ...e, response: { status: 200, headers: [], _error: 'net::ERR_FAILED' } });
    live.add([old]);
    now = 1000;
    live.add([young]);
    // Both changed in the read, but it checks only what was added up to 500: young may not have been merged yet.
    expect(live.reconcile([failed(old), failed(young)], 500)).toBe(1);
    expect(live.hasRecent).toBe(true);
    expect(live.reconcile([failed(young)])).toBe(1);
    expect(live.hasRecent).toBe(false);
    expect(live.current().exchanges.map((x) => x.evaluation.verdict)).toEqual(['blocked', 'blocked']);
  });
  test('the entry waiting longest for its complete report is timed from when it arrived', () => {
    let now = 100;
    const live = new LiveAnalysis({ now: () => now });
    expect(live.oldestIncompleteSince).toBeNull();
    live.add([early]);
    now = 300;
    live.add([{ ...early, request: { ...early.request, url: 'http://api.test/two' } }]);
    expect(live.oldestIncompleteSince).toBe(100);
  });
  test('a read is looked through, not kept: entries of other URLs are not parsed at all', () => {
    const live = new LiveAnalysis();
    live.add([early]);
    let touched = 0;
    const other = new Proxy({ ...complete, request: { ...complete.request, url: 'http://api.test/elsewhere' } }, { get(target, p, r) { if (p !== 'request') touched++; return Reflect.get(target, p, r); } });
    expect(live.refresh([other, complete])).toBe(1);
    expect(touched).toBe(0);
  });
  test('an entry never completed is given up after a while and analysed as it is', () => {
    let now = 0;
    const live = new LiveAnalysis({ now: () => now });
    live.add([early]);
    now = 5000;
    live.forgetIncomplete(10_000);
    expect(live.incompleteCount).toBe(1);
    now = 10_001;
    live.forgetIncomplete(10_000);
    expect(live.incompleteCount).toBe(0);
    expect(live.current().exchanges).toHaveLength(1);
  });
  test('a response from the HTTP cache has only the page\'s headers by nature: not waited for', () => {
    const live = new LiveAnalysis();
    live.add([{ ...early, _fromCache: 'disk' }]);
    expect(live.incompleteCount).toBe(0);
  });
});
