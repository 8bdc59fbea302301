/**
 * Request methods. Fetch upper-cases only six well-known methods; any other method is sent exactly as the page
 * wrote it, and Access-Control-Allow-Methods is matched case-sensitively. So `fetch(url, {method: 'patch'})` sends
 * `patch`, which `Access-Control-Allow-Methods: PATCH` does not allow (seen in Chromium 156).
 */

const NORMALISED = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

/** Fetch's "normalize a method". */
export function normaliseMethod(method: string): string {
  const upper = method.toUpperCase();
  return NORMALISED.has(upper) ? upper : method;
}

const SAFELISTED = new Set(['GET', 'HEAD', 'POST']);

/** A CORS-safelisted method needs no preflight. Compared case-sensitively, after normalisation. */
export function isSafelistedMethod(method: string): boolean {
  return SAFELISTED.has(method);
}
