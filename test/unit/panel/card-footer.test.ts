import { describe, expect, test } from 'vitest';
import { cardFooter } from '../../../panel/card-footer';

describe('card footer', () => {
  test('tool, browser and redaction, dot-separated', () => {
    expect(cardFooter({ tool: 'CORS Lens 0.1.0', browser: 'Chromium 156.0.1.2' }, true)).toBe('CORS Lens 0.1.0 · Chromium 156.0.1.2 · secrets redacted');
    expect(cardFooter({ tool: 'CORS Lens 0.1.0', browser: 'Chromium 156.0.1.2' }, false)).toBe('CORS Lens 0.1.0 · Chromium 156.0.1.2 · not redacted');
  });

  test('an unknown browser is left out, not shown as empty', () => {
    expect(cardFooter({ tool: 'CORS Lens dev', browser: null }, true)).toBe('CORS Lens dev · secrets redacted');
  });
});
