/**
 * Which request headers force a preflight, and why. Follows Chromium's cors.cc (IsCorsSafelistedHeader,
 * IsForbiddenRequestHeader, CorsUnsafeNotForbiddenRequestHeaderNames), which is the Fetch standard's safelist
 * plus a few client hints. Each rule answers with a reason, not a boolean, so the panel can say
 * "this preflight was caused by Content-Type: application/json".
 */
import { type Browser, BROWSERS } from './browser';
import { mimeEssence, SAFELISTED_CONTENT_TYPES } from './mime';
import type { Header, HeaderList } from './types';

export type UnsafeHeaderReason =
  /** The name is not on the safelist at all (X-Custom, Authorization). */
  | 'name-not-safelisted'
  /** Safelisted name, but the value is over 128 bytes. */
  | 'value-too-long'
  /** Safelisted name, but the value holds a CORS-unsafe byte such as `"` or `{`. */
  | 'unsafe-byte'
  /** Content-Type whose MIME type is not form, multipart or text/plain. */
  | 'content-type-not-simple'
  /** Accept-Language / Content-Language with a byte outside [0-9A-Za-z *,-.;=]. */
  | 'language-byte'
  /** Range that is not one `bytes=start-[end]` range. */
  | 'range-not-simple'
  /** A client hint whose value does not have the hint's number syntax. */
  | 'client-hint-syntax'
  /** Every safelisted header counts as unsafe once their values add up to more than 1024 bytes. */
  | 'safelisted-total-too-long';

export interface UnsafeHeader {
  /** Lower-case, as Chrome names it in failedParameter and Access-Control-Request-Headers. */
  readonly name: string;
  readonly value: string;
  readonly reason: UnsafeHeaderReason;
  /** For `unsafe-byte`: the first CORS-unsafe character of the value, the one that broke the rule. */
  readonly unsafeChar?: string;
  /** For `value-too-long` and `safelisted-total-too-long`: the byte limit that was exceeded. */
  readonly limit?: number;
}

export const MAX_SAFELISTED_VALUE_BYTES = 128;
export const MAX_SAFELISTED_TOTAL_BYTES = 1024;

export function utf8Length(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Fetch's CORS-unsafe request-header byte. */
export function isCorsUnsafeByte(code: number): boolean {
  return (code < 0x20 && code !== 0x09) || UNSAFE_BYTES.has(code) || code === 0x7f;
}
const UNSAFE_BYTES = new Set([...'"():<>?@[\\]{}'].map((c) => c.charCodeAt(0)));

function hasUnsafeByte(value: string): boolean {
  return firstUnsafeChar(value) !== undefined;
}

function firstUnsafeChar(value: string): string | undefined {
  for (let i = 0; i < value.length; i++) if (isCorsUnsafeByte(value.charCodeAt(i))) return value[i];
  return undefined;
}

/** An unsafe header with what broke its rule, so no later layer has to find the byte or the limit again. */
export function unsafeHeader(name: string, value: string, reason: UnsafeHeaderReason): UnsafeHeader {
  const lower = name.toLowerCase();
  if (reason === 'value-too-long') return { name: lower, value, reason, limit: MAX_SAFELISTED_VALUE_BYTES };
  if (reason === 'safelisted-total-too-long') return { name: lower, value, reason, limit: MAX_SAFELISTED_TOTAL_BYTES };
  const unsafeChar = reason === 'unsafe-byte' ? firstUnsafeChar(value) : undefined;
  return unsafeChar === undefined ? { name: lower, value, reason } : { name: lower, value, reason, unsafeChar };
}

const LANGUAGE = /^[0-9A-Za-z *,\-.;=]*$/;
/** Fetch's "simple range header value": exactly one range with a start, no whitespace. */
const SIMPLE_RANGE = /^bytes=(\d+)-(\d*)$/;
/** Client-hint number syntax as Chromium checks it (IsSimilarToDoubleABNF / IsSimilarToIntABNF). */
const DOUBLE_LIKE = /^\d+(\.\d+)?$/;
const INT_LIKE = /^\d+$/;
const INT64_MAX = 2n ** 63n - 1n;
/** Network error-free values of the ECT client hint (net::kWebEffectiveConnectionTypeMapping). */
const ECT_VALUES = new Set(['slow-2g', '2g', '3g', '4g']);

type ValueRule = (value: string) => UnsafeHeaderReason | null;

/** The safelist as a table: a name not in it always needs a preflight; a name in it needs one when its rule fails. */
const SAFELIST: ReadonlyMap<string, ValueRule> = new Map<string, ValueRule>([
  ['accept', (v) => (hasUnsafeByte(v) ? 'unsafe-byte' : null)],
  ['accept-language', (v) => (LANGUAGE.test(v) ? null : 'language-byte')],
  ['content-language', (v) => (LANGUAGE.test(v) ? null : 'language-byte')],
  [
    'content-type',
    (v) => {
      if (hasUnsafeByte(v)) return 'unsafe-byte';
      // Two Content-Type values joined by a comma are not one MIME type (WPT cors-safelisted-request-header).
      const essence = mimeEssence(v);
      return essence !== null && SAFELISTED_CONTENT_TYPES.has(essence) ? null : 'content-type-not-simple';
    },
  ],
  [
    'range',
    (v) => {
      // Chromium lower-cases the value and compares the unit case-insensitively: `Bytes=0-99` is simple too.
      const m = SIMPLE_RANGE.exec(v.toLowerCase());
      if (!m) return 'range-not-simple';
      const start = BigInt(m[1] as string);
      const end = m[2] === '' ? null : BigInt(m[2] as string);
      // Chromium parses with int64: a range that overflows, or ends before it starts, is not simple.
      if (start > INT64_MAX || (end !== null && (end > INT64_MAX || start > end))) return 'range-not-simple';
      return null;
    },
  ],
  ['device-memory', (v) => (DOUBLE_LIKE.test(v) ? null : 'client-hint-syntax')],
  ['dpr', (v) => (DOUBLE_LIKE.test(v) ? null : 'client-hint-syntax')],
  ['width', (v) => (INT_LIKE.test(v) ? null : 'client-hint-syntax')],
  ['viewport-width', (v) => (INT_LIKE.test(v) ? null : 'client-hint-syntax')],
  ['downlink', (v) => (DOUBLE_LIKE.test(v) ? null : 'client-hint-syntax')],
  ['rtt', (v) => (INT_LIKE.test(v) ? null : 'client-hint-syntax')],
  ['ect', (v) => (ECT_VALUES.has(v) ? null : 'client-hint-syntax')],
  ['save-data', (v) => (v.toLowerCase() === 'on' ? null : 'client-hint-syntax')],
  // Chrome-only: the Intervention header is safelisted with any value.
  ['intervention', () => null],
]);

/** Safelisted by Chromium alone (BrowserRules.safelistsClientHints): a page sending one is preflighted in Firefox. */
export const CHROMIUM_ONLY_SAFELIST: ReadonlySet<string> = new Set(['device-memory', 'dpr', 'width', 'viewport-width', 'downlink', 'rtt', 'ect', 'save-data', 'intervention']);

/** Why a single header is not CORS-safelisted, or null when it is. */
export function unsafeReason(name: string, value: string, browser: Browser = 'chrome'): UnsafeHeaderReason | null {
  const lower = name.toLowerCase();
  const rule = SAFELIST.get(lower);
  if (!rule || (!BROWSERS[browser].safelistsClientHints && CHROMIUM_ONLY_SAFELIST.has(lower))) return 'name-not-safelisted';
  if (utf8Length(value) > MAX_SAFELISTED_VALUE_BYTES) return 'value-too-long';
  return rule(value);
}

/** Headers a page can never set; the browser adds or refuses them, so they never cause a preflight. */
const FORBIDDEN = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'access-control-request-private-network',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  // Chromium still refuses a page-set User-Agent (crbug.com/571722), unlike the current Fetch standard.
  'user-agent',
  'via',
]);
const METHOD_OVERRIDES = new Set(['x-http-method', 'x-http-method-override', 'x-method-override']);
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

export function isForbiddenRequestHeader(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (FORBIDDEN.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-')) return true;
  if (METHOD_OVERRIDES.has(lower)) {
    return value.split(',').some((m) => FORBIDDEN_METHODS.has(m.trim().toUpperCase()));
  }
  return false;
}

/**
 * The headers a preflight must ask about, in the order the request lists them: Chromium reports the first one
 * the preflight response does not allow, in this order (CorsUnsafeNotForbiddenRequestHeaderNames).
 */
export function corsUnsafeHeaders(headers: HeaderList, browser: Browser = 'chrome'): UnsafeHeader[] {
  const unsafe: UnsafeHeader[] = [];
  const safelisted: Header[] = [];
  let total = 0;
  for (const h of headers) {
    if (h.name.startsWith(':') || isForbiddenRequestHeader(h.name, h.value)) continue;
    const reason = unsafeReason(h.name, h.value, browser);
    if (reason === null) {
      safelisted.push(h);
      total += utf8Length(h.value);
    } else unsafe.push(unsafeHeader(h.name, h.value, reason));
  }
  if (total > MAX_SAFELISTED_TOTAL_BYTES) {
    for (const h of safelisted) unsafe.push(unsafeHeader(h.name, h.value, 'safelisted-total-too-long'));
  }
  return unsafe;
}

/** The value of Access-Control-Request-Headers Chromium sends: unique lower-case names, sorted, comma-joined. */
export function requestHeadersValue(unsafe: readonly UnsafeHeader[]): string {
  return [...new Set(unsafe.map((h) => h.name))].sort().join(',');
}
