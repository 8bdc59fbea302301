/**
 * nginx inherits add_header directives into a nested block only when that block has none of its own, so the
 * OPTIONS `if` must repeat every origin line: otherwise the preflight answer would lack them.
 */
import { describe, expect, it } from 'vitest';
import type { SnippetInput } from '../../../../src/explain/snippets/input';
import { nginx } from '../../../../src/explain/snippets/nginx';

const base: SnippetInput = {
  origin: 'https://app.example',
  credentials: true,
  methods: ['PUT'],
  headers: ['x-custom'],
  maxAge: 600,
  preflightMustSucceed: true,
  preflightMustNotRedirect: false,
  optionsBeforeAuth: false,
  oneLayerOnly: false,
  onErrorResponses: false,
};

/** The add_header lines inside the OPTIONS block and after it, without indentation. */
function blocks(code: string): { inside: string[]; after: string[] } {
  const lines = code.split('\n');
  const open = lines.indexOf('if ($request_method = OPTIONS) {');
  const close = lines.indexOf('}', open);
  return {
    inside: lines.slice(open + 1, close).map((l) => l.trim()).filter((l) => l.startsWith('add_header')),
    after: lines.slice(close + 1).filter((l) => l.startsWith('add_header')),
  };
}

describe('nginx: the preflight block repeats the origin lines', () => {
  it.each([
    ['with credentials', base],
    ['without credentials', { ...base, credentials: false }],
    ['origin left out', { ...base, origin: 'https://$host' }],
  ])('%s', (_name, input) => {
    const { inside, after } = blocks(nginx(input).code);
    expect(after.length).toBeGreaterThan(0);
    expect(inside.slice(0, after.length)).toEqual(after);
    expect(inside.every((l) => l.endsWith(' always;'))).toBe(true);
  });

  it('answers only the preflight with methods, headers and max-age', () => {
    const { inside, after } = blocks(nginx(base).code);
    for (const name of ['Access-Control-Allow-Methods', 'Access-Control-Allow-Headers', 'Access-Control-Max-Age']) {
      expect(inside.some((l) => l.startsWith(`add_header ${name} `))).toBe(true);
      expect(after.some((l) => l.startsWith(`add_header ${name} `))).toBe(false);
    }
  });
});
