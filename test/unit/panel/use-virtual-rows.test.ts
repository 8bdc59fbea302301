import { describe, expect, test } from 'vitest';
import { pageRows, ROW_HEIGHT, visibleRange } from '../../../panel/use-virtual-rows';

describe('virtual rows', () => {
  test('a short list renders every row, wherever it is scrolled', () => {
    expect(visibleRange(0, 0, 600)).toEqual({ first: 0, last: 0 });
    expect(visibleRange(500, 5000, 200)).toEqual({ first: 0, last: 500 });
  });

  test('a long list renders the rows in view and twelve either side', () => {
    expect(visibleRange(10_000, 0, 10 * ROW_HEIGHT)).toEqual({ first: 0, last: 22 });
    expect(visibleRange(10_000, 100 * ROW_HEIGHT, 10 * ROW_HEIGHT)).toEqual({ first: 88, last: 122 });
    // A row partly in view counts as in view.
    expect(visibleRange(10_000, 100 * ROW_HEIGHT + 1, 10 * ROW_HEIGHT)).toEqual({ first: 88, last: 123 });
  });

  test('the window stops at the last row', () => {
    expect(visibleRange(1000, 995 * ROW_HEIGHT, 10 * ROW_HEIGHT)).toEqual({ first: 983, last: 1000 });
  });

  test('a page is a screenful less one row, and never less than one', () => {
    expect(pageRows(10 * ROW_HEIGHT)).toBe(9);
    expect(pageRows(10 * ROW_HEIGHT + 5)).toBe(9);
    expect(pageRows(ROW_HEIGHT)).toBe(1);
    expect(pageRows(0)).toBe(1);
  });
});
