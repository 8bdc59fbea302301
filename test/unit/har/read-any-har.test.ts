/**
 * Every HAR a user can attach is read: the shapes real producers write (see test/fixtures/wild/README.md), and
 * only a file that is really not a HAR is refused, in one line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyseHarText, HarError, parseHarText } from '../../../src/har';
import { harJsonText } from '../../../src/har/parse';

const log = (entries: unknown[], creator = { name: 'WebInspector', version: '537.36' }) => JSON.stringify({ log: { version: '1.2', creator, entries } });
const entry = (over: Record<string, unknown> = {}) => ({
  startedDateTime: '2026-11-30T10:00:00.000Z',
  time: 5,
  request: { method: 'GET', url: 'http://api.test/x', headers: [{ name: 'Origin', value: 'http://page.test' }] },
  response: { status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: 'http://page.test' }], redirectURL: '' },
  ...over,
});

describe('harJsonText: the JSON inside what users hand over', () => {
  test.each([
    ['\uFEFF{"log":{}}', '{"log":{}}'],
    ['onInputData({"log":{}});', '{"log":{}}'],
    ['  onInputData( {"log":{}} )\n', '{"log":{}} '],
    ['window.har.load({"log":{}})', '{"log":{}}'],
    ['{"log":{"comment":"onInputData(x)"}}', '{"log":{"comment":"onInputData(x)"}}'],
  ])('%j', (text, json) => expect(harJsonText(text)).toBe(json));
});

describe('reading', () => {
  test('a UTF-8 byte-order mark and the JSONP wrapper are read like the plain file', () => {
    const plain = analyseHarText(log([entry()]));
    for (const text of [`\uFEFF${log([entry()])}`, `onInputData(${log([entry()])});`]) {
      expect(analyseHarText(text).exchanges.map((x) => x.evaluation.verdict)).toEqual(plain.exchanges.map((x) => x.evaluation.verdict));
    }
  });

  test('HAR 1.1 without pages, and -1 sizes', () => {
    const text = JSON.stringify({ log: { version: '1.1', creator: { name: 'Firebug', version: '1.6' }, entries: [entry({ request: { method: 'GET', url: 'http://api.test/x', headers: [], headersSize: -1, bodySize: -1 } })] } });
    expect(parseHarText(text).entries).toHaveLength(1);
  });

  test('array-valued header values (Polly.JS) are one line per item', () => {
    const e = entry({ response: { status: 200, headers: [{ name: 'set-cookie', value: ['a=1', 'b=2'] }, { name: 'x', value: ['only'] }] } });
    expect(parseHarText(log([e], { name: 'Polly.JS', version: '4' })).entries[0]?.responseHeaders).toEqual([
      { name: 'set-cookie', value: 'a=1' },
      { name: 'set-cookie', value: 'b=2' },
      { name: 'x', value: 'only' },
    ]);
  });

  test('a data: URL with an empty method (Safari) is a GET, and not CORS', () => {
    const e = entry({ request: { method: '', url: 'data:text/css,body{}', headers: [] } });
    const a = analyseHarText(log([e], { name: 'a name', version: '1' }));
    expect(a.exchanges[0]?.method).toBe('GET');
    expect(a.exchanges[0]?.notCors).toBe('local-url');
  });

  const twice = entry({
    request: { method: 'GET', url: 'http://api.test/font.woff', headers: [{ name: 'Origin', value: 'http://page.test' }, { name: 'origin', value: 'http://page.test' }] },
  });
  test('chrome-har: the same header in another letter case with the same value is one header', () => {
    const x = analyseHarText(log([twice], { name: 'chrome-har', version: '0.11' })).exchanges[0];
    expect(x?.record.hops[0]?.requestHeaders).toEqual([{ name: 'Origin', value: 'http://page.test' }]);
    expect(x?.origin).toBe('http://page.test');
  });
  test('a producer that writes the wire as it was keeps both lines (a server can send two)', () => {
    expect(analyseHarText(log([twice])).exchanges[0]?.record.hops[0]?.requestHeaders).toHaveLength(2);
  });
});

describe('not a HAR: one line, nothing else', () => {
  test.each([
    ['test/fixtures/wild/hv-selenium_tests_hars_not-json.har', /^not JSON: /],
    ['test/fixtures/wild/hv-selenium_tests_hars_not-valid.har', /^not a HAR: log\.entries is missing/],
  ])('%s', (file, message) => {
    expect(() => analyseHarText(readFileSync(file, 'utf8'))).toThrow(HarError);
    try {
      analyseHarText(readFileSync(file, 'utf8'));
    } catch (e) {
      expect((e as Error).message).toMatch(message);
      expect((e as Error).message).not.toMatch(/\n/);
    }
  });
});
