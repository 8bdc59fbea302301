/**
 * A use: one request the page made to a target, as the server's policy must answer it. The policy is derived
 * from uses only (which origins, which methods, which headers, with or without credentials, on which paths), so
 * it can never allow something no request showed.
 */
import { isSafelistedMethod } from '../cors';
import type { AnalysedExchange } from '../har';
import { usedCredentials } from './select';
import type { PreflightAsk, Walk } from './walk';

export interface Use {
  readonly exchange: number;
  readonly hop: number;
  readonly target: string;
  readonly path: string;
  /** The method the request was sent with. */
  readonly method: string;
  /** The Origin the request carried. */
  readonly origin: string;
  readonly preflight: PreflightAsk | null;
  readonly credentials: boolean;
  /** Header names of the response the page could read (the last hop's, not a redirect), for Expose-Headers. */
  readonly responseHeaders: readonly string[];
}

/** The method a preflight must allow by name, or null when the use needs none (no preflight, or safelisted). */
export function privilegedMethod(u: Use): string | null {
  return u.preflight !== null && !isSafelistedMethod(u.preflight.method) ? u.preflight.method : null;
}

/** Every Origin the server saw for a use: the request's, and its preflight's when that differs (Firefox). */
export function originsOf(u: Use): string[] {
  return u.preflight && u.preflight.origin !== u.origin ? [u.origin, u.preflight.origin] : [u.origin];
}

/** The uses of one exchange: each hop CORS applied to, with the credentials mode the exchange showed. */
export function usesOf(x: AnalysedExchange, w: Walk): Use[] {
  const credentials = usedCredentials(x);
  const lastHop = x.record.hops[x.record.hops.length - 1];
  const readable = lastHop?.response && lastHop.response.redirectUrl === null ? lastHop.response.headers.map((h) => h.name) : [];
  const lastIndex = x.record.hops.length - 1;
  return w.hops
    .filter((h) => h.cors)
    .map((h) => ({
      exchange: x.id,
      hop: h.hop,
      target: h.target,
      path: h.path,
      method: h.method,
      origin: h.origin,
      preflight: h.preflight,
      credentials,
      responseHeaders: h.hop === lastIndex ? readable : [],
    }));
}

/** Appends to the list kept under `key` (a capture can hold tens of thousands of uses: no copying). */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
