import { describe, expect, test } from 'vitest';
import { paintFor, printable } from '../../src/cli/terminal';

describe('printable', () => {
  test.each([
    ['\u001b[2J', '\\x1b[2J'],
    ['a\r\nb', 'a\\x0d\\x0ab'],
    ['\u202eevil', '\\u202eevil'],
    ['\u0085', '\\x85'],
    ['tab\tok', 'tab\\x09ok'],
    // Marks and separators the terminal's own list once lacked: they reorder or break a line just the same.
    ['a\u200eb\u200fc\u061cd', 'a\\u200eb\\u200fc\\u061cd'],
    ['line\u2028break\ufeff', 'line\\u2028break\\ufeff'],
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
