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
import type { NotCorsReason } from './not-cors';
import type { ProducerFacts } from './producer';

/**
 * The origin of the page that made the request. Preferred evidence, in order: the Origin the preflight or the
 * request sent (exactly what Chrome checked against), the Referer (the page's URL, which the provisional
 * headers of a blocked request still carry; Sec-Fetch-Site: same-origin before it), the page the HAR files the entry under, and last the script that
 * made the call (a script served from a CDN runs with the page's origin, so this is the weakest).
 */
export function initiatorOrigin(first: Entry, preflight: Entry | null, pages: ReadonlyMap<string, string>): string | null {
  const fromPreflight = preflight ? headerValue(preflight.requestHeaders, 'origin') : null;
  if (fromPreflight !== null && fromPreflight !== '') return fromPreflight;
  const own = originFromHeaders(first);
  if (own !== null) return own;
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

/**
 * The page's origin as the request's own headers show it: Origin, then Sec-Fetch-Site: same-origin (the page
 * shares the request's origin), then the Referer. Null when they do not say; the rest of the capture may.
 */
export function originFromHeaders(first: Entry): string | null {
  const sent = headerValue(first.requestHeaders, 'origin');
  if (sent !== null && sent !== '') return sent;
  if (headerValue(first.requestHeaders, 'sec-fetch-site') === 'same-origin') {
    const o = originOf(first.url);
    if (o !== 'null') return o;
  }
  const referer = headerValue(first.requestHeaders, 'referer');
  if (referer) {
    const o = originOf(referer);
    if (o !== 'null') return o;
  }
  return null;
}

/** Sec-Fetch-Mode, when the capture has it, names the mode outright. */
const MODES: Readonly<Record<string, RequestMode>> = {
  cors: 'cors',
  'no-cors': 'no-cors',
  'same-origin': 'same-origin',
  navigate: 'navigate',
  websocket: 'no-cors',
};

/** Resource types that are always fetched in CORS mode when cross-origin. */
const CORS_TYPES = new Set(['fetch', 'xhr', 'eventsource', 'font', 'preflight']);
/** Resource types loaded in no-cors mode unless the element asked for CORS (crossorigin: then Origin is sent). */
const NO_CORS_TYPES = new Set(['script', 'image', 'stylesheet', 'media', 'texttrack', 'manifest', 'ping', 'other', 'prefetch', 'signedexchange', 'csp-violation-report']);
const NAVIGATION_TYPES = new Set(['document', 'iframe', 'frame']);

/**
 * Every browser's User-Agent starts with Mozilla/. A request through a proxy with any other User-Agent (curl, an
 * HTTP library, an API tool, an app's HTTP stack such as `MyApp/3.2 CFNetwork/...`) came from a client that does
 * no CORS at all. A deny-list of such clients can never be complete; the browsers' own signature can.
 */
export function notFromBrowser(e: Entry): boolean {
  const ua = headerValue(e.requestHeaders, 'user-agent');
  return ua !== null && !/^Mozilla\//.test(ua);
}

export interface ModeEvidence {
  readonly mode: RequestMode;
  /** Why the request is not CORS; null for a CORS-mode request. */
  readonly notCors: NotCorsReason | null;
  /**
   * CORS mode rests only on an Origin header that a no-cors request sends too (every POST carries one: a beacon,
   * a form, fetch with mode: 'no-cors'): without the browser's own decision, a failing check proves nothing.
   */
  readonly weak?: true;
}

const CORS: ModeEvidence = { mode: 'cors', notCors: null };
const WEAK_CORS: ModeEvidence = { mode: 'cors', notCors: null, weak: true };
const not = (mode: RequestMode, notCors: NotCorsReason): ModeEvidence => ({ mode, notCors });

function isWebSocket(e: Entry): boolean {
  if (/^wss?:/i.test(e.url)) return true;
  const upgrade = headerValue(e.requestHeaders, 'upgrade') ?? headerValue(e.responseHeaders, 'upgrade');
  return upgrade !== null && upgrade.toLowerCase() === 'websocket';
}

/**
 * A form submission: a navigation whose POST carries Origin. Told apart from fetch() by what only a navigation
 * sends together (Accept: text/html and Upgrade-Insecure-Requests), and never when the capture says the page
 * made it (a fetch or XHR resource type) or the browser failed it as a CORS request.
 */
function isFormPost(e: Entry): boolean {
  if (e.method !== 'POST' || e.error === 'net::ERR_FAILED') return false;
  if (e.resourceType !== '' && !NAVIGATION_TYPES.has(e.resourceType)) return false;
  const accept = headerValue(e.requestHeaders, 'accept') ?? '';
  return /^text\/html/i.test(accept) && headerValue(e.requestHeaders, 'upgrade-insecure-requests') !== null;
}

/** Resource types that are CORS mode whenever cross-origin: a capture of one without Origin is missing headers. */
const ALWAYS_CORS_TYPES = new Set(['xhr', 'eventsource', 'font', 'preflight']);

/**
 * The request mode, and only on evidence: Sec-Fetch-Mode says it outright; a WebSocket, a data: URL, a
 * navigation or a tool that is not a browser is never CORS; a paired preflight proves CORS mode, and so does an
 * Origin on a cross-origin request. A cross-origin request whose headers went on the wire without Origin was
 * no-cors. Only a request Chrome recorded with the page's own headers (never sent, or from the HTTP cache) says
 * nothing by its headers: its resource type decides.
 */
export function requestMode(first: Entry, hasPreflight: boolean, origin: string | null, producer: ProducerFacts): ModeEvidence {
  if (isWebSocket(first)) return not('no-cors', 'websocket');
  if (/^(data|blob|about):/i.test(first.url)) return not('no-cors', 'local-url');
  const declared = headerValue(first.requestHeaders, 'sec-fetch-mode');
  if (declared !== null && MODES[declared]) {
    const mode = MODES[declared] as RequestMode;
    if (mode === 'cors' || mode === 'same-origin') return { mode, notCors: null };
    if (mode === 'navigate') return not(mode, isFormPost(first) ? 'form-post' : 'navigation');
    return not(mode, declared === 'websocket' ? 'websocket' : NO_CORS_TYPES.has(first.resourceType) ? 'no-cors-load' : 'no-cors-request');
  }
  if (producer.seesNonBrowserClients && notFromBrowser(first)) return not('no-cors', 'non-browser-client');
  if (hasPreflight) return CORS;
  if (NAVIGATION_TYPES.has(first.resourceType)) return not('navigate', isFormPost(first) ? 'form-post' : 'navigation');
  if (isFormPost(first)) return not('navigate', 'form-post');
  const sentOrigin = headerValue(first.requestHeaders, 'origin');
  const crossOrigin = origin === null || !sameOrigin(origin, originOf(first.url));
  if (sentOrigin !== null && crossOrigin) return first.method === 'POST' && !CORS_TYPES.has(first.resourceType) ? WEAK_CORS : CORS;
  // Chrome's DevTools records only the page's own headers for a request that never reached the network (or came
  // from the HTTP cache): no Origin there proves nothing, and the resource type is the remaining evidence.
  const pageSetOnly = producer.provisionalHeaders && (isProvisional(first) || hasProvisionalRequestHeaders(first));
  if (!pageSetOnly && crossOrigin) {
    // On the wire without Origin: no-cors, unless the browser failed it as CORS or it can only be CORS (an XHR):
    // then the capture lacks headers, and the checks and the browser's record decide.
    if (first.error === 'net::ERR_FAILED' || ALWAYS_CORS_TYPES.has(first.resourceType)) return CORS;
    return not('no-cors', NO_CORS_TYPES.has(first.resourceType) ? 'no-cors-load' : 'no-cors-request');
  }
  if (!pageSetOnly) return CORS;
  if (CORS_TYPES.has(first.resourceType)) return CORS;
  return not('no-cors', first.resourceType === '' ? 'no-evidence' : 'no-cors-load');
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
function addedByBrowser(h: Header, revalidation: boolean, eventSource: boolean): boolean {
  // An EventSource adds Last-Event-ID itself when it reconnects, without a preflight (seen in Chromium 156).
  if (eventSource && nameIs(h.name, 'last-event-id')) return true;
  // `priority` comes with HTTP/2 and HTTP/3; `X-Client-Data` is what branded Chrome adds for Google's own hosts.
  if (nameIs(h.name, 'priority') || nameIs(h.name, 'x-client-data')) return true;
  // The HTTP cache adds its validators to a revalidation; Chromium exempts them from the preflight (is_revalidating).
  if (revalidation && (nameIs(h.name, 'if-none-match') || nameIs(h.name, 'if-modified-since') || nameIs(h.name, 'cache-control'))) return true;
  return (nameIs(h.name, 'cache-control') || nameIs(h.name, 'pragma')) && h.value.trim().toLowerCase() === 'no-cache';
}

/** The headers the page set: the request's headers less pseudo-headers, forbidden ones and browser-added ones. */
export function authorHeaders(first: Entry): HeaderList {
  const revalidation = first.status === 304;
  const eventSource = first.resourceType === 'eventsource';
  return first.requestHeaders.filter((h) => !h.name.startsWith(':') && !isForbiddenRequestHeader(h.name, h.value) && !addedByBrowser(h, revalidation, eventSource));
}
