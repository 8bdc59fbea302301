/**
 * The split rule: parts only where paths differ in a privilege (credentials, a method beyond the safelisted
 * ones), only at named segments, and parts needing the same privileges merged.
 */
import { describe, expect, it } from 'vitest';
import { covers, isNamedSegment, MAX_CHILDREN, signature, splitByPath } from '../../../src/policy/split';
import type { Use } from '../../../src/policy/uses';

let n = 0;
function use(path: string, over: { credentials?: boolean; method?: string; preflight?: boolean; origin?: string; headers?: string[] } = {}): Use {
  const method = over.method ?? 'GET';
  const preflight = over.preflight ?? method !== 'GET';
  return {
    exchange: n++,
    hop: 0,
    target: 'https://api.example',
    path,
    method,
    origin: over.origin ?? 'https://app.example',
    preflight: preflight ? { origin: over.origin ?? 'https://app.example', method, headers: over.headers ?? [], captured: true } : null,
    credentials: over.credentials ?? false,
    responseHeaders: [],
  };
}
const paths = (parts: ReturnType<typeof splitByPath>) => parts.map((p) => p.paths);

describe('isNamedSegment', () => {
  it.each([
    ['api', true],
    ['v2', true],
    ['oauth2', true],
    ['user-settings', true],
    ['file.json', true],
    ['42', false],
    ['2024', false],
    ['r-302-no-acao', false],
    ['deadbeefcafe1', false],
    ['3f2b1c9e-1d2a-4b5c-9d8e-7f6a5b4c3d2e', false],
    ['a%20b', false],
    ['..', false],
    ['$x', false],
    ['x'.repeat(41), false],
  ])('%s → %s', (seg, named) => expect(isNamedSegment(seg)).toBe(named));
});

describe('splitByPath', () => {
  it.each<[string, Use[], string[][]]>([
    ['one privilege everywhere: the whole origin', [use('/a/x'), use('/b/y'), use('/c')], [['/']]],
    ['same method everywhere: the whole origin', [use('/a', { method: 'PUT' }), use('/b', { method: 'PUT' })], [['/']]],
    ['credentials on one path only', [use('/api/me', { credentials: true }), use('/public/list')], [['/api'], ['/public']]],
    ['a method one path needs', [use('/v1/items/a', { method: 'DELETE' }), use('/v1/search/q')], [['/v1/items'], ['/v1/search']]],
    ['ids below a part are never split', [use('/users/1', { method: 'PUT' }), use('/users/2', { method: 'DELETE' })], [['/']]],
    ['a request to the prefix itself keeps the level whole', [use('/api'), use('/api/x', { credentials: true })], [['/']]],
    [
      'parts needing the same privileges are merged',
      [use('/a', { credentials: true }), use('/b'), use('/c', { credentials: true })],
      [['/a', '/c'], ['/b']],
    ],
    [
      'a shared prefix is descended before splitting',
      [use('/api/v2/admin/x', { credentials: true }), use('/api/v2/catalog/y')],
      [['/api/v2/admin'], ['/api/v2/catalog']],
    ],
  ])('%s', (_name, uses, expected) => {
    expect(paths(splitByPath(uses))).toEqual(expected);
  });

  it(`a level with more than ${MAX_CHILDREN} names is a parameter, not parts`, () => {
    const uses = Array.from({ length: MAX_CHILDREN + 1 }, (_, i) => use(`/posts/slug-${String.fromCharCode(97 + i)}`, { credentials: i === 0 }));
    expect(paths(splitByPath(uses))).toEqual([['/']]);
  });

  it('every use lands in exactly one part', () => {
    const uses = [use('/a/1', { credentials: true }), use('/a/2', { credentials: true }), use('/b/1'), use('/c', { method: 'PUT' })];
    const parts = splitByPath(uses);
    expect(parts.flatMap((p) => p.uses).length).toBe(uses.length);
    for (const u of uses) expect(parts.filter((p) => p.paths.some((q) => covers(q, u.path))).length).toBe(1);
  });

  it('signature names credentials and the privileged methods only', () => {
    expect(signature([use('/a', { method: 'PUT' }), use('/b', { credentials: true }), use('/c', { method: 'POST', preflight: true })])).toBe('credentials PUT');
  });
});

describe('covers', () => {
  it.each([
    ['/', '/anything', true],
    ['/api', '/api', true],
    ['/api', '/api/x', true],
    ['/api', '/apix', false],
    ['/api', '/', false],
  ])('%s covers %s: %s', (prefix, path, expected) => expect(covers(prefix, path)).toBe(expected));
});
