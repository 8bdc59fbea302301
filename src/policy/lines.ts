/**
 * The CORS lines a policy sends, for a request from one origin. The same function writes the contract's
 * `preflightResponse` / `actualResponse` (with REQUEST_ORIGIN standing for the request's Origin) and the
 * answers the proof replays (with the origin each request carried), so what is shown is what was checked.
 * A request from an origin outside the list gets no CORS line, only `Vary: Origin`: the answer still depends
 * on Origin, and a shared cache must not hand one origin's answer to another.
 */
import type { Header } from '../cors';
import { REQUEST_ORIGIN } from './types';

export interface PolicyShape {
  readonly origins: readonly string[];
  readonly methods: readonly string[];
  readonly requestHeaders: readonly string[];
  readonly credentials: boolean;
  readonly maxAge: number | null;
}

const VARY: Header = { name: 'Vary', value: 'Origin' };

function originLines(p: PolicyShape, origin: string): Header[] | null {
  if (origin !== REQUEST_ORIGIN && !p.origins.includes(origin)) return null;
  const lines: Header[] = [{ name: 'Access-Control-Allow-Origin', value: origin }];
  if (p.credentials) lines.push({ name: 'Access-Control-Allow-Credentials', value: 'true' });
  return lines;
}

/** Every response but a preflight's: redirects and errors included. */
export function actualLines(p: PolicyShape, origin: string): Header[] {
  return [...(originLines(p, origin) ?? []), VARY];
}

export function preflightLines(p: PolicyShape, origin: string): Header[] {
  const lines = originLines(p, origin);
  if (lines === null) return [VARY];
  if (p.methods.length > 0) lines.push({ name: 'Access-Control-Allow-Methods', value: p.methods.join(', ') });
  if (p.requestHeaders.length > 0) lines.push({ name: 'Access-Control-Allow-Headers', value: p.requestHeaders.join(', ') });
  if (p.maxAge !== null) lines.push({ name: 'Access-Control-Max-Age', value: String(p.maxAge) });
  return [...lines, VARY];
}
