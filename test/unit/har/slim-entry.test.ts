/**
 * What the live panel keeps of an entry (src/har/slim-entry.ts): every field the checks and exports read, equal
 * to what was parsed; repeated header lines shared between entries; a large body cut to its start, with its
 * length kept for the export's note; and pools that stay bounded whatever a page sends.
 */
import { describe, expect, test } from 'vitest';
import { type Entry, LiveAnalysis } from '../../../src/har';
import { EntrySlimmer, MAX_BODY_CHARS, startOf } from '../../../src/har/slim-entry';
import { exportExchange } from '../../../src/export';
import { harEntry } from '../../support/har-builder';

function entry(over: Partial<Entry> = {}): Entry {
  return {
    index: 3,
    url: 'https://api.test/items/1',
    method: 'PUT',
    requestHeaders: [{ name: 'Origin', value: 'https://app.test' }, { name: 'Content-Type', value: 'application/json' }],
    status: 200,
    responseHeaders: [{ name: 'Access-Control-Allow-Origin', value: 'https://app.test' }, { name: 'Date', value: 'Mon, 23 Nov 2026 10:00:00 GMT' }],
    redirectUrl: null,
    error: null,
    start: 1000,
    end: 1012,
    sent: 1002,
    resourceType: 'fetch',
    initiatorType: 'script',
    initiatorUrl: 'https://app.test/app.js',
    pageref: null,
    postData: { mimeType: 'application/json', text: '{"a":1}' },
    ...over,
  };
}

describe('every field is kept as parsed', () => {
  test.each<[string, Partial<Entry>]>([
    ['a plain request', {}],
    ['a failed one, redirected, with a page', { status: 0, error: 'net::ERR_FAILED', redirectUrl: 'https://api.test/next', pageref: 'page_1' }],
    ['no initiator URL, no body', { initiatorUrl: null, postData: null }],
    ['an empty body', { postData: { mimeType: '', text: '' } }],
    ['a body of exactly the largest kept size', { postData: { mimeType: 'text/plain', text: 'x'.repeat(MAX_BODY_CHARS) } }],
    ['no headers at all', { requestHeaders: [], responseHeaders: [] }],
    ['a header repeated in one list', { responseHeaders: [{ name: 'Vary', value: 'Origin' }, { name: 'Vary', value: 'Origin' }] }],
  ])('%s', (_, over) => {
    const e = entry(over);
    expect(new EntrySlimmer().slim(e)).toEqual(e);
  });

  test('at another index when told (a replacement keeps its predecessor\'s id)', () => {
    expect(new EntrySlimmer().slim(entry(), 9)).toEqual({ ...entry(), index: 9 });
  });
});

describe('repeated parts are shared', () => {
  test('the same header line in two entries is one object; lines that differ are not', () => {
    const slimmer = new EntrySlimmer();
    const a = slimmer.slim(entry());
    const b = slimmer.slim(entry({ index: 4, responseHeaders: [{ name: 'Access-Control-Allow-Origin', value: 'https://app.test' }, { name: 'Date', value: 'Mon, 23 Nov 2026 10:00:01 GMT' }] }));
    expect(b.requestHeaders[0]).toBe(a.requestHeaders[0]);
    expect(b.responseHeaders[0]).toBe(a.responseHeaders[0]);
    expect(b.responseHeaders[1]).not.toBe(a.responseHeaders[1]);
    expect(Object.isFrozen(a.requestHeaders[0])).toBe(true);
  });

  test('a header whose values never repeat (Date) stops being pooled, and keeps its values', () => {
    const slimmer = new EntrySlimmer();
    const dates = Array.from({ length: 200 }, (_, i) => `Mon, 23 Nov 2026 10:00:${String(i).padStart(3, '0')} GMT`);
    const kept = dates.map((d, i) => slimmer.slim(entry({ index: i, responseHeaders: [{ name: 'Date', value: d }] })));
    expect(kept.map((e) => e.responseHeaders[0]?.value)).toEqual(dates);
    // Still shared for the names whose values do repeat.
    expect(kept[199]?.requestHeaders[0]).toBe(kept[0]?.requestHeaders[0]);
  });

  test('a page inventing header names with long values: every line kept as sent (the pool starts afresh when full)', () => {
    const slimmer = new EntrySlimmer();
    for (let i = 0; i < 3000; i++) {
      const h = [{ name: `X-Custom-${i}`, value: 'v'.repeat(2000) }];
      expect(slimmer.slim(entry({ index: i, requestHeaders: h })).requestHeaders).toEqual(h);
    }
  });

  test('after clear() nothing is shared with entries from before', () => {
    const slimmer = new EntrySlimmer();
    const a = slimmer.slim(entry());
    slimmer.clear();
    expect(slimmer.slim(entry()).requestHeaders[0]).not.toBe(a.requestHeaders[0]);
  });
});

describe('a large body is cut to its start, and says how long it was', () => {
  test.each<[string, string, string, number | undefined]>([
    ['kept whole up to the limit', 'a'.repeat(MAX_BODY_CHARS), 'a'.repeat(MAX_BODY_CHARS), undefined],
    ['one character over: cut', 'a'.repeat(MAX_BODY_CHARS + 1), 'a'.repeat(MAX_BODY_CHARS), MAX_BODY_CHARS + 1],
    ['a megabyte upload', 'b'.repeat(1 << 20), 'b'.repeat(MAX_BODY_CHARS), 1 << 20],
    ['never half a surrogate pair', `${'c'.repeat(MAX_BODY_CHARS - 1)}😀tail`, 'c'.repeat(MAX_BODY_CHARS - 1), MAX_BODY_CHARS + 5],
  ])('%s', (_, text, kept, fullLength) => {
    const body = new EntrySlimmer().slim(entry({ postData: { mimeType: 'text/plain', text } })).postData;
    expect(body?.text).toBe(kept);
    expect(body?.fullLength).toBe(fullLength);
  });

  test.each<[string, number, string]>([
    ['past a pair', 5, 'ab😀c'],
    ['cut before a pair rather than through it', 3, 'ab'],
    ['a whole pair fits', 4, 'ab😀'],
    ['nothing', 0, ''],
  ])('startOf: %s', (_, max, expected) => {
    expect(startOf('ab😀cd', max)).toBe(expected);
  });

  test('the live capture keeps the cut body, and its replay says it is cut', () => {
    const live = new LiveAnalysis();
    const big = 'z'.repeat(100_000);
    live.add([harEntry({ method: 'POST', url: 'https://api.test/upload', start: 0, requestHeaders: [['Host', 'api.test'], ['Origin', 'https://app.test'], ['Content-Type', 'text/plain']], responseHeaders: [['Access-Control-Allow-Origin', 'https://app.test']], body: { mimeType: 'text/plain', text: big } })]);
    const x = live.current().exchanges[0];
    expect(x?.bodies[0]?.text.length).toBe(MAX_BODY_CHARS);
    for (const format of ['curl', 'fetch', 'markdown'] as const) {
      const out = x ? exportExchange(x, format) : null;
      expect(out?.ok, format).toBe(true);
      if (out?.ok) expect(out.value, format).toContain(`The request body was 100,000 characters long; the live capture keeps the first ${MAX_BODY_CHARS.toLocaleString('en')}`);
    }
  });
});
