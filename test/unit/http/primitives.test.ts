import { describe, expect, test } from 'vitest';
import { hasResponse, INVISIBLE_CHAR, isFieldValue, isToken, MAX_AGE_CAP, showInvisible } from '../../../src/http';

describe('isToken (RFC 9110 tchar)', () => {
  test.each([
    ['GET', true],
    ['x-custom', true],
    ["!#$%&'*+-.^_`|~09azAZ", true],
    ['', false],
    ['a b', false],
    ['"quoted"', false],
    ['a,b', false],
    ['a/b', false],
    ['a;b', false],
    ['é', false],
    ['a\tb', false],
  ])('%j → %s', (value, expected) => expect(isToken(value)).toBe(expected));
});

describe('isFieldValue', () => {
  test.each([
    ['text/plain; charset=utf-8', true],
    ['tab\tis fine', true],
    ['é and 漢字 are bytes a browser may send', true],
    ['line\nbreak', false],
    ['carriage\rreturn', false],
    ['nul\u0000', false],
    ['esc\u001b', false],
    ['del\u007f', false],
  ])('%j → %s', (value, expected) => expect(isFieldValue(value)).toBe(expected));
});

describe('showInvisible: one list for every face', () => {
  test.each([
    ['\u001b[31m', '\\x1b[31m'],
    ['\u0000', '\\x00'],
    ['\u007f\u0085\u009f', '\\x7f\\x85\\x9f'],
    ['\u202a\u202e\u2066\u2069', '\\u202a\\u202e\\u2066\\u2069'],
    ['\u200e\u200f\u061c', '\\u200e\\u200f\\u061c'],
    ['\u2028\u2029\ufeff', '\\u2028\\u2029\\ufeff'],
    ['visible é 漢字 \u00a0 stays', 'visible é 漢字 \u00a0 stays'],
  ])('%j → %j', (input, output) => expect(showInvisible(input)).toBe(output));

  test('called again and again, it never skips a character (no regex state leaks between calls)', () => {
    for (let i = 0; i < 5; i++) expect(showInvisible('ab\u202ecd')).toBe('ab\\u202ecd');
  });

  test('INVISIBLE_CHAR is the same list, for callers that escape in their own syntax', () => {
    for (const c of ['\u0000', '\u001f', '\u007f', '\u009f', '\u061c', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069', '\ufeff']) {
      expect(INVISIBLE_CHAR.test(c), c.charCodeAt(0).toString(16)).toBe(true);
    }
    expect(INVISIBLE_CHAR.test(' ')).toBe(false);
  });
});

describe('hasResponse', () => {
  test.each([
    [200, 0, true],
    [0, 3, true], // Firefox writes a blocked response as status 0 with its headers
    [0, 0, false],
    [204, 2, true],
  ])('status %d with %d headers → %s', (status, n, expected) => {
    expect(hasResponse({ status, responseHeaders: Array.from({ length: n }, () => ({ name: 'a', value: 'b' })) })).toBe(expected);
  });
});

test('preflight-cache caps: Chrome 2 hours, Firefox a day', () => {
  expect(MAX_AGE_CAP).toEqual({ chrome: 7200, firefox: 86400 });
});
