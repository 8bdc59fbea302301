import { describe, expect, test } from 'vitest';
import { panelKeyAction } from '../../../panel/use-panel-keys';

const press = (key: string, mods: { ctrlKey?: boolean; metaKey?: boolean } = {}) => ({ key, ctrlKey: false, metaKey: false, ...mods });

describe('panel keys', () => {
  test('Escape closes the detail when it is open, and is left alone when it is not', () => {
    expect(panelKeyAction(press('Escape'), false, true)).toBe('close-detail');
    expect(panelKeyAction(press('Escape'), false, false)).toBeUndefined();
  });

  test('Ctrl+F and Cmd+F go to the filter, even from an input', () => {
    expect(panelKeyAction(press('f', { ctrlKey: true }), true, false)).toBe('find');
    expect(panelKeyAction(press('f', { metaKey: true }), false, true)).toBe('find');
    expect(panelKeyAction(press('f'), false, false)).toBeUndefined();
  });

  test('/ goes to the filter, except in an input where it is typed', () => {
    expect(panelKeyAction(press('/'), false, false)).toBe('find');
    expect(panelKeyAction(press('/'), true, false)).toBeUndefined();
  });

  test('other keys are left to the list and the browser', () => {
    for (const key of ['ArrowDown', 'Enter', 'F', 'a']) expect(panelKeyAction(press(key), false, true)).toBeUndefined();
  });
});
