import { describe, expect, test } from 'vitest';
import { listKeyAction } from '../../../panel/list-keys';

const PAGE = 10;

describe('list keys', () => {
  test.each([
    ['ArrowDown', 3, { move: 4 }],
    ['ArrowUp', 3, { move: 2 }],
    ['PageDown', 3, { move: 13 }],
    ['PageUp', 13, { move: 3 }],
    ['Home', 30, { move: 0 }],
    ['End', 3, { move: 49 }],
    ['Enter', 3, 'open'],
  ] as const)('%s from row %i in 50 rows', (key, at, action) => {
    expect(listKeyAction(key, at, 50, PAGE)).toEqual(action);
  });

  test('moves stop at the ends of the list', () => {
    expect(listKeyAction('ArrowDown', 49, 50, PAGE)).toEqual({ move: 49 });
    expect(listKeyAction('ArrowUp', 0, 50, PAGE)).toEqual({ move: 0 });
    expect(listKeyAction('PageDown', 45, 50, PAGE)).toEqual({ move: 49 });
    expect(listKeyAction('PageUp', 4, 50, PAGE)).toEqual({ move: 0 });
  });

  test('with nothing selected, Down and Up both start at the first row, a page down lands a page in', () => {
    expect(listKeyAction('ArrowDown', -1, 50, PAGE)).toEqual({ move: 0 });
    expect(listKeyAction('ArrowUp', -1, 50, PAGE)).toEqual({ move: 0 });
    expect(listKeyAction('PageDown', -1, 50, PAGE)).toEqual({ move: 9 });
  });

  test('an empty list still claims the keys, pointing at a row that is not there', () => {
    expect(listKeyAction('End', -1, 0, PAGE)).toEqual({ move: 0 });
    expect(listKeyAction('Enter', -1, 0, PAGE)).toBe('open');
  });

  test('other keys are left to the browser', () => {
    for (const key of ['a', 'Tab', 'Escape', 'ArrowLeft', ' ']) expect(listKeyAction(key, 3, 50, PAGE)).toBeUndefined();
  });
});
