/**
 * Firefox's live capture: onRequestFinished never reports a request blocked after its preflight failed, and later
 * reads of getHAR() find it. Replayed on the zoo as Firefox ESR 153 delivered it (test/fixtures/firefox: every
 * onRequestFinished entry, in order, and getHAR()'s log), through a fake devtools.network.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { type NetworkApi, startCapture } from '../../../panel/capture';
import { CaptureStore } from '../../../panel/store';
import { type AnalysedExchange, analyseHar, LIVE_FIREFOX } from '../../../src/har';
import { reportKey } from '../../../src/har/request-key';

interface RawEntry {
  startedDateTime: string;
  time: number;
  request: { method: string; url: string; headers: { name: string; value: string }[] };
  response: { status: number; headers: { name: string; value: string }[] };
}

const dir = join(import.meta.dirname, '../../fixtures/firefox');
const groups = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'summary.json')
  .map((f) => {
    const x = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { har: { entries: RawEntry[]; pages: unknown[] }; onRequestFinished: RawEntry[] };
    return { name: f, har: x.har, finished: x.onRequestFinished };
  });

/** A devtools.network whose getHAR() answers with `log()` and counts its calls; `finish` fires onRequestFinished. */
function fakeNetwork(log: () => { entries: unknown[]; pages?: unknown[] }) {
  let finished: (e: unknown) => void = () => {};
  let reads = 0;
  const api: NetworkApi = {
    getHAR: async () => {
      reads++;
      return log();
    },
    onRequestFinished: { addListener: (fn) => { finished = fn; } },
    onNavigated: { addListener: () => {} },
  };
  return { api, finish: (e: unknown) => finished(e), reads: () => reads };
}

const verdicts = (xs: readonly AnalysedExchange[]) => xs.map((x) => `${x.method} ${x.url} ${x.evaluation.verdict} ${x.evaluation.error?.code ?? ''} ${x.entries.length}`).sort();

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Firefox live capture: the requests onRequestFinished leaves out are read from getHAR()', () => {
  let found = 0;
  test.each(groups)('$name: every getHAR() entry reaches the panel once, and the verdicts equal the whole log\'s', async ({ har, finished }) => {
    const net = fakeNetwork(() => ({ entries: [], pages: har.pages }));
    const store = new CaptureStore({ producer: LIVE_FIREFOX });
    const live: unknown[] = [];
    const missed: unknown[] = [];
    await startCapture(net.api, { entries: (es) => { live.push(...es); store.add(es); }, missed: (es) => { missed.push(...es); store.addMissed(es); }, navigated: () => {} }, { backfill: true });
    // From here on getHAR() holds the whole group (as after the last request).
    const all = fakeNetwork(() => har);
    net.api.getHAR = all.api.getHAR;
    for (const e of finished) {
      net.finish(structuredClone(e));
      await vi.advanceTimersByTimeAsync(20);
    }
    await vi.advanceTimersByTimeAsync(1000);
    store.flush();
    // One read per 5 s of events that never go quiet (20 ms apart here), and one at the end.
    expect(all.reads()).toBeLessThanOrEqual(Math.ceil((finished.length * 20) / 5000) + 1);

    const got = [...live, ...missed].map(reportKey);
    expect(new Set(got).size, 'nothing added twice').toBe(got.length);
    const delivered = new Set(finished.map(reportKey));
    const left = har.entries.filter((e) => !delivered.has(reportKey(e)));
    // Found: each request left out whose preflight was reported (x-refused-put's refused preflight is left out too).
    const expected = left.filter((e) => e.request.method !== 'OPTIONS' && finished.some((p) => p.request.method === 'OPTIONS' && p.request.url === e.request.url));
    expect(missed.map(reportKey).sort()).toEqual(expected.map(reportKey).sort());
    expect(expected.every((e) => e.response.status === 0)).toBe(true);
    found += missed.length;

    // The panel's verdicts are those of the file holding what it received: the live entries and those found.
    const whole = analyseHar({ log: { ...har, entries: [...finished, ...expected] } });
    expect(verdicts(store.current.live.exchanges)).toEqual(verdicts(whole.exchanges));
  });

  test('the zoo has such requests, and they were found', () => {
    // Runs after the table above. 50 requests failed at their preflight in the recording; one had its preflight refused.
    expect(found).toBeGreaterThanOrEqual(45);
  });
});

describe('Firefox live capture: reads of the log', () => {
  const base = '2026-11-30T12:00:00.000Z';
  const at = (ms: number) => new Date(Date.parse(base) + ms).toISOString();
  const put = (url: string, start: number, status = 0): RawEntry => ({ startedDateTime: at(start), time: status ? 40 : 0, request: { method: 'PUT', url, headers: [{ name: 'Host', value: 'api.test' }, { name: 'Origin', value: 'http://page.test' }, { name: 'X-Custom', value: '1' }] }, response: { status, headers: status ? [{ name: 'Access-Control-Allow-Origin', value: '*' }] : [] } });
  const options = (url: string, start: number, allow: boolean): RawEntry => ({
    startedDateTime: at(start),
    time: 2,
    request: { method: 'OPTIONS', url, headers: [{ name: 'Host', value: 'api.test' }, { name: 'Origin', value: 'http://page.test' }, { name: 'Access-Control-Request-Method', value: 'PUT' }, { name: 'Access-Control-Request-Headers', value: 'x-custom' }] },
    response: { status: 204, headers: allow ? [{ name: 'Access-Control-Allow-Origin', value: '*' }, { name: 'Access-Control-Allow-Methods', value: 'PUT' }, { name: 'Access-Control-Allow-Headers', value: 'x-custom' }] : [{ name: 'Access-Control-Allow-Origin', value: '*' }] },
  });

  async function capture(log: () => RawEntry[], backfill = true) {
    const net = fakeNetwork(() => ({ entries: log() }));
    const store = new CaptureStore({ producer: LIVE_FIREFOX });
    await startCapture(net.api, { entries: (es) => store.add(es), missed: (es) => store.addMissed(es), navigated: () => {} }, { backfill });
    const afterStart = net.reads();
    return { store, finish: net.finish, reads: () => net.reads() - afterStart };
  }

  test('a preflight whose request arrives costs no read: getHAR() is read only for a request that did not', async () => {
    const log: RawEntry[] = [];
    const c = await capture(() => log);
    const url = 'http://api.test/ok';
    c.finish(options(url, 1, true));
    await vi.advanceTimersByTimeAsync(100);
    c.finish(put(url, 0, 200));
    await vi.advanceTimersByTimeAsync(2000);
    expect(c.reads()).toBe(0);
    c.finish(options('http://api.test/refused', 10, false));
    await vi.advanceTimersByTimeAsync(2000);
    expect(c.reads()).toBe(1);
  });

  test('it says whether a read is due or running (scripts driving the panel wait for idle)', async () => {
    const states: string[] = [];
    const net = fakeNetwork(() => ({ entries: [] }));
    await startCapture(net.api, { entries: () => {}, missed: () => {}, navigated: () => {} }, { backfill: true, onBackfill: (s) => states.push(s) });
    net.finish(options('http://api.test/ok', 1, true));
    net.finish(put('http://api.test/ok', 0, 200));
    net.finish(options('http://api.test/no', 2, false));
    await vi.advanceTimersByTimeAsync(2000);
    expect(states).toEqual(['waiting', 'idle', 'waiting', 'reading', 'idle']);
  });

  test('the read waits for the live events to go quiet (Firefox stops recording while it reads), 5 s at most', async () => {
    const log: RawEntry[] = [];
    const c = await capture(() => log);
    c.finish(options('http://api.test/x', 0, false));
    for (let t = 0; t < 4000; t += 200) {
      c.finish(put(`http://api.test/busy${t}`, t, 200));
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(c.reads()).toBe(0);
    await vi.advanceTimersByTimeAsync(600);
    expect(c.reads()).toBe(1);
    c.finish(options('http://api.test/y', 5000, false));
    for (let t = 0; t < 6000; t += 200) {
      c.finish(put(`http://api.test/busier${t}`, t, 200));
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(c.reads()).toBe(2);
  });

  test('a burst of preflights costs one read; entries without a preflight cost none', async () => {
    const log: RawEntry[] = [];
    const c = await capture(() => log);
    c.finish(put('http://api.test/simple', 0, 200));
    await vi.advanceTimersByTimeAsync(1000);
    expect(c.reads()).toBe(0);
    for (let i = 0; i < 10; i++) {
      const e = options(`http://api.test/x${i}`, 10 + i, false);
      log.push(put(`http://api.test/x${i}`, 10 + i), e);
      c.finish(e);
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(c.reads()).toBe(1);
    c.store.flush();
    const xs = c.store.current.live.exchanges.filter((x) => x.url.includes('/x'));
    expect(xs).toHaveLength(10);
    expect(xs.every((x) => x.evaluation.verdict === 'blocked' && !x.requestMissing && x.entries.length === 2)).toBe(true);
  });

  test('a request still in flight when the log is read stands in until its own report replaces it', async () => {
    const url = 'http://api.test/slow';
    const pf = options(url, 1, true);
    const log: RawEntry[] = [];
    const c = await capture(() => log);
    log.push(put(url, 0), pf);
    c.finish(pf);
    await vi.advanceTimersByTimeAsync(500);
    c.store.flush();
    const before = c.store.current.live.exchanges;
    expect(before).toHaveLength(1);
    expect(before[0]?.evaluation.verdict).toBe('unknown');
    const id = before[0]?.id;
    c.finish(put(url, 0, 200));
    c.store.flush();
    const after = c.store.current.live.exchanges;
    expect(after).toHaveLength(1);
    expect(after[0]?.evaluation.verdict).toBe('allowed');
    expect(after[0]?.id).toBe(id);
    expect(c.store.current.live.totalEntries).toBe(2);
  });

  test('a read that answers after the request\'s own report adds nothing for it', async () => {
    const url = 'http://api.test/race';
    const pf = options(url, 1, true);
    let answer: (v: { entries: unknown[] }) => void = () => {};
    const net = fakeNetwork(() => ({ entries: [] }));
    const store = new CaptureStore({ producer: LIVE_FIREFOX });
    await startCapture(net.api, { entries: (es) => store.add(es), missed: (es) => store.addMissed(es), navigated: () => {} }, { backfill: true });
    net.api.getHAR = () => new Promise((r) => { answer = r; });
    net.finish(pf);
    await vi.advanceTimersByTimeAsync(500);
    // The read started while the PUT was in flight; its report arrives before the read answers.
    net.finish(put(url, 0, 200));
    answer({ entries: [put(url, 0), pf] });
    await vi.advanceTimersByTimeAsync(100);
    store.flush();
    expect(store.current.live.exchanges.map((x) => x.evaluation.verdict)).toEqual(['allowed']);
    expect(store.current.live.totalEntries).toBe(2);
  });

  test('a request already found is not added again by a later read, nor after Clear', async () => {
    const url = 'http://api.test/poll';
    const log: RawEntry[] = [];
    const c = await capture(() => log);
    for (let i = 0; i < 3; i++) {
      const pf = options(url, 100 * i + 1, false);
      log.push(put(url, 100 * i), pf);
      c.finish(pf);
      await vi.advanceTimersByTimeAsync(600);
      if (i === 1) c.store.clear();
    }
    c.store.flush();
    // Cleared after the second: the third request and its preflight are what is left.
    expect(c.store.current.live.exchanges.map((x) => [x.start, x.entries.length])).toEqual([[Date.parse(at(200)), 2]]);
    expect(c.reads()).toBe(3);
  });

  test('in the backlog, an entry without a response is a stand-in too: its later report replaces it', async () => {
    const url = 'http://api.test/early';
    const c = await capture(() => [put(url, 0)]);
    c.store.flush();
    expect(c.store.current.live.exchanges).toHaveLength(1);
    c.finish(put(url, 0, 200));
    c.store.flush();
    expect(c.store.current.live.exchanges.map((x) => x.evaluation.verdict)).toEqual(['allowed']);
  });

  test('without backfill (Chromium) nothing is read after the backlog', async () => {
    const url = 'http://api.test/c';
    const c = await capture(() => [put(url, 0)], false);
    c.finish(options(url, 1, false));
    await vi.advanceTimersByTimeAsync(1000);
    expect(c.reads()).toBe(0);
  });
});
