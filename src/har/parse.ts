/**
 * Untrusted JSON → entries. A HAR from a bug report may be truncated, hand-edited or from another tool: every
 * field is checked, a bad entry is skipped with a reason naming it, and only input that is not a HAR at all
 * is refused (HarError, one line).
 */
import { type Entry, isWorkerScript } from './entry';
import { headerList } from './header-list';
import { type Producer, type ProducerFacts, PRODUCERS, producerOf } from './producer';
import { foldSanitized, type Sanitized, sanitizeEvidence } from './sanitized';
import { isObject, type Json } from './json';

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
  /** URLs of the scripts that started workers: a request a worker made names one as its initiator. */
  readonly workerScripts?: ReadonlySet<string>;
  /** The file files its entries under pages (`pageref`): then one filed under none came from elsewhere. Live entries have none. */
  readonly pagerefs?: boolean;
  /** The producer records the browser's decision and wrote `_error`; otherwise "no error" proves nothing. */
  readonly errorsRecorded: boolean;
  /** Who wrote the file, and what it can show. */
  readonly producer: Producer;
  /** Whether Cookie, Authorization and Set-Cookie were removed on export ('no' when the producer never does). */
  readonly sanitized: Sanitized;
  /** The browser that made the capture, for reports: log.browser, else a User-Agent; null when neither says. */
  readonly browser?: string | null;
}


/** Accepts a HAR file ({log: {entries}}), a bare HAR log ({entries}), or an array of entries (what the DevTools API hands out). */
function entriesOf(doc: Json): { entries: Json[]; pages: Json[]; browser: Json; creator: Json } {
  if (Array.isArray(doc)) return { entries: doc, pages: [], browser: null, creator: null };
  if (!isObject(doc)) throw new HarError(`not a HAR: expected a JSON object with log.entries, got ${describe(doc)}`);
  const log = isObject(doc.log) ? doc.log : Array.isArray(doc.entries) ? doc : null;
  if (!log) throw new HarError('not a HAR: the JSON object has no "log" object');
  if (!Array.isArray(log.entries)) throw new HarError(`not a HAR: log.entries is ${describe(log.entries)}, expected an array`);
  return { entries: log.entries, pages: Array.isArray(log.pages) ? log.pages : [], browser: log.browser, creator: log.creator };
}

function describe(v: Json): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** `name(` at the start of a JSONP file, the name a JavaScript identifier. */
const JSONP = /^\s*[A-Za-z_$][\w$.]*\s*\(\s*(?=[{[])/;

/**
 * The JSON inside the text as users hand it over: Fiddler and mitmproxy start their files with a UTF-8 byte-order
 * mark, and HAR Viewer's "HARP" form wraps the document in a JSONP call, `onInputData({...});`.
 */
export function harJsonText(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const jsonp = JSONP.exec(body.slice(0, 200));
  if (!jsonp) return body;
  const end = body.lastIndexOf(')');
  return end > jsonp[0].length ? body.slice(jsonp[0].length, end) : body;
}

export function parseHarText(text: string): ParsedHar {
  let doc: Json;
  try {
    doc = JSON.parse(harJsonText(text)) as Json;
    // Let the text go before the entries are built: for a large capture it is as big as the file.
    text = '';
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new HarError(`not JSON: ${message.split('\n')[0]}`);
  }
  return parseHar(doc);
}

/**
 * `producer`: who wrote it, when the caller knows better than the file (the extension's own live capture);
 * otherwise read from `log.creator`.
 */
export function parseHar(doc: Json, known?: Producer): ParsedHar {
  const { entries: raw, pages: rawPages, browser, creator } = entriesOf(doc);
  const declared = producerOf(isObject(creator) && typeof creator.name === 'string' ? creator.name : null, isObject(creator) && typeof creator.version === 'string' ? creator.version : null);
  // The DevTools API hands out bare entry arrays with no creator: Chrome's own fields still say who wrote them.
  const producer = known ?? (declared.id === 'unknown' && chromeFields(raw) ? { ...PRODUCERS_BY_FIELDS, creator: declared.creator } : declared);
  const options: EntryOptions = { rawHeaders: producer.facts.rawHeaders, failureField: producer.facts.failureField };
  const entries: Entry[] = [];
  const skipped: SkippedEntry[] = [];
  let errorField = false;
  let kept = false;
  let removed = false;
  for (let i = 0; i < raw.length; i++) {
    const result = parseEntry(raw[i], i, options);
    if (typeof result === 'string') skipped.push({ index: i, reason: result });
    else {
      entries.push(result.entry);
      errorField ||= result.hasErrorField;
    }
    // The first entry that settles it is enough: an export is sanitized throughout or not at all.
    if (producer.facts.mayBeSanitized && !kept && !removed && i < SANITIZE_PROBE) {
      const evidence = sanitizeEvidence(raw[i]);
      kept = evidence === 'kept';
      removed = evidence === 'removed';
    }
  }
  const field = producer.facts.failureField;
  const errorsRecorded = field === '_failureText' || (field === '_error' && errorField);
  const sanitized = producer.facts.mayBeSanitized ? foldSanitized(kept, removed) : 'no';
  if (raw.length > 0 && entries.length === 0) {
    const first = skipped[0] as SkippedEntry;
    throw new HarError(`not a HAR: no usable entry (entry ${first.index}: ${first.reason})`);
  }
  const pages = new Map<string, string>();
  for (const p of rawPages) {
    if (isObject(p) && typeof p.id === 'string' && typeof p.title === 'string') pages.set(p.id, p.title);
  }
  const workerScripts = new Set(entries.filter(isWorkerScript).map((e) => e.url));
  const pagerefs = entries.some((e) => e.pageref !== null);
  return { entries, skipped, total: raw.length, pages, workerScripts, pagerefs, errorsRecorded, producer, sanitized, browser: browserOf(browser, entries) };
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

const LOCAL_URL = /^(data|blob):/i;

/** What parsing an entry needs to know of its producer. */
export interface EntryOptions {
  readonly rawHeaders: boolean;
  readonly failureField: ProducerFacts['failureField'];
}

/** Chrome DevTools' entries: the live capture's. */
const CHROME_ENTRIES: EntryOptions = { rawHeaders: true, failureField: '_error' };

/** Entries looked at for sanitizing evidence: enough for any real export, bounded for a huge capture. */
const SANITIZE_PROBE = 5000;

/**
 * The failure the browser recorded, in the producer's own field: Chrome's `_error`, Playwright's `_failureText`.
 * Other producers' errors are not the browser's CORS decision (mitmproxy's is its own connection error, Safari's
 * is prose), so they are not read as one.
 */
function failureOf(response: Record<string, Json>, field: ProducerFacts['failureField']): string | null {
  const text = field === null ? null : response[field];
  return typeof text === 'string' && text !== '' ? text : null;
}

const PRODUCERS_BY_FIELDS: Producer = { id: 'chrome-devtools', facts: PRODUCERS['chrome-devtools'], creator: null };

/** Chrome DevTools' private fields on the first entries: `_initiator` and `_resourceType`, and `_error` on the response. */
function chromeFields(raw: readonly Json[]): boolean {
  return raw.slice(0, 20).some((e) => isObject(e) && '_resourceType' in e && '_initiator' in e && isObject(e.response) && '_error' in e.response);
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
