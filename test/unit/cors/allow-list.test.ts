import { describe, expect, test } from 'vitest';
import { allowListItems, parseAllowList } from '../../../src/cors/allow-list';

describe('allowListItems: split and trimmed as Chromium does, nothing validated', () => {
  test.each<[string | null, string[]]>([
    [null, []],
    ['', []],
    ['PUT', ['PUT']],
    [' PUT ,\tDELETE', ['PUT', 'DELETE']],
    [',,PUT,, ,', ['PUT']],
    ['P UT, x;y', ['P UT', 'x;y']],
    // Only space and tab are HTTP whitespace: a no-break space stays part of the item.
    ['\u00a0PUT', ['\u00a0PUT']],
  ])('%j → %j', (value, items) => expect(allowListItems(value)).toEqual(items));
});

describe('parseAllowList names the first item that is not a token', () => {
  test.each<[string, boolean, { ok: true; items: string[] } | { ok: false; bad: string }]>([
    ['PUT, DELETE', false, { ok: true, items: ['PUT', 'DELETE'] }],
    ['X-A, x-b', true, { ok: true, items: ['x-a', 'x-b'] }],
    ['PUT, P UT, "x"', false, { ok: false, bad: 'P UT' }],
    ['x-a;x-b', true, { ok: false, bad: 'x-a;x-b' }],
    ['"quoted"', true, { ok: false, bad: '"quoted"' }],
    ['*', true, { ok: true, items: ['*'] }],
  ])('%j (lower-case %s)', (value, lower, expected) => {
    const got = parseAllowList(value, lower);
    expect(got.ok ? { ok: true, items: [...got.items] } : got).toEqual(expected);
  });
});
