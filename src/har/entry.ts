/**
 * A HAR entry reduced to what CORS analysis reads, with names and shapes normalised once so the rest of the
 * layer never touches raw, untrusted JSON again.
 */
import { hasHeader, type HeaderList, headerValue } from '../cors';
import { hasResponse } from '../http';

export interface Entry {
  /** Position in `log.entries`: the index the CLI and JSON output report. */
  readonly index: number;
  readonly url: string;
  readonly method: string;
  readonly requestHeaders: HeaderList;
  readonly status: number;
  readonly responseHeaders: HeaderList;
  /** Location the response redirected to ('' in the HAR becomes null). */
  readonly redirectUrl: string | null;
  /** Chrome's `_error` (net::ERR_FAILED for a CORS failure), or null. */
  readonly error: string | null;
  /** startedDateTime in ms since the epoch. */
  readonly start: number;
  /** start + total time, in ms. */
  readonly end: number;
  /** When the request was handed to the network (start + blocked + dns + connect): after its preflight ended. */
  readonly sent: number;
  readonly resourceType: string;
  readonly initiatorType: string;
  /** The initiator's URL: for a preflight, the URL of the request it guards. */
  readonly initiatorUrl: string | null;
  /** The page the entry belongs to (`pageref`). */
  readonly pageref: string | null;
  /** Request body, kept for exports. */
  readonly postData: PostData | null;
}

/** A request body as the HAR holds it: text (Chrome stores binary bodies as text too, or leaves them out). */
export interface PostData {
  readonly mimeType: string;
  readonly text: string;
  /** Set when `text` is only the start of the body (the live panel cuts large ones): the body's whole length. */
  readonly fullLength?: number;
}

/** The request that loaded a worker's script: the browser marks it with its destination. */
export function isWorkerScript(e: Entry): boolean {
  const dest = headerValue(e.requestHeaders, 'sec-fetch-dest');
  return dest === 'worker' || dest === 'sharedworker' || dest === 'serviceworker';
}

/** A preflight by Chrome's own marking, or by shape for captures from elsewhere. */
export function isPreflight(e: Entry): boolean {
  if (e.resourceType === 'preflight' || e.initiatorType === 'preflight') return true;
  return e.method === 'OPTIONS' && hasHeader(e.requestHeaders, 'access-control-request-method') && hasHeader(e.requestHeaders, 'origin');
}

/**
 * Chrome records only "provisional" request headers (those the page set) for a request that never reached the
 * network: status 0, no response headers. For a CORS request that means its preflight failed.
 */
export function isProvisional(e: Entry): boolean {
  return !hasResponse(e);
}

/** Request headers as they went on the wire: such a request always names its host (Host, or :authority on HTTP/2). */
export function namesItsHost(requestHeaders: HeaderList): boolean {
  return hasHeader(requestHeaders, 'host') || hasHeader(requestHeaders, ':authority');
}

/**
 * The request headers are Chrome's provisional ones although a response is there: a response served from the
 * HTTP cache.
 */
export function hasProvisionalRequestHeaders(e: Entry): boolean {
  return !namesItsHost(e.requestHeaders);
}
