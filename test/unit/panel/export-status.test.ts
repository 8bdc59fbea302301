import { describe, expect, test } from 'vitest';
import { copied, imageFailed, numbered, refused } from '../../../panel/export-status';

describe('export status', () => {
  test('a copy says whether secrets were redacted', () => {
    expect(copied('fetch()', true, true)).toEqual({ state: 'ok', text: 'Copied fetch() (secrets redacted).' });
    expect(copied('the Markdown report', false, true)).toEqual({ state: 'ok', text: 'Copied the Markdown report (not redacted).' });
  });

  test('a copy the clipboard refused is a failure, whatever was being copied', () => {
    expect(copied('fetch()', true, false)).toEqual({ state: 'failed', text: 'The clipboard refused the copy.' });
  });

  test('a refused export gives the reason', () => {
    expect(refused('curl for cmd', 'is too long for cmd')).toEqual({ state: 'refused', text: 'Not copied: curl for cmd is too long for cmd.' });
  });

  test('a failed image gives the error message, or whatever was thrown', () => {
    expect(imageFailed(new Error('tainted canvas')).text).toBe('The image could not be made: tainted canvas');
    expect(imageFailed('no node').text).toBe('The image could not be made: no node');
  });

  test('the same message twice is numbered apart', () => {
    const a = numbered(copied('fetch()', true, true));
    const b = numbered(copied('fetch()', true, true));
    expect(b.text).toBe(a.text);
    expect(b.seq).toBeGreaterThan(a.seq);
  });
});
