/** StringTable: equal short strings come back as one copy; long ones and a full table never change a value. */
import { describe, expect, test } from 'vitest';
import { StringTable } from '../../../src/har/intern';

describe('StringTable', () => {
  test('an equal string made twice comes back as the first copy, values unchanged', () => {
    const t = new StringTable();
    const a = ['Origin', 'http://page.test'].join('|');
    const b = ['Origin', 'http://page.test'].join('|');
    expect(t.get(a)).toBe(a);
    expect(t.get(b)).toBe(a);
  });

  test('headers point at the table copies and keep their text', () => {
    const t = new StringTable();
    const h1 = [{ name: 'accept', value: '*/*' }];
    const h2 = [{ name: 'acc' + 'ept', value: '*/' + '*' }];
    t.headers(h1);
    t.headers(h2);
    expect(h2).toEqual([{ name: 'accept', value: '*/*' }]);
  });

  test('a value longer than the bound passes through as it is', () => {
    const t = new StringTable();
    const long = 'x'.repeat(300);
    expect(t.get(long)).toBe(long);
  });

  test('many distinct values never change what comes back', () => {
    const t = new StringTable();
    for (let i = 0; i < 120_000; i++) expect(t.get(`v${i}`)).toBe(`v${i}`);
  });
});
