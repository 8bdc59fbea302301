import { describe, expect, test } from 'vitest';
import { analyseHarText } from '../../../src/har';
import { HarError, parseHarText } from '../../../src/har/parse';
import { har } from '../../support/har-builder';

describe('parseHarText: input that is not a HAR is refused with one line naming what is wrong', () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"log": ', /^not JSON: /],
    ['a JSON string', '"hello"', /^not a HAR: expected a JSON object with log\.entries, got a string$/],
    ['an object without log', '{"foo": 1}', /^not a HAR: the JSON object has no "log" object$/],
    ['log.entries not an array', '{"log": {"entries": {}}}', /^not a HAR: log\.entries is an object, expected an array$/],
    ['log.entries missing', '{"log": {}}', /^not a HAR: log\.entries is missing, expected an array$/],
    ['only broken entries', '{"log": {"entries": [{"request": {}}]}}', /^not a HAR: no usable entry \(entry 0: request\.url is missing or not a string\)$/],
  ];
  test.each(cases)('%s', (_name, text, message) => {
    expect(() => parseHarText(text)).toThrow(HarError);
    try {
      parseHarText(text);
    } catch (e) {
      expect((e as Error).message).toMatch(message);
      expect((e as Error).message).not.toContain('\n');
    }
  });
});

describe('parseHarText: a partly broken HAR keeps the good entries and says which it skipped', () => {
  test('wrong-typed fields skip only their entry, with its index', () => {
    const good = JSON.parse(har([{ url: 'http://127.0.0.1:8002/a', start: 0, requestHeaders: [['Origin', 'http://127.0.0.1:8001']], responseHeaders: [['Access-Control-Allow-Origin', 'http://127.0.0.1:8001']] }]));
    const entries = [
      good.log.entries[0],
      null,
      { request: { url: 'http://x', method: 'GET', headers: 'nope' } },
      { request: { url: 'http://x', method: 'GET' }, response: { status: '200' } },
      { request: { url: 42, method: 'GET' } },
    ];
    const parsed = parseHarText(JSON.stringify({ log: { entries } }));
    expect(parsed.entries.map((e) => e.index)).toEqual([0]);
    expect(parsed.skipped).toEqual([
      { index: 1, reason: 'is null, not an object' },
      { index: 2, reason: 'request.headers is a string, expected an array' },
      { index: 3, reason: 'response.status is a string, expected a number' },
      { index: 4, reason: 'request.url is missing or not a string' },
    ]);
    const analysis = analyseHarText(JSON.stringify({ log: { entries } }));
    expect(analysis.exchanges).toHaveLength(1);
    expect(analysis.exchanges[0]?.evaluation.verdict).toBe('allowed');
  });
  test('a bare array of entries (what chrome.devtools.network hands out) and a bare log are accepted', () => {
    const doc = JSON.parse(har([{ url: 'http://127.0.0.1:8002/a', start: 0 }]));
    expect(parseHarText(JSON.stringify(doc.log.entries)).entries).toHaveLength(1);
    expect(parseHarText(JSON.stringify(doc.log)).entries).toHaveLength(1);
  });
  test('an empty HAR is valid and has no exchanges', () => {
    expect(analyseHarText('{"log":{"entries":[]}}').exchanges).toEqual([]);
  });
  test('missing optional fields (timings, _initiator, response) do not throw', () => {
    const a = analyseHarText(JSON.stringify({ log: { entries: [{ request: { url: 'http://127.0.0.1:8002/a', method: 'GET' } }] } }));
    expect(a.exchanges).toHaveLength(1);
  });
});
