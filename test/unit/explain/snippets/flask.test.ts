/**
 * Flask-CORS matches an origin or header name holding any of * \ ] ? $ ^ [ ( ) as a regular expression, so the
 * snippet must escape exactly those values and leave every other one a plain string (a '.' alone is not enough:
 * Flask-CORS compares such a value as text).
 */
import { describe, expect, it } from 'vitest';
import { flask } from '../../../../src/explain/snippets/flask';
import type { SnippetInput } from '../../../../src/explain/snippets/input';

const base: SnippetInput = {
  origin: 'https://app.example',
  credentials: false,
  methods: [],
  headers: [],
  maxAge: null,
  preflightMustSucceed: false,
  preflightMustNotRedirect: false,
  optionsBeforeAuth: false,
  oneLayerOnly: false,
  onErrorResponses: false,
};

describe('Flask: which origins are written as an escaped pattern', () => {
  it.each(['*', '\\', ']', '?', '$', '^', '[', '(', ')'])('an origin holding %j is escaped and end-anchored', (c) => {
    const code = flask({ ...base, origin: `https://a${c}b.example` }).code;
    expect(code).toContain('import re');
    expect(code).toMatch(/origins=\[re\.compile\(re\.escape\(".*"\) \+ r"\\Z"\)\],/);
  });

  it.each(['https://app.example', 'http://127.0.0.1:8001', 'null', 'https://a-b.example', 'https://a+b.example', 'https://a{b}.example'])(
    '%j stays a plain string',
    (origin) => {
      const code = flask({ ...base, origin }).code;
      expect(code).not.toContain('import re');
      expect(code).toContain(`origins=[${JSON.stringify(origin)}],`);
    },
  );

  it('applies the same rule to header names, but never to methods', () => {
    const code = flask({ ...base, methods: ['PUT'], headers: ['x-ok', 'x-a$b'] }).code;
    expect(code).toContain('allow_headers=["x-ok", re.compile(re.escape("x-a$b") + r"\\Z")],');
    expect(code).toContain('methods=["PUT"],');
  });

  it.each([
    [['PUT'], false],
    [['put'], true],
    [['PATCH', 'Delete'], true],
  ] as const)('methods %j: lower-case note %s', (methods, noted) => {
    expect(flask({ ...base, methods: [...methods] }).code.includes('Flask-CORS upper-cases method names')).toBe(noted);
  });
});
