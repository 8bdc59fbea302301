/**
 * One raw HAR entry, untrusted JSON, → an Entry, or the reason it cannot be used. Every field is checked. What
 * depends on who wrote the file (which field holds the browser's failure, whether a header repeated in another
 * letter case is one header) is applied last, so an entry read before the file names its producer (some tools
 * write `creator` after the entries) is finished once it does.
 */
import type { HeaderList } from '../cors';
import type { Entry } from './entry';
import { headerList, mergeCaseVariants } from './header-list';
import { describeJson as describe, isObject, type Json } from './json';
import type { ProducerFacts } from './producer';

const LOCAL_URL = /^(data|blob):/i;

/** What parsing an entry needs to know of its producer. */
export interface EntryOptions {
  readonly rawHeaders: boolean;
  readonly failureField: ProducerFacts['failureField'];
}

/** Chrome DevTools' entries: the live capture's. */
const CHROME_ENTRIES: EntryOptions = { rawHeaders: true, failureField: '_error' };

/**
 * The failure the browser recorded, in the producer's own field: Chrome's `_error`, Playwright's `_failureText`.
 * Other producers' errors are not the browser's CORS decision (mitmproxy's is its own connection error, Safari's
 * is prose), so they are not read as one.
 */
export function failureOf(response: Record<string, Json>, field: ProducerFacts['failureField']): string | null {
  const text = field === null ? null : response[field];
  return typeof text === 'string' && text !== '' ? text : null;
}

function num(v: Json, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** One raw entry → an Entry at `index`, or the reason it cannot be used. Live capture parses entries one at a time. */
export function parseEntry(e: Json, index: number, options: EntryOptions = CHROME_ENTRIES): { entry: Entry; hasErrorField: boolean } | string {
  if (!isObject(e)) return `is ${describe(e)}, not an object`;
  const req = e.request;
  const res = e.response;
  if (!isObject(req)) return `request is ${describe(req)}, expected an object`;
  if (typeof req.url !== 'string' || req.url === '') return 'request.url is missing or not a string';
  // A data: or blob: URL is read locally, and some producers leave its method empty: it is a GET.
  const method = typeof req.method === 'string' && req.method !== '' ? req.method : LOCAL_URL.test(req.url) ? 'GET' : null;
  if (method === null) return 'request.method is missing or not a string';
  if (res !== undefined && !isObject(res)) return `response is ${describe(res)}, expected an object`;
  const requestHeaders = headerList(req.headers, 'request.headers', options.rawHeaders);
  if (typeof requestHeaders === 'string') return requestHeaders;
  const response = (res ?? {}) as Record<string, Json>;
  const responseHeaders = headerList(response.headers, 'response.headers', options.rawHeaders);
  if (typeof responseHeaders === 'string') return responseHeaders;
  if (response.status !== undefined && typeof response.status !== 'number') return `response.status is ${describe(response.status)}, expected a number`;

  const startText = e.startedDateTime;
  const start = typeof startText === 'string' ? Date.parse(startText) : NaN;
  // Without a start time the entry still has a verdict; it just cannot be ordered against others.
  const startMs = Number.isFinite(start) ? start : 0;
  const time = Math.max(0, num(e.time, 0));
  const timings = isObject(e.timings) ? e.timings : {};
  const beforeSend = Math.max(0, num(timings.blocked, 0)) + Math.max(0, num(timings.dns, 0)) + Math.max(0, num(timings.connect, 0));
  const initiator = isObject(e._initiator) ? e._initiator : {};
  // Chrome copies the raw Location header into redirectURL, so it is often relative (`/items/`): resolve it
  // against the request URL as the browser did.
  const redirect = typeof response.redirectURL === 'string' && response.redirectURL !== '' ? resolveUrl(response.redirectURL, req.url) : null;
  const post = isObject(req.postData) ? req.postData : null;
  const hasErrorField = '_error' in response;

  return {
    hasErrorField,
    entry: {
      index,
      url: req.url,
      method,
      requestHeaders,
      // Playwright writes -1 for "no response".
      status: Math.max(0, num(response.status, 0)),
      responseHeaders,
      redirectUrl: redirect,
      error: failureOf(response, options.failureField),
      start: startMs,
      end: startMs + time,
      sent: startMs + beforeSend,
      resourceType: typeof e._resourceType === 'string' ? e._resourceType : '',
      initiatorType: typeof initiator.type === 'string' ? initiator.type : '',
      initiatorUrl: typeof initiator.url === 'string' ? initiator.url : firstFrameUrl(initiator),
      pageref: typeof e.pageref === 'string' ? e.pageref : null,
      postData: post ? { mimeType: typeof post.mimeType === 'string' ? post.mimeType : '', text: typeof post.text === 'string' ? post.text : '' } : null,
    },
  };
}

function resolveUrl(location: string, base: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

function firstFrameUrl(initiator: Record<string, Json>): string | null {
  const stack = initiator.stack;
  if (!isObject(stack) || !Array.isArray(stack.callFrames)) return null;
  const frame = stack.callFrames[0];
  return isObject(frame) && typeof frame.url === 'string' && frame.url !== '' ? frame.url : null;
}

/** The failure fields of every producer, read before the file says which one counts. */
export interface Failures {
  readonly error: string | null;
  readonly failureText: string | null;
}

/** An entry read with no producer's options yet: every header line kept, no failure read. */
export interface PendingEntry {
  readonly entry: Entry;
  readonly failures: Failures;
}

const UNDECIDED: EntryOptions = { rawHeaders: true, failureField: null };
const NO_FAILURES: Failures = Object.freeze({ error: null, failureText: null });

/** `parseEntry` before the producer is known: `finishEntry` applies its options. */
export function readPending(e: Json, index: number): { pending: PendingEntry; hasErrorField: boolean } | string {
  const result = parseEntry(e, index, UNDECIDED);
  if (typeof result === 'string') return result;
  const response = isObject(e) && isObject(e.response) ? e.response : null;
  const error = response ? failureOf(response, '_error') : null;
  const failureText = response ? failureOf(response, '_failureText') : null;
  const failures = error === null && failureText === null ? NO_FAILURES : { error, failureText };
  return { pending: { entry: result.entry, failures }, hasErrorField: result.hasErrorField };
}

/** The Entry `parseEntry` would have made with the producer's options. */
export function finishEntry(p: PendingEntry, options: EntryOptions): Entry {
  const e = p.entry;
  const error = options.failureField === '_error' ? p.failures.error : options.failureField === '_failureText' ? p.failures.failureText : null;
  const requestHeaders: HeaderList = options.rawHeaders ? e.requestHeaders : mergeCaseVariants(e.requestHeaders);
  const responseHeaders: HeaderList = options.rawHeaders ? e.responseHeaders : mergeCaseVariants(e.responseHeaders);
  if (error === e.error && requestHeaders === e.requestHeaders && responseHeaders === e.responseHeaders) return e;
  // Written out, not spread, so every Entry keeps one object shape.
  return {
    index: e.index,
    url: e.url,
    method: e.method,
    requestHeaders,
    status: e.status,
    responseHeaders,
    redirectUrl: e.redirectUrl,
    error,
    start: e.start,
    end: e.end,
    sent: e.sent,
    resourceType: e.resourceType,
    initiatorType: e.initiatorType,
    initiatorUrl: e.initiatorUrl,
    pageref: e.pageref,
    postData: e.postData,
  };
}
