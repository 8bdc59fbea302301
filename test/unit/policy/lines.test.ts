/** The lines a policy sends: complete for an allowed origin, nothing but Vary for any other. */
import { describe, expect, it } from 'vitest';
import { actualLines, type PolicyShape, preflightLines } from '../../../src/policy/lines';
import { REQUEST_ORIGIN } from '../../../src/policy';

const shape: PolicyShape = { origins: ['https://app.example', 'null'], methods: ['DELETE', 'PUT'], requestHeaders: ['authorization', 'content-type'], credentials: true, maxAge: 600 };
const text = (lines: { name: string; value: string }[]) => lines.map((l) => `${l.name}: ${l.value}`);

describe('policy lines', () => {
  it.each<[string, PolicyShape, string, string[]]>([
    ['actual, allowed origin, credentials', shape, 'https://app.example', ['Access-Control-Allow-Origin: https://app.example', 'Access-Control-Allow-Credentials: true', 'Vary: Origin']],
    ['actual, origin outside the list', shape, 'https://evil.example', ['Vary: Origin']],
    ['actual, no credentials', { ...shape, credentials: false }, 'null', ['Access-Control-Allow-Origin: null', 'Vary: Origin']],
    ['actual, the contract placeholder', { ...shape, credentials: false }, REQUEST_ORIGIN, [`Access-Control-Allow-Origin: ${REQUEST_ORIGIN}`, 'Vary: Origin']],
  ])('%s', (_name, p, origin, expected) => expect(text(actualLines(p, origin))).toEqual(expected));

  it.each<[string, PolicyShape, string, string[]]>([
    [
      'preflight, everything',
      shape,
      'https://app.example',
      [
        'Access-Control-Allow-Origin: https://app.example',
        'Access-Control-Allow-Credentials: true',
        'Access-Control-Allow-Methods: DELETE, PUT',
        'Access-Control-Allow-Headers: authorization, content-type',
        'Access-Control-Max-Age: 600',
        'Vary: Origin',
      ],
    ],
    ['preflight, only a header', { ...shape, methods: [], requestHeaders: ['x-a'], credentials: false }, 'https://app.example', ['Access-Control-Allow-Origin: https://app.example', 'Access-Control-Allow-Headers: x-a', 'Access-Control-Max-Age: 600', 'Vary: Origin']],
    ['preflight, origin outside the list', shape, 'https://evil.example', ['Vary: Origin']],
  ])('%s', (_name, p, origin, expected) => expect(text(preflightLines(p, origin))).toEqual(expected));

  it('never writes a wildcard', () => {
    for (const o of ['https://app.example', REQUEST_ORIGIN]) {
      for (const l of [...actualLines(shape, o), ...preflightLines(shape, o)]) expect(l.value.split(/,\s*/)).not.toContain('*');
    }
  });
});
