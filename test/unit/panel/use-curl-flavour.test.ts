import { describe, expect, test } from 'vitest';
import { flavourOf } from '../../../panel/use-curl-flavour';

describe('remembered curl flavour', () => {
  test.each(['bash', 'cmd', 'powershell'] as const)('%s is read back as it was stored', (v) => {
    expect(flavourOf(v)).toBe(v);
  });

  test.each([null, '', 'zsh', 'Bash', 'curl-cmd'])('%j falls back to bash', (v) => {
    expect(flavourOf(v)).toBe('bash');
  });
});
