import { describe, expect, test } from 'vitest';
import { emptyListText } from '../../../panel/empty-list-text';

describe('empty list text', () => {
  test('an imported file with nothing shown blames the filter or the file, never the capture', () => {
    expect(emptyListText({ imported: true, total: 0, live: true })).toBe('No exchange matches in this file.');
    expect(emptyListText({ imported: true, total: 4, live: false })).toBe('No exchange matches in this file.');
  });

  test('exchanges hidden by the filter say so', () => {
    expect(emptyListText({ imported: false, total: 3, live: true })).toBe('No exchange matches the filter.');
  });

  test('an empty live capture says how to fill it, inside DevTools or not', () => {
    expect(emptyListText({ imported: false, total: 0, live: true })).toMatch(/^Waiting for cross-origin requests\. Reload the page/);
    expect(emptyListText({ imported: false, total: 0, live: false })).toMatch(/^Not running inside DevTools: import a HAR file/);
  });
});
