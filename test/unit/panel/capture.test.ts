import { describe, expect, test } from 'vitest';
import { type NetworkApi, startCapture } from '../../../panel/capture';
import { reportKey as entryKey } from '../../../src/har/request-key';

const entry = (url: string, start = '2026-11-22T00:00:00.000Z', time = 5) => ({ startedDateTime: start, time, request: { method: 'GET', url, headers: [] }, response: { status: 200, headers: [] } });

/** A fake devtools.network: getHAR answers when the test says so, and events fire on demand. */
function fakeNetwork(har: unknown[]) {
  let finished: (e: unknown) => void = () => {};
  let navigated: (u: string) => void = () => {};
  let answer: (v: { entries: unknown[]; pages: unknown[] }) => void = () => {};
  const api: NetworkApi = {
    getHAR: () => new Promise((r) => { answer = r; }),
    onRequestFinished: { addListener: (fn) => { finished = fn; } },
    onNavigated: { addListener: (fn) => { navigated = fn; } },
  };
  return { api, finish: (e: unknown) => finished(e), navigate: (u: string) => navigated(u), answer: () => answer({ entries: har, pages: [{ id: 'page_1', title: 'http://page.test/' }] }) };
}

describe('capture: getHAR backlog plus live events, each request once', () => {
  test('a request both in getHAR and delivered live while getHAR was pending is kept once', async () => {
    const a = entry('http://api.test/a');
    const b = entry('http://api.test/b');
    const net = fakeNetwork([a]);
    const got: unknown[][] = [];
    const done = startCapture(net.api, { entries: (es) => got.push(es), missed: () => {}, navigated: () => {} });
    net.finish(structuredClone(a)); // the same request, as onRequestFinished hands it out
    net.finish(b);
    net.answer();
    await done;
    expect(got.flat().map((e) => entryKey(e))).toEqual([entryKey(a), entryKey(b)]);
    const c = entry('http://api.test/c');
    net.finish(c);
    expect(got.at(-1)).toEqual([c]);
  });
  test('pages from getHAR are passed on (evidence of the page origin); navigation is reported', async () => {
    const net = fakeNetwork([]);
    let pages: ReadonlyMap<string, string> = new Map();
    const navs: string[] = [];
    const done = startCapture(net.api, { entries: (_, p) => { if (p.size) pages = p; }, missed: () => {}, navigated: (u) => navs.push(u) });
    net.answer();
    await done;
    net.navigate('http://page.test/next');
    expect([...pages]).toEqual([['page_1', 'http://page.test/']]);
    expect(navs).toEqual(['http://page.test/next']);
  });
  test('identical requests that differ in start time are different requests', () => {
    expect(entryKey(entry('http://x/', '2026-11-22T00:00:00.000Z'))).not.toBe(entryKey(entry('http://x/', '2026-11-22T00:00:00.001Z')));
  });
});
