/**
 * How long browsers may keep a preflight answer: the value CORS Lens suggests everywhere (src/http/max-age.ts),
 * since a longer one saves little and keeps a revoked permission alive longer. Each browser also caps the value
 * whatever the server says (src/cors/browser.ts), and the note names the caps.
 */
import { type Browser, BROWSERS } from '../cors';
import { SUGGESTED_MAX_AGE } from '../http';
import type { MaxAgeCap, PolicyNote } from './types';

export const POLICY_MAX_AGE = SUGGESTED_MAX_AGE;

export function maxAgeCaps(): MaxAgeCap[] {
  return (Object.keys(BROWSERS) as Browser[]).map((b) => ({ browser: BROWSERS[b].name, seconds: BROWSERS[b].maxAgeCap }));
}

function duration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} ${seconds === 3600 ? 'hour' : 'hours'}`;
  return `${seconds / 60} minutes`;
}

export function maxAgeNote(): PolicyNote {
  const caps = maxAgeCaps().map((c) => `${c.browser} at ${c.seconds} s (${duration(c.seconds)})`);
  return {
    key: 'max-age',
    text:
      `Access-Control-Max-Age: ${POLICY_MAX_AGE} (${duration(POLICY_MAX_AGE)}): a browser sends at most one preflight per URL and method in that ` +
      `time, and a change to this policy (an origin or a method removed) reaches every browser within it. ` +
      `Browsers cut a larger value to their cap: ${caps.join(', ')}. Without the header they keep the answer 5 seconds.`,
  };
}
