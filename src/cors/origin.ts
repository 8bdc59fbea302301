/**
 * Origins as strings in their serialised form ("http://127.0.0.1:8001", or "null" for an opaque origin),
 * because that is what the `Origin` and `Access-Control-Allow-Origin` headers carry and what Chrome compares.
 */

export const OPAQUE_ORIGIN = 'null';

/** The serialised origin of a URL, or "null" for URLs that have no tuple origin (data:, file:, garbage). */
export function originOf(url: string): string {
  // A capture names few origins but many URLs: remember each scheme://authority prefix's origin.
  const prefix = PREFIX.exec(url)?.[0];
  if (prefix === undefined) return parseOrigin(url);
  let origin = ORIGIN_CACHE.get(prefix);
  if (origin === undefined) {
    origin = parseOrigin(url);
    if (ORIGIN_CACHE.size > 10_000) ORIGIN_CACHE.clear();
    ORIGIN_CACHE.set(prefix, origin);
  }
  return origin;
}

/** scheme://authority of a plain http(s) URL; anything unusual (userinfo, backslashes) takes the full parser. */
const PREFIX = /^https?:\/\/[A-Za-z0-9.\-\[\]:]+(?=[/?#]|$)/;
const ORIGIN_CACHE = new Map<string, string>();

function parseOrigin(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return OPAQUE_ORIGIN;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return OPAQUE_ORIGIN;
  return parsed.origin;
}

/** Opaque origins are never same-origin with anything, not even with another "null". */
export function sameOrigin(a: string, b: string): boolean {
  return a !== OPAQUE_ORIGIN && a === b;
}

/** Chromium's CORS-enabled schemes for a cross-origin request (url::GetCorsEnabledSchemes for the web). */
export function isCorsEnabledScheme(url: string): boolean {
  return /^https?:/i.test(url);
}

/** True when the URL carries `user:pass@`, which a cross-origin redirect may not (RedirectContainsCredentials). */
export function urlHasCredentials(url: string): boolean {
  try {
    const u = new URL(url);
    return u.username !== '' || u.password !== '';
  } catch {
    return false;
  }
}

/** GURL-style validity: Chrome reports an unparsable Access-Control-Allow-Origin as InvalidAllowOriginValue. */
export function isValidUrl(value: string): boolean {
  if (value === '') return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
