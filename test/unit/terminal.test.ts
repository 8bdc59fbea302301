import { describe, expect, test } from 'vitest';
import { paintFor, printable } from '../../src/cli/terminal';

describe('printable', () => {
  test.each([
    ['\u001b[2J', '\\u{1b}[2J'],
    ['a\r\nb', 'a\\u{d}\\u{a}b'],
    ['\u202eevil', '\\u{202e}evil'],
    ['\u0085', '\\u{85}'],
    ['tab\tok', 'tab\\u{9}ok'],
    ['plain é 漢字', 'plain é 漢字'],
  ])('%j → %j', (input, output) => expect(printable(input)).toBe(output));
});

describe('paintFor: colour only on a terminal', () => {
  test.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { TERM: 'dumb' }, false],
    [false, { FORCE_COLOR: '1' }, true],
    [true, { FORCE_COLOR: '0' }, false],
  ] as [boolean, Record<string, string>, boolean][])('tty=%s env=%j → colour %s', (tty, env, colour) => {
    expect(paintFor(tty, env).red('x') !== 'x').toBe(colour);
  });
});
