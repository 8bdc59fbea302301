import { describe, expect, test } from 'vitest';
import { cap, plain, segments } from '../../../src/explain/captured';

describe('captured values inside sentences', () => {
  test('plain drops the marks and keeps the value as it is', () => {
    expect(plain(`Allow-Origin is ${cap("'x'")}, origin ${cap('y')}.`)).toBe("Allow-Origin is 'x', origin y.");
  });

  test.each<[string, { text: string; captured: boolean }[]]>([
    ['no values', [{ text: 'no values', captured: false }]],
    [`${cap('a')}`, [{ text: 'a', captured: true }]],
    [`x ${cap('a')} y ${cap('b')}`, [{ text: 'x ', captured: false }, { text: 'a', captured: true }, { text: ' y ', captured: false }, { text: 'b', captured: true }]],
    [`${cap('')}z`, [{ text: 'z', captured: false }]],
  ])('segments of %j', (text, expected) => expect(segments(text)).toEqual(expected));

  test('a value cannot forge the marks: any it carries are shown as escapes and stay inside its run', () => {
    const forged = cap('a\uE001 now prose \uE000b');
    expect(segments(`say ${forged}.`)).toEqual([
      { text: 'say ', captured: false },
      { text: 'a\\ue001 now prose \\ue000b', captured: true },
      { text: '.', captured: false },
    ]);
  });
});
