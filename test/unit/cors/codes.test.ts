import { describe, expect, test } from 'vitest';
import { ACCESS_CODES, baseCode, type CorsErrorCode, CODES, isPreflightTwin, preflightTwin } from '../../../src/cors';
import { CODE_WORDS } from '../../../src/explain';

const ALL = Object.keys(CODES) as CorsErrorCode[];

describe('one descriptor per code', () => {
  test('every code has facts and words, and nothing else does', () => {
    expect(ALL).toHaveLength(22);
    expect(Object.keys(CODE_WORDS).sort()).toEqual([...ALL].sort());
  });

  test.each(ACCESS_CODES.map((c) => [c, preflightTwin(c)] as const))('%s has the twin %s with the same facts, on the preflight', (base, twin) => {
    expect(isPreflightTwin(twin)).toBe(true);
    expect(isPreflightTwin(base)).toBe(false);
    expect(baseCode(twin)).toBe(base);
    expect(baseCode(base)).toBe(base);
    expect(CODES[twin]).toEqual({ ...CODES[base], onPreflight: true });
    expect(CODES[base].onPreflight).toBe(false);
    expect(CODES[base].family).toBe('access');
  });

  test.each<[CorsErrorCode, CorsErrorCode]>([
    ['PreflightInvalidStatus', 'PreflightInvalidStatus'],
    ['PreflightDisallowedRedirect', 'PreflightDisallowedRedirect'],
    ['HeaderDisallowedByPreflightResponse', 'HeaderDisallowedByPreflightResponse'],
  ])('%s starts with Preflight or names it, but is its own base (%s)', (code, base) => {
    expect(isPreflightTwin(code)).toBe(false);
    expect(baseCode(code)).toBe(base);
  });

  test.each<[CorsErrorCode, string | null]>([
    ['MissingAllowOriginHeader', 'Access-Control-Allow-Origin'],
    ['PreflightInvalidAllowCredentials', 'Access-Control-Allow-Credentials'],
    ['MethodDisallowedByPreflightResponse', 'Access-Control-Allow-Methods'],
    ['InvalidAllowHeadersPreflightResponse', 'Access-Control-Allow-Headers'],
    // Both redirect codes are about the Location the response sent: the explanation shows it as the value received.
    ['PreflightDisallowedRedirect', 'Location'],
    ['RedirectContainsCredentials', 'Location'],
    ['PreflightInvalidStatus', null],
    ['CorsDisabledScheme', null],
  ])('%s is about the header %s', (code, header) => expect(CODES[code].header).toBe(header));

  test('a twin is worded by its base: the same headline, "preflight: " before its label, Chrome\'s preflight prefix', () => {
    for (const base of ACCESS_CODES) {
      const twin = preflightTwin(base);
      expect(CODE_WORDS[twin].headline).toBe(CODE_WORDS[base].headline);
      expect(CODE_WORDS[twin].short('x')).toBe(`preflight: ${CODE_WORDS[base].short('x')}`);
      expect(CODE_WORDS[twin].console).toEqual({ ...CODE_WORDS[base].console, preflight: true });
      expect(CODE_WORDS[base].console.preflight).toBe(false);
    }
  });

  test('Chrome prefixes the preflight sentence for the twins and the status and redirect checks only', () => {
    const prefixed = ALL.filter((c) => CODE_WORDS[c].console.preflight).sort();
    expect(prefixed).toEqual([...ACCESS_CODES.map(preflightTwin), 'PreflightInvalidStatus', 'PreflightDisallowedRedirect'].sort());
  });
});
