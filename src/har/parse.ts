/**
 * Untrusted JSON → entries. A HAR from a bug report may be truncated, hand-edited or from another tool: every
 * field is checked, a bad entry is skipped with a reason naming it, and only input that is not a HAR at all
 * is refused (HarError, one line).
 */
import type { Header } from '../cors';
import type { Entry } from './entry';

export class HarError extends Error {
  override readonly name = 'HarError';
}

export interface SkippedEntry {
  readonly index: number;
  readonly reason: string;
}

export interface ParsedHar {
  readonly entries: Entry[];
  readonly skipped: SkippedEntry[];
  readonly total: number;
  /** The page URLs the HAR names (log.pages[].title), by page id: evidence of the initiator origin. */
  readonly pages: ReadonlyMap<string, string>;
  /** Chrome writes `_error` on every response; without it, "no error" proves nothing. */
  readonly errorsRecorded: boolean;
  /** The browser that made the capture, for reports: log.browser, else a User-Agent; null when neither says. */
  readonly browser?: string | null;
}

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Accepts a HAR file ({log: {entries}}), a bare HAR log ({entries}), or an array of entries (what the DevTools API hands out). */
function entriesOf(doc: Json): { entries: Json[]; pages: Json[]; browser: Json } {
  if (Array.isArray(doc)) return { entries: doc, pages: [], browser: null };
  if (!isObject(doc)) throw new HarError(`not a HAR: expected a JSON object with log.entries, got ${describe(doc)}`);
  const log = isObject(doc.log) ? doc.log : Array.isArray(doc.entries) ? doc : null;
  if (!log) throw new HarError('not a HAR: the JSON object has no "log" object');
  if (!Array.isArray(log.entries)) throw new HarError(`not a HAR: log.entries is ${describe(log.entries)}, expected an array`);
  return { entries: log.entries, pages: Array.isArray(log.pages) ? log.pages : [], browser: log.browser };
}

function describe(v: Json): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

export function parseHarText(text: string): ParsedHar {
  let doc: Json;
  try {
    doc = JSON.parse(text) as Json;
    // Let the text go before the entries are built: for a large capture it is as big as the file.
    text = '';
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new HarError(`not JSON: ${message.split('\n')[0]}`);
  }
  return parseHar(doc);
}

export function parseHar(doc: Json): ParsedHar {
  const { entries: raw, pages: rawPages, browser } = entriesOf(doc);
  const entries: Entry[] = [];
  const skipped: SkippedEntry[] = [];
  let errorsRecorded = false;
  for (let i = 0; i < raw.length; i++) {
    const result = parseEntry(raw[i], i);
    if (typeof result === 'string') skipped.push({ index: i, reason: result });
    else {
      entries.push(result.entry);
      errorsRecorded ||= result.hasErrorField;
    }
  }
  if (raw.length > 0 && entries.length === 0) {
    const first = skipped[0] as SkippedEntry;
    throw new HarError(`not a HAR: no usable entry (entry ${first.index}: ${first.reason})`);
  }
  const pages = new Map<string, string>();
  for (const p of rawPages) {
    if (isObject(p) && typeof p.id === 'string' && typeof p.title === 'string') pages.set(p.id, p.title);
  }
  return { entries, skipped, total: raw.length, pages, errorsRecorded, browser: browserOf(browser, entries) };
}

const UA_BROWSER = /\b(HeadlessChrome|Chrome|Chromium|Firefox|Edg|Version)\/([\d.]+)/;

function browserOf(declared: Json, entries: readonly Entry[]): string | null {
  if (isObject(declared) && typeof declared.name === 'string' && declared.name !== '') {
    return `${declared.name}${typeof declared.version === 'string' && declared.version !== '' ? ` ${declared.version}` : ''}`.slice(0, 80);
  }
  for (const e of entries.slice(0, 50)) {
    const ua = e.requestHeaders.find((h) => h.name.toLowerCase() === 'user-agent')?.value;
    const m = ua ? UA_BROWSER.exec(ua) : null;
    if (m) return `${m[1] === 'Edg' ? 'Edge' : m[1] === 'Version' ? 'Safari' : m[1]} ${m[2]} (from the User-Agent)`;
  }
  return null;
}

/**
 * Header lists are the bulk of a capture. A well-formed list is used as it is (no copy: a 100,000-entry HAR holds
 * millions of header objects); only a list with non-string values is rebuilt.
 */
function headersOf(v: Json, where: string): Header[] | string {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return `${where} is ${describe(v)}, expected an array`;
  let clean = true;
  for (let i = 0; i < v.length; i++) {
    const h = v[i];
    if (!isObject(h) || typeof h.name !== 'string') return `${where}[${i}] has no string "name"`;
    if (typeof h.value !== 'string') clean = false;
  }
  if (clean) return v as Header[];
  return v.map((h: Record<string, Json>) => ({ name: h.name as string, value: typeof h.value === 'string' ? h.value : h.value === undefined || h.value === null ? '' : String(h.value) }));
}

function num(v: Json, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** One raw entry → an Entry at `index`, or the reason it cannot be used. Live capture parses entries one at a time. */
export function parseEntry(e: Json, index: number): { entry: Entry; hasErrorField: boolean } | string {
  if (!isObject(e)) return `is ${describe(e)}, not an object`;
  const req = e.request;
  const res = e.response;
  if (!isObject(req)) return `request is ${describe(req)}, expected an object`;
  if (typeof req.url !== 'string' || req.url === '') return 'request.url is missing or not a string';
  if (typeof req.method !== 'string' || req.method === '') return 'request.method is missing or not a string';
  if (res !== undefined && !isObject(res)) return `response is ${describe(res)}, expected an object`;
  const requestHeaders = headersOf(req.headers, 'request.headers');
  if (typeof requestHeaders === 'string') return requestHeaders;
  const response = (res ?? {}) as Record<string, Json>;
  const responseHeaders = headersOf(response.headers, 'response.headers');
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
      method: req.method,
      requestHeaders,
      status: num(response.status, 0),
      responseHeaders,
      redirectUrl: redirect,
      error: typeof response._error === 'string' && response._error !== '' ? response._error : null,
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
