/**
 * What the HAR does not record, inferred from what it does: the page's origin, the request mode, the
 * credentials mode, and which headers the page itself set. Each function says which evidence it prefers.
 */
import {
  type CredentialsEvidence,
  type Header,
  type HeaderList,
  headerValue,
  isForbiddenRequestHeader,
  nameIs,
  originOf,
  type RequestMode,
  sameOrigin,
} from '../cors';
import { type Entry, hasProvisionalRequestHeaders, isProvisional } from './entry';

/**
 * The origin of the page that made the request. Preferred evidence, in order: the Origin the preflight or the
 * request sent (exactly what Chrome checked against), the Referer (the page's URL, which the provisional
 * headers of a blocked request still carry; Sec-Fetch-Site: same-origin before it), the page the HAR files the entry under, and last the script that
 * made the call (a script served from a CDN runs with the page's origin, so this is the weakest).
 */
export function initiatorOrigin(first: Entry, preflight: Entry | null, pages: ReadonlyMap<string, string>): string | null {
  const fromPreflight = preflight ? headerValue(preflight.requestHeaders, 'origin') : null;
  if (fromPreflight !== null && fromPreflight !== '') return fromPreflight;
  const sent = headerValue(first.requestHeaders, 'origin');
  if (sent !== null && sent !== '') return sent;
  // Sec-Fetch-Site: same-origin says the page shares the request's origin.
  if (headerValue(first.requestHeaders, 'sec-fetch-site') === 'same-origin') {
    const o = originOf(first.url);
    if (o !== 'null') return o;
  }
  const referer = headerValue(first.requestHeaders, 'referer');
  if (referer) {
    const o = originOf(referer);
    if (o !== 'null') return o;
  }
  const page = first.pageref ? pages.get(first.pageref) : undefined;
  if (page) {
    const o = originOf(page);
    if (o !== 'null') return o;
  }
  if (first.initiatorUrl) {
    const o = originOf(first.initiatorUrl);
    if (o !== 'null') return o;
  }
  return null;
}

const MODES: Readonly<Record<string, RequestMode>> = {
  cors: 'cors',
  'no-cors': 'no-cors',
  'same-origin': 'same-origin',
  navigate: 'navigate',
  websocket: 'no-cors',
};

/** Resource types that are always fetched in CORS mode when cross-origin. */
const CORS_TYPES = new Set(['fetch', 'xhr', 'eventsource', 'font']);

/**
 * Sec-Fetch-Mode says it outright when the capture has the full headers. Otherwise: a preflight proves CORS
 * mode; an Origin header on a cross-origin request does too; for a blocked request with provisional headers,
 * the resource type is the remaining evidence (fetch and XHR default to CORS mode).
 */
export function requestMode(first: Entry, hasPreflight: boolean, origin: string | null): RequestMode {
  const declared = headerValue(first.requestHeaders, 'sec-fetch-mode');
  if (declared !== null && MODES[declared]) return MODES[declared] as RequestMode;
  if (hasPreflight) return 'cors';
  if (first.resourceType === 'document' || first.resourceType === 'iframe') return 'navigate';
  const sentOrigin = headerValue(first.requestHeaders, 'origin');
  const crossOrigin = origin === null || !sameOrigin(origin, originOf(first.url));
  if (sentOrigin !== null && crossOrigin) return 'cors';
  // A CORS request always carries Origin once it reaches the network: a full cross-origin capture without one
  // was no-cors. Only provisional headers (blocked before the network, or served from the HTTP cache) say nothing.
  if (crossOrigin && !isProvisional(first) && !hasProvisionalRequestHeaders(first)) return 'no-cors';
  return CORS_TYPES.has(first.resourceType) || first.resourceType === '' ? 'cors' : 'no-cors';
}

/**
 * A Cookie on a cross-origin hop proves credentials mode `include`. Nothing in a HAR proves `omit`: a request
 * without cookies may still have been made with `include`.
 */
export function credentialsEvidence(hops: readonly Entry[], origin: string | null): CredentialsEvidence {
  for (const h of hops) {
    if (origin !== null && sameOrigin(origin, originOf(h.url))) continue;
    if (headerValue(h.requestHeaders, 'cookie') !== null) return 'include';
  }
  return 'unknown';
}

/**
 * Headers the network stack adds on its own, which never cause a preflight. `Cache-Control`/`Pragma: no-cache`
 * come from DevTools' "Disable cache" (a page that sets them itself still shows in the preflight's
 * Access-Control-Request-Headers, which the engine prefers when there is one).
 */
function addedByBrowser(h: Header, revalidation: boolean): boolean {
  // `priority` comes with HTTP/2 and HTTP/3; `X-Client-Data` is what branded Chrome adds for Google's own hosts.
  if (nameIs(h.name, 'priority') || nameIs(h.name, 'x-client-data')) return true;
  // The HTTP cache adds its validators to a revalidation; Chromium exempts them from the preflight (is_revalidating).
  if (revalidation && (nameIs(h.name, 'if-none-match') || nameIs(h.name, 'if-modified-since') || nameIs(h.name, 'cache-control'))) return true;
  return (nameIs(h.name, 'cache-control') || nameIs(h.name, 'pragma')) && h.value.trim().toLowerCase() === 'no-cache';
}

/** The headers the page set: the request's headers less pseudo-headers, forbidden ones and browser-added ones. */
export function authorHeaders(first: Entry): HeaderList {
  const revalidation = first.status === 304;
  return first.requestHeaders.filter((h) => !h.name.startsWith(':') && !isForbiddenRequestHeader(h.name, h.value) && !addedByBrowser(h, revalidation));
}
