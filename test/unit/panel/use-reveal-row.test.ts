import { describe, expect, test } from 'vitest';
import { revealScrollTop } from '../../../panel/use-reveal-row';
import { ROW_HEIGHT } from '../../../panel/use-virtual-rows';

const H = 10 * ROW_HEIGHT;

describe('keeping the selected row in view', () => {
  test('a row already in view does not scroll', () => {
    expect(revealScrollTop(0, 0, H)).toBeNull();
    // Nine rows fit below the sticky header.
    expect(revealScrollTop(8, 0, H)).toBeNull();
  });

  test('a row above the view scrolls it to the top', () => {
    expect(revealScrollTop(3, 20 * ROW_HEIGHT, H)).toBe(3 * ROW_HEIGHT);
  });

  test('a row below the view scrolls just far enough to show it above the fold, header included', () => {
    expect(revealScrollTop(9, 0, H)).toBe(ROW_HEIGHT);
    expect(revealScrollTop(50, 0, H)).toBe(42 * ROW_HEIGHT);
  });
});
