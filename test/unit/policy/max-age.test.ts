/** Max-Age: one value with its reason, and each browser's cap read from the browser profiles. */
import { describe, expect, it } from 'vitest';
import { BROWSERS } from '../../../src/cors';
import { maxAgeCaps, maxAgeNote, POLICY_MAX_AGE } from '../../../src/policy/max-age';

describe('max-age', () => {
  it('is below every browser cap, so no browser shortens it', () => {
    for (const b of Object.values(BROWSERS)) expect(POLICY_MAX_AGE).toBeLessThanOrEqual(b.maxAgeCap);
  });
  it('names each browser cap', () => {
    expect(maxAgeCaps()).toEqual([
      { browser: 'Chrome', seconds: 7200 },
      { browser: 'Firefox', seconds: 86400 },
    ]);
    expect(maxAgeNote().text).toContain('Chrome at 7200 s (2 hours), Firefox at 86400 s (24 hours)');
    expect(maxAgeNote().text).toContain('600 (10 minutes)');
  });
});
