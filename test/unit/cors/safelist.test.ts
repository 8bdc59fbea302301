import { describe, expect, test } from 'vitest';
import { corsUnsafeHeaders, isForbiddenRequestHeader, requestHeadersValue, unsafeReason } from '../../../src/cors/safelist';

// Content-Type vectors from WPT cors/cors-safelisted-request-header.any.js (true = preflight expected),
// plus Chromium 156 observations from chromium-facts.md.
const contentType: [string, boolean][] = [
  ['text /plain', true],
  ['text\t/\tplain', true],
  ['text/plain;', false],
  ['text/plain;garbage', false],
  ['text/plain;garbage\u0001\u0002', true],
  ['text/plain,', true],
  [',text/plain', true],
  ['text/plain,text/plain', true],
  ['text/plain,x/x', true],
  ['text/plain\u000B', true],
  ['text/plain\u000C', true],
  ['application/www-form-urlencoded', true],
  ['application/x-www-form-urlencoded;\u007F', true],
  ['multipart/form-data', false],
  ['multipart/form-data;"', true],
  ['text/plain;charset=utf-8', false], // Chromium 156
  ['text/plain;charset="utf-8"', true], // Chromium 156: `"` is CORS-unsafe
  ['TEXT/PLAIN', false],
  ['application/json', true],
];

// Range vectors from the same WPT file; only two are simple.
const range: [string, boolean][] = [
  ['100-200', true],
  ['MB=100-200', true],
  ['bytes=100-200', false],
  ['bytes =100-200', true],
  ['bytes=  100-200', true],
  ['bytes=100 -200', true],
  ['bytes=100-200hello', true],
  ['bytes=abc-def', true],
  ['bytes=100-200,300-400', true],
  ['bytes=-200', true],
  ['bytes=200-', false],
  ['bytes=200-100', true],
  [`bytes=1${'0'.repeat(60)}-2${'0'.repeat(60)}`, true],
  ['bytes 100-200', true],
  [',bytes=100-200', true],
  ['bytes=0-99', false], // Chromium 156
  ['Bytes=0-99', false], // Chromium lower-cases the value (ParseRangeHeader compares the unit case-insensitively)
  ['BYTES=5-', false],
];

// WPT fetch/api/cors/resources/not-cors-safelisted.json: each needs a preflight.
const notSafelisted: [string, string][] = [
  ['accept', '"'],
  ['accept', '1'.repeat(129)],
  ['accept-language', '\u0001'],
  ['accept-language', '@'],
  ['authorization', 'basics'],
  ['content-language', '\u0001'],
  ['content-language', '@'],
  ['content-type', 'text/html'],
  ['content-type', `text/plain; long=${'0'.repeat(128)}`],
  ['range', 'bytes 0-'],
  ['test', 'hi'],
  ['content-language', 'en_US'], // Chromium 156
];

describe('unsafeReason', () => {
  test.each(contentType)('Content-Type %j needs preflight: %s', (value, preflight) => {
    expect(unsafeReason('Content-Type', value) !== null).toBe(preflight);
  });
  test.each(range)('Range %j needs preflight: %s', (value, preflight) => {
    expect(unsafeReason('Range', value) !== null).toBe(preflight);
  });
  test.each(notSafelisted)('%s: %j needs a preflight (WPT not-cors-safelisted.json)', (name, value) => {
    expect(unsafeReason(name, value)).not.toBeNull();
  });
  test('Accept of 128 bytes is safelisted, 129 is not (Chromium 156)', () => {
    expect(unsafeReason('Accept', 'a'.repeat(128))).toBeNull();
    expect(unsafeReason('Accept', 'a'.repeat(129))).toBe('value-too-long');
  });
  test('bytes, not characters, count towards 128', () => {
    expect(unsafeReason('Accept', 'é'.repeat(64))).toBeNull();
    expect(unsafeReason('Accept', 'é'.repeat(65))).toBe('value-too-long');
  });
  test('DPR is a safelisted client hint in Chromium (not in the Fetch list)', () => {
    expect(unsafeReason('DPR', '2')).toBeNull();
    expect(unsafeReason('DPR', 'two')).toBe('client-hint-syntax');
  });
  test('reasons name the rule that failed', () => {
    expect(unsafeReason('X-Custom', 'x')).toBe('name-not-safelisted');
    expect(unsafeReason('Content-Type', 'application/json')).toBe('content-type-not-simple');
    expect(unsafeReason('Content-Type', 'text/plain;charset="utf-8"')).toBe('unsafe-byte');
    expect(unsafeReason('Content-Language', 'en_US')).toBe('language-byte');
    expect(unsafeReason('Range', 'bytes=-100')).toBe('range-not-simple');
  });
});

describe('isForbiddenRequestHeader', () => {
  test.each(['Cookie', 'Origin', 'Referer', 'User-Agent', 'Host', 'Content-Length', 'Sec-Fetch-Mode', 'sec-ch-ua', 'Proxy-Authorization', 'Access-Control-Request-Method'])(
    '%s is forbidden',
    (name) => expect(isForbiddenRequestHeader(name, 'x')).toBe(true),
  );
  test('method overrides are forbidden only with a forbidden method', () => {
    expect(isForbiddenRequestHeader('X-HTTP-Method-Override', 'TRACE')).toBe(true);
    expect(isForbiddenRequestHeader('X-HTTP-Method-Override', 'get, track')).toBe(true);
    expect(isForbiddenRequestHeader('X-HTTP-Method-Override', 'PUT')).toBe(false);
  });
  test('Authorization and X-Custom are not forbidden', () => {
    expect(isForbiddenRequestHeader('Authorization', 'x')).toBe(false);
    expect(isForbiddenRequestHeader('X-Custom', 'x')).toBe(false);
  });
});

describe('corsUnsafeHeaders', () => {
  test('keeps request order and lower-cases names (Chromium names the first disallowed one in this order)', () => {
    const unsafe = corsUnsafeHeaders([
      { name: 'X-Custom', value: 'hello' },
      { name: 'sec-ch-ua-platform', value: '"Linux"' },
      { name: 'Referer', value: 'http://127.0.0.1:8001/' },
      { name: 'Content-Type', value: 'application/json' },
    ]);
    expect(unsafe.map((h) => h.name)).toEqual(['x-custom', 'content-type']);
    expect(requestHeadersValue(unsafe)).toBe('content-type,x-custom');
  });
  test('safelisted values totalling more than 1024 bytes all become unsafe (Fetch, Chromium)', () => {
    const header = (name: string, n: number) => ({ name, value: 'c'.repeat(n) });
    // 8 x 128 = 1024 bytes: still safelisted. One more byte: every one of them needs the preflight.
    const atLimit = Array.from({ length: 8 }, (_, i) => header(i % 2 ? 'Accept' : 'Intervention', 128));
    expect(corsUnsafeHeaders(atLimit)).toEqual([]);
    const over = [...atLimit, header('Accept-Language', 1)];
    const unsafe = corsUnsafeHeaders([{ name: 'X-Custom', value: '1' }, ...over]);
    expect(unsafe).toHaveLength(10);
    expect(unsafe[0]).toMatchObject({ name: 'x-custom', reason: 'name-not-safelisted' });
    expect(unsafe.slice(1).every((u) => u.reason === 'safelisted-total-too-long')).toBe(true);
  });
  test('HTTP/2 pseudo-headers and forbidden headers never count', () => {
    expect(corsUnsafeHeaders([{ name: ':authority', value: 'x' }, { name: 'cookie', value: 'a=b' }, { name: 'priority', value: 'u=1, i' }]).map((h) => h.name)).toEqual(['priority']);
  });
});

describe('an unsafe header says what broke its rule', () => {
  test.each<[string, string, Partial<{ unsafeChar: string; limit: number }>]>([
    ['Accept', 'text/{x}', { unsafeChar: '{' }],
    ['Content-Type', 'text/plain; a="b"', { unsafeChar: '"' }],
    ['Accept', 'a\u0001b', { unsafeChar: '\u0001' }],
    ['Accept', 'a'.repeat(129), { limit: 128 }],
    ['X-Custom', 'anything', {}],
  ])('%s: %j', (name, value, expected) => {
    const [h] = corsUnsafeHeaders([{ name, value }]);
    expect({ unsafeChar: h?.unsafeChar, limit: h?.limit }).toEqual({ unsafeChar: undefined, limit: undefined, ...expected });
  });

  test('the 1024-byte total names its limit on every safelisted header it turns unsafe', () => {
    const headers = Array.from({ length: 9 }, (_, i) => ({ name: i % 2 ? 'Accept' : 'Accept-Language', value: 'a'.repeat(120) }));
    const unsafe = corsUnsafeHeaders(headers);
    expect(unsafe).toHaveLength(9);
    for (const h of unsafe) expect(h).toMatchObject({ reason: 'safelisted-total-too-long', limit: 1024 });
  });
});
