/**
 * The capture store's timing rules: how long entries wait to be analysed together, and when the whole log is read
 * again for entries Chrome reported before merging all their events (panel/log-reads.ts), with a fake getHAR().
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { MAX_LOG_READ, QUIET_MS } from '../../../panel/log-reads';
import { batchDelay, CaptureStore, type LogReadState } from '../../../panel/store';

test.each([
  [0, 40],
  [1000, 44],
  [10_000, 80],
  [45_000, 220],
  [50_000, 240],
  [200_000, 250],
])('with %i exchanges listed, entries wait %i ms to be analysed together', (listed, ms) => {
  expect(batchDelay(listed)).toBe(ms);
});

/** A request Chrome reported on the wire and blocked, before merging in the response that failed it. */
const early = (i: number) => ({
  startedDateTime: new Date(Date.UTC(2026, 10, 22, 0, 0, 0, i)).toISOString(),
  time: 3,
  request: { method: 'GET', url: `http://api.test/r/${i}`, headers: [{ name: 'Host', value: 'api.test' }, { name: 'Origin', value: 'http://page.test' }] },
  response: { status: 0, headers: [], _error: 'net::ERR_FAILED' },
});
const complete = (i: number) => ({ ...early(i), response: { status: 200, headers: [{ name: 'Content-Type', value: 'text/plain' }], _error: 'net::ERR_FAILED' } });
/** Plain allowed requests, to make a long log. */
const plain = (i: number) => ({ ...early(i), request: { ...early(i).request, url: `http://page.test/p/${i}` }, response: { status: 200, headers: [], _error: null } });

describe('reading the whole log again', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function storeWith(log: () => unknown[]) {
    const store = new CaptureStore();
    const states: LogReadState[] = [];
    let reads = 0;
    store.setRefetch(async () => {
      reads++;
      return log();
    }, (s) => states.push(s));
    return { store, states, reads: () => reads };
  }

  test('once the page is quiet, one read completes the entry, and nothing is read after', async () => {
    const s = storeWith(() => [complete(1)]);
    s.store.add([early(1)]);
    s.store.flush();
    expect(s.store.current.live.exchanges[0]?.evaluation.error).toBeNull();
    await vi.advanceTimersByTimeAsync(QUIET_MS + 10);
    expect(s.reads()).toBe(1);
    expect(s.store.current.live.exchanges[0]?.evaluation.error?.code).toBe('MissingAllowOriginHeader');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.reads()).toBe(1);
    expect(s.states).toEqual(['waiting', 'reading', 'idle']);
  });

  test('a log longer than MAX_LOG_READ is not read again: the entry stays as reported, blocked without its check', async () => {
    const s = storeWith(() => [complete(1)]);
    s.store.add(Array.from({ length: MAX_LOG_READ }, (_, i) => plain(i + 10)));
    s.store.add([early(1)]);
    s.store.flush();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.reads()).toBe(0);
    expect(s.states.at(-1)).toBe('off');
    const x = s.store.current.live.exchanges.find((e) => e.url.endsWith('/r/1'));
    expect(x?.evaluation).toMatchObject({ verdict: 'blocked', error: null });
  });

  test('a navigation starts DevTools\' log afresh: reads resume', async () => {
    const s = storeWith(() => [complete(2)]);
    s.store.add(Array.from({ length: MAX_LOG_READ + 1 }, (_, i) => plain(i + 10)));
    s.store.flush();
    expect(s.states.at(-1)).toBe('off');
    s.store.navigated();
    s.store.add([early(2)]);
    s.store.flush();
    await vi.advanceTimersByTimeAsync(QUIET_MS + 10);
    expect(s.reads()).toBe(1);
    expect(s.store.current.live.exchanges[0]?.evaluation.error?.code).toBe('MissingAllowOriginHeader');
  });
});
