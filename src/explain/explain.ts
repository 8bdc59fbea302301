/**
 * Verdict → explanation: what was blocked, on which response, which header had which value, the line to send
 * instead, and why it happened in the user's terms. Most CORS failures in the wild are not "no CORS at all"
 * but an error page without headers, auth in front of OPTIONS, a redirect, two layers adding a header, or
 * an origin off by a port: each `detail` rule below recognises one such cause from the evidence.
 * Text only: no HTML, no ANSI; every observed value passes through `clean` before it is shown.
 */
import {
  CODE_FACTS,
  type CorsErrorCode,
  type Evaluation,
  headerValue,
  headerValues,
  type HopRecord,
  normaliseMethod,
  type ResponseRecord,
  type StagedFailure,
} from '../cors';
import type { AnalysedExchange } from '../har/analyze';
import { chromeConsoleMessage, type ResourceKind } from './console-message';
import { clean, redactUrl } from './display';
import { type Fix, fixFor } from './fix';
import { isToken } from './literals';
import { networkErrorMeaning } from './network-error';
import { describeOriginDifference } from './origin-diff';
import { preflightCause, shorten } from './preflight-cause';
import { type Snippet, snippetsFor } from './snippets';
import { describeWarnings } from './warning-text';

export interface Explanation {
  /** One sentence, plain language, e.g. "Blocked: the preflight response does not allow the request header x-custom." */
  readonly headline: string;
  /** Which response: "the preflight (OPTIONS) response", "the redirect response of hop 1 (302 to http://...)", "the response". */
  readonly where: string;
  /** The header concerned, the value received (null = the header was missing), and the exact line to send. */
  readonly header: string | null;
  readonly received: string | null;
  readonly sendLine: string | null;
  /** Short paragraphs: why this happened, in the user's terms. */
  readonly details: readonly string[];
  /** Why a preflight was needed; null when none was. */
  readonly preflightCause: string | null;
  /** Chrome's console wording; null when not blocked. */
  readonly consoleMessage: string | null;
  readonly firefoxKey: string | null;
  readonly fix: Fix | null;
  readonly snippets: readonly Snippet[];
  readonly warnings: readonly { code: string; text: string }[];
  /** What the engine could not see. */
  readonly caveats: readonly string[];
}

export interface ExplainOptions {
  /** What made the request: Chrome names it in the console message. The HAR's _resourceType "xhr" is XMLHttpRequest. */
  readonly resourceKind?: ResourceKind;
}

/** Everything the rules look at for a blocked exchange. */
interface Ctx {
  readonly x: AnalysedExchange;
  readonly ev: Evaluation;
  readonly error: StagedFailure;
  readonly code: CorsErrorCode;
  readonly fp: string;
  readonly hop: HopRecord | undefined;
  /** The response the failing check ran on (the preflight's for stage "preflight"). */
  readonly response: ResponseRecord | null;
  readonly status: number;
  /** The Origin the request carried at the failing hop ("null" after a tainting redirect). */
  readonly hopOrigin: string;
  readonly pageOrigin: string;
  /** The header the code is about and its value on the failing response (null: absent). */
  readonly header: string | null;
  readonly received: string | null;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function statusName(status: number): string {
  const text = STATUS_TEXT[status];
  return text ? `${status} ${text}` : String(status);
}

const q = (v: string): string => `'${shorten(v)}'`;

function subject(c: Ctx): string {
  if (c.error.stage === 'preflight') return 'the preflight response';
  return c.error.stage === 'redirect' ? 'the redirect response' : 'the response';
}

function list(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------------------
// Headlines: one per code.

const mismatch = (c: Ctx): string =>
  c.hopOrigin === 'null' && c.pageOrigin !== 'null'
    ? `Blocked: Access-Control-Allow-Origin on ${subject(c)} is ${q(c.received ?? '')}, but after a cross-origin redirect the request's origin is 'null'.`
    : `Blocked: Access-Control-Allow-Origin on ${subject(c)} is ${q(c.received ?? '')}, but the request's origin is ${q(c.hopOrigin)}.`;

const missing = (c: Ctx): string =>
  `Blocked: ${subject(c)}${c.status >= 300 ? ` (${statusName(c.status)})` : ''} has no Access-Control-Allow-Origin header.`;

const multiple = (c: Ctx): string => {
  const lines = c.response ? headerValues(c.response.headers, 'access-control-allow-origin').length : 0;
  return lines > 1
    ? `Blocked: ${subject(c)} carries Access-Control-Allow-Origin ${lines} times (${q(c.received ?? '')}); only one origin is allowed.`
    : `Blocked: Access-Control-Allow-Origin on ${subject(c)} is ${q(c.received ?? '')}, a list; it must be a single origin.`;
};

const invalid = (c: Ctx): string =>
  c.received === '' || c.received === null
    ? `Blocked: Access-Control-Allow-Origin on ${subject(c)} is empty.`
    : `Blocked: Access-Control-Allow-Origin on ${subject(c)} is ${q(c.received)}, which is not a valid origin.`;

const wildcard = (c: Ctx): string =>
  `Blocked: Access-Control-Allow-Origin on ${subject(c)} is '*', which is not allowed for a request sent with credentials.`;

const credentials = (c: Ctx): string =>
  c.received === null
    ? `Blocked: the request was sent with credentials, but ${subject(c)} has no Access-Control-Allow-Credentials header (it must be 'true').`
    : `Blocked: the request was sent with credentials, but Access-Control-Allow-Credentials on ${subject(c)} is ${q(c.received)} (it must be exactly 'true').`;

const HEADLINE: Readonly<Record<CorsErrorCode, (c: Ctx) => string>> = {
  MissingAllowOriginHeader: missing,
  PreflightMissingAllowOriginHeader: missing,
  AllowOriginMismatch: mismatch,
  PreflightAllowOriginMismatch: mismatch,
  MultipleAllowOriginValues: multiple,
  PreflightMultipleAllowOriginValues: multiple,
  InvalidAllowOriginValue: invalid,
  PreflightInvalidAllowOriginValue: invalid,
  WildcardOriginNotAllowed: wildcard,
  PreflightWildcardOriginNotAllowed: wildcard,
  InvalidAllowCredentials: credentials,
  PreflightInvalidAllowCredentials: credentials,
  PreflightInvalidStatus: (c) =>
    `Blocked: the preflight (OPTIONS) response has status ${statusName(c.status)}; a preflight must be answered with a 2xx status such as 204.`,
  PreflightDisallowedRedirect: (c) => {
    const to = c.response?.redirectUrl ?? null;
    return `Blocked: the preflight (OPTIONS) request was redirected${to !== null ? ` (${c.status} to ${redactUrl(to)})` : ''}; a preflight may not redirect.`;
  },
  InvalidAllowMethodsPreflightResponse: (c) =>
    `Blocked: Access-Control-Allow-Methods on the preflight response is ${q(c.received ?? '')}, which is not a comma-separated list of method names.`,
  InvalidAllowHeadersPreflightResponse: (c) =>
    `Blocked: Access-Control-Allow-Headers on the preflight response is ${q(c.received ?? '')}, which is not a comma-separated list of header names.`,
  MethodDisallowedByPreflightResponse: (c) =>
    `Blocked: the preflight response does not allow the method ${c.fp} (${c.received === null ? 'it has no Access-Control-Allow-Methods header' : `Access-Control-Allow-Methods: ${shorten(c.received)}`}).`,
  HeaderDisallowedByPreflightResponse: (c) =>
    `Blocked: the preflight response does not allow the request header ${c.fp} (${c.received === null ? 'it has no Access-Control-Allow-Headers header' : `Access-Control-Allow-Headers: ${shorten(c.received)}`}).`,
  RedirectContainsCredentials: (c) =>
    `Blocked: ${subject(c)} redirects to a URL with a username and password (${redactUrl(c.response?.redirectUrl ?? '')}), which a cross-origin request may not follow.`,
  DisallowedByMode: (c) =>
    `Blocked: the request was made with mode 'same-origin' but goes to another origin (${c.hop?.url ?? c.x.url}).`,
  CorsDisabledScheme: (c) =>
    `Blocked: ${c.hop?.url ?? c.x.url} is not an http or https URL; cross-origin requests work only over http and https.`,
  InvalidResponse: (c) => `Blocked: ${subject(c)} is invalid (status 0).`,
};

// ---------------------------------------------------------------------------------------------------------
// Details: each rule recognises one real-world cause, or answers null.

type Rule = (c: Ctx) => string | null;

const ORIGIN_CHECKS = new Set<CorsErrorCode>([
  'MissingAllowOriginHeader',
  'AllowOriginMismatch',
  'MultipleAllowOriginValues',
  'InvalidAllowOriginValue',
  'WildcardOriginNotAllowed',
  'InvalidAllowCredentials',
]);

/** A 4xx/5xx without CORS headers: the status is the real error, CORS only hides it. */
const errorResponseHidesStatus: Rule = (c) => {
  if (c.error.stage === 'preflight' || !ORIGIN_CHECKS.has(c.code) || c.status < 400) return null;
  const passed = c.hop?.preflight ? 'The preflight passed, so the request reached the server, and it' : 'The server';
  return (
    `${passed} answered ${statusName(c.status)}. That status is the real error; CORS hides it from the page ` +
    `(fetch rejects with "TypeError: Failed to fetch") because the error response lacks a valid ${c.header ?? 'Access-Control-Allow-Origin'}. ` +
    'Error responses need the CORS headers too: gateway error pages and error handlers that run before the CORS middleware often leave them out.'
  );
};

/** 401/403 on OPTIONS: authentication ran before CORS. */
const preflightHitAuth: Rule = (c) => {
  if (c.error.stage !== 'preflight' || (c.status !== 401 && c.status !== 403)) return null;
  return (
    `The preflight was answered ${statusName(c.status)}. A preflight never carries cookies or an Authorization header, ` +
    'so authentication rejected it: let OPTIONS requests through before authentication runs (put the CORS layer first and have it answer preflights itself).'
  );
};

/** A non-2xx preflight for another reason: no OPTIONS route, or the server failed. */
const preflightStatus: Rule = (c) => {
  if (c.error.stage !== 'preflight' || c.code === 'PreflightDisallowedRedirect' || c.status === 0) return null;
  if (c.status >= 200 && c.status < 300) return null;
  if (c.status === 401 || c.status === 403) return null;
  const first = c.code === 'PreflightInvalidStatus' ? '' : `Chrome checks the CORS headers before the status, so it reports ${c.code}; the status ${c.status} must be fixed too. `;
  const why =
    c.status === 404 || c.status === 405 || c.status === 501
      ? `The server has no handler for OPTIONS at this URL (${statusName(c.status)}): the CORS layer must answer preflights itself, before routing.`
      : c.status >= 500
        ? `The server failed on the OPTIONS request (${statusName(c.status)}): check its logs; the CORS layer should answer preflights before the application runs.`
        : `A preflight must be answered with a 2xx status; ${statusName(c.status)} is not one. Answer OPTIONS with 204 No Content.`;
  return first + why;
};

function parseUrl(url: string, base?: string): URL | null {
  try {
    return new URL(url, base);
  } catch {
    return null;
  }
}

const LOGIN = /(log-?in|sign-?in|auth|sso|oauth|saml|cas\/|account)/i;

/** Why the preflight was redirected, from the Location: http→https, a trailing slash, a login page. */
const preflightRedirect: Rule = (c) => {
  if (c.code !== 'PreflightDisallowedRedirect') return null;
  const from = c.hop?.url ?? c.x.url;
  const toRaw = c.response?.redirectUrl ?? null;
  const a = parseUrl(from);
  const b = toRaw !== null ? parseUrl(toRaw, from) : null;
  const tail = 'Preflights are never allowed to redirect: the page must call the final URL directly, or the server must answer OPTIONS where it arrives.';
  if (!a || !b) return `The OPTIONS request got a redirect. ${tail}`;
  if (a.protocol === 'http:' && b.protocol === 'https:' && a.host === b.host.replace(/:443$/, '') && a.pathname === b.pathname) {
    return `The server redirects http to https. Call ${redactUrl(b.href)} (https) from the page. ${tail}`;
  }
  if (a.origin === b.origin && (a.pathname + '/' === b.pathname || a.pathname === b.pathname + '/')) {
    const adds = b.pathname.endsWith('/');
    return `The server ${adds ? 'adds' : 'removes'} a trailing slash (${a.pathname} -> ${b.pathname}). Call ${redactUrl(b.href)} from the page. ${tail}`;
  }
  if (LOGIN.test(b.pathname) || LOGIN.test(b.hostname)) {
    return `The OPTIONS request was sent to a login page (${redactUrl(b.href)}): authentication ran before CORS. Preflights never carry credentials, so let OPTIONS through before authentication.`;
  }
  return `The OPTIONS request was redirected to ${redactUrl(b.href)}. ${tail}`;
};

/** Two layers both adding Access-Control-Allow-Origin, or a list of origins in one header. */
const multipleValues: Rule = (c) => {
  if (c.code !== 'MultipleAllowOriginValues' && c.code !== 'PreflightMultipleAllowOriginValues') return null;
  const values = c.response ? headerValues(c.response.headers, 'access-control-allow-origin') : [];
  if (values.length > 1) {
    const same = values.every((v) => v === values[0]);
    return (
      `Two layers are each adding Access-Control-Allow-Origin${same ? ' with the same value' : `: ${values.map(q).join(' and ')}`}, typically the application and a proxy, gateway or CDN in front of it. ` +
      'Send it from one layer only and remove it from the other.'
    );
  }
  return (
    'Access-Control-Allow-Origin holds exactly one origin (or *). To allow several origins, compare the request\'s Origin with your list ' +
    'and send back only the one that matches, with Vary: Origin.'
  );
};

/** localhost vs 127.0.0.1, a port, a scheme, a trailing slash, letter case. */
const originDifference: Rule = (c) => {
  if (c.code !== 'AllowOriginMismatch' && c.code !== 'PreflightAllowOriginMismatch') return null;
  if (c.hopOrigin === 'null') return null;
  return describeOriginDifference(c.received ?? '', c.hopOrigin);
};

/** Origin "null" after a cross-origin redirect. */
const taintedOrigin: Rule = (c) => {
  if (c.hopOrigin !== 'null' || c.pageOrigin === 'null' || c.error.hop === 0) return null;
  const first = c.x.record.hops[0]?.url ?? c.x.url;
  const at = c.hop?.url ?? '';
  const star = c.ev.credentials === 'include' ? "'null' (with Access-Control-Allow-Credentials: true)" : "'*' (or 'null')";
  return (
    `The request to ${first} was redirected to another origin, so from then on the browser sends 'Origin: null' and checks the response from ${at} against 'null', not against ${c.pageOrigin}. ` +
    `Either that server answers Access-Control-Allow-Origin: ${star}, or, better, the page calls ${at} directly and the cross-origin redirect goes away.`
  );
};

function credentialsEvidence(c: Ctx): string {
  if (c.ev.notes.includes('credentials-from-cookie')) return 'it carried a Cookie header';
  if (c.ev.notes.includes('credentials-inferred-include')) return "inferred: the capture does not record it, but only a request with credentials fails this way";
  return "credentials: 'include' or withCredentials";
}

/** `*` with credentials. */
const wildcardWithCredentials: Rule = (c) => {
  if (c.code !== 'WildcardOriginNotAllowed' && c.code !== 'PreflightWildcardOriginNotAllowed') return null;
  return (
    `The request was sent with credentials (${credentialsEvidence(c)}). With credentials the server must name the origin exactly ('${c.hopOrigin}'), ` +
    "send Access-Control-Allow-Credentials: true, and Vary: Origin. If the request does not need cookies, remove credentials: 'include' (or withCredentials) in the page instead."
  );
};

/** Access-Control-Allow-Credentials missing or not exactly `true`. */
const allowCredentials: Rule = (c) => {
  if (c.code !== 'InvalidAllowCredentials' && c.code !== 'PreflightInvalidAllowCredentials') return null;
  const evidence = `The request was sent with credentials (${credentialsEvidence(c)}).`;
  if (c.received !== null && c.received.toLowerCase() === 'true') {
    return `${evidence} The value is compared case-sensitively: only the lower-case 'true' counts, not ${q(c.received)}.`;
  }
  return `${evidence} The server allowed the origin but did not say credentials are allowed: with credentials the response must also send Access-Control-Allow-Credentials: true.`;
};

/** patch vs PATCH: only six methods are upper-cased by the browser, and the comparison is case-sensitive. */
const methodCase: Rule = (c) => {
  if (c.code !== 'MethodDisallowedByPreflightResponse' || c.received === null) return null;
  const items = c.received.split(',').map((m) => m.trim());
  const sameIgnoringCase = items.find((m) => m !== c.fp && m.toUpperCase() === c.fp.toUpperCase());
  if (sameIgnoringCase === undefined) return null;
  if (normaliseMethod(c.fp) === c.fp && c.fp === c.fp.toUpperCase()) {
    return `Access-Control-Allow-Methods lists '${sameIgnoringCase}', but methods are compared case-sensitively: list ${c.fp}.`;
  }
  return (
    `The page sent the method as '${c.fp}'. Browsers upper-case only DELETE, GET, HEAD, OPTIONS, POST and PUT; any other method is sent as written ` +
    `and compared case-sensitively, so '${c.fp}' does not match '${sameIgnoringCase}'. Write method: '${c.fp.toUpperCase()}' in the page.`
  );
};

/** `*` in Access-Control-Allow-Headers is literal with credentials. */
const headersWildcardWithCredentials: Rule = (c) => {
  if (c.code !== 'HeaderDisallowedByPreflightResponse' || c.received === null) return null;
  const items = c.received.split(',').map((h) => h.trim());
  if (!items.includes('*') || c.ev.credentials !== 'include') return null;
  return `Access-Control-Allow-Headers: * is a wildcard only for requests without credentials. This request had credentials, so * counts as a header literally named '*': list ${c.fp} by name.`;
};

/** Which item of an allow-list cannot be parsed. */
const unparsableList: Rule = (c) => {
  if (c.code !== 'InvalidAllowMethodsPreflightResponse' && c.code !== 'InvalidAllowHeadersPreflightResponse') return null;
  const bad = (c.received ?? '')
    .split(',')
    .map((v) => v.trim())
    .find((v) => v !== '' && !isToken(v));
  const what = c.code === 'InvalidAllowMethodsPreflightResponse' ? 'method' : 'header';
  return `${bad !== undefined ? `The item ${q(bad)} is not a valid ${what} name. ` : ''}Each item must be a bare ${what} name (no quotes, spaces, slashes or semicolons), separated by commas; one bad item makes Chrome reject the whole header.`;
};

const redirectCredentials: Rule = (c) =>
  c.code === 'RedirectContainsCredentials'
    ? 'A cross-origin redirect may not carry user:password@ in its Location. Redirect to the URL without them, and send credentials in an Authorization header instead.'
    : null;

const pageSide: Rule = (c) => {
  if (c.code === 'DisallowedByMode') return "The page asked for mode: 'same-origin', which refuses every cross-origin request. Use the default mode 'cors' (and a server that answers with CORS headers), or call a same-origin URL.";
  if (c.code === 'CorsDisabledScheme') return 'Cross-origin requests to file:, ftp: or custom schemes are refused before any request is made. Serve the resource over http or https.';
  if (c.code === 'InvalidResponse') return 'The response had status 0, which Chrome treats as invalid; this usually means a service worker answered with a broken response.';
  return null;
};

const RULES: readonly Rule[] = [
  errorResponseHidesStatus,
  preflightHitAuth,
  preflightStatus,
  preflightRedirect,
  multipleValues,
  originDifference,
  taintedOrigin,
  wildcardWithCredentials,
  allowCredentials,
  methodCase,
  headersWildcardWithCredentials,
  unparsableList,
  redirectCredentials,
  pageSide,
];

// ---------------------------------------------------------------------------------------------------------
// Where, caveats, and the verdicts other than "blocked".

function where(x: AnalysedExchange, error: StagedFailure): string {
  const hop = x.record.hops[error.hop];
  const url = hop?.url ?? x.url;
  if (error.stage === 'preflight') {
    return error.hop === 0 ? 'the preflight (OPTIONS) response' : `the preflight (OPTIONS) response for ${url}, after ${plural(error.hop, 'redirect')}`;
  }
  if (error.stage === 'redirect') {
    const r = hop?.response;
    const detail = r ? ` (${r.status}${r.redirectUrl !== null ? ` to ${redactUrl(r.redirectUrl)}` : ''})` : '';
    return `the redirect response of hop ${error.hop + 1}${detail}`;
  }
  return error.hop === 0 ? 'the response' : `the final response, from ${url} after ${plural(error.hop, 'redirect')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const NOTE_CAVEATS: Partial<Record<Evaluation['notes'][number], string>> = {
  'preflight-from-cache':
    'No preflight for this request is in the capture: Chrome answered it from its preflight cache (Access-Control-Max-Age), so what the server allowed is not visible here, and a cached answer from before a server fix can still be in use. To see a fresh preflight, tick "Disable cache" in the Network panel of DevTools and reload.',
  'preflight-missing':
    'A preflight was needed but none is in the capture, and the request never reached the network: the preflight probably happened before DevTools was recording. Keep DevTools open, tick "Disable cache", and reload.',
  'credentials-inferred-include':
    "The capture does not record the credentials mode; only a request with credentials (credentials: 'include' or withCredentials) fails this way, so this explanation assumes one.",
  'credentials-unknown':
    "The capture does not record the credentials mode, and the evidence does not settle it. With credentials (credentials: 'include' or withCredentials), * is not allowed and Access-Control-Allow-Credentials: true is needed as well.",
  'redirect-not-followed': "The last redirect was not followed (redirect: 'manual'): the page received an opaque redirect, not the target.",
};

function caveats(x: AnalysedExchange): string[] {
  const ev = x.evaluation;
  const out: string[] = [];
  if (x.origin === null) out.push("The capture does not show the page's origin (no Origin, Referer or page URL): every origin check here is a guess.");
  if (x.requestMissing) out.push('Only the preflight is in the capture; the request it guarded is missing (DevTools may have been opened too late, or the entry was filtered out).');
  for (const n of ev.notes) {
    const text = NOTE_CAVEATS[n];
    if (text) out.push(text);
  }
  // Both credentials modes explain the failure: the fix for one may only move the error for the other.
  if (ev.notes.includes('credentials-inferred-omit') && ev.confidence !== 'certain' && ev.verdict === 'blocked') {
    out.push("The capture does not record the credentials mode; this assumes none. If the page sends credentials (credentials: 'include' or withCredentials), the response must name the origin exactly and also send Access-Control-Allow-Credentials: true.");
  }
  if (ev.verdict === 'blocked' && ev.confidence === 'uncertain' && x.origin !== null) {
    out.push('The capture does not settle every fact this verdict depends on; treat it as the most likely explanation, not a certainty.');
  }
  return out;
}

function base(x: AnalysedExchange, headline: string, where: string, details: string[]): Explanation {
  return {
    headline,
    where,
    header: null,
    received: null,
    sendLine: null,
    details,
    preflightCause: preflightCause(x.evaluation.preflightReasons),
    consoleMessage: null,
    firefoxKey: null,
    fix: null,
    snippets: [],
    warnings: describeWarnings(x.warnings),
    caveats: caveats(x),
  };
}

function explainUnknown(x: AnalysedExchange): Explanation {
  const ev = x.evaluation;
  const last = x.record.hops[x.record.hops.length - 1];
  if (ev.networkError !== null) {
    const onPreflight = last?.preflight?.error === ev.networkError && !last?.response;
    const meaning = networkErrorMeaning(ev.networkError);
    return {
      ...base(
        x,
        `Failed with a network error, ${ev.networkError}${onPreflight ? ' on the preflight' : ''}: not a CORS error.`,
        onPreflight ? 'the preflight (OPTIONS) request' : 'the request',
        [
          `${meaning ? `${ev.networkError}: ${meaning}. ` : ''}No response arrived, so there were no headers to check: Chrome reports no CORS error for this, and changing CORS headers will not fix it.`,
        ],
      ),
      firefoxKey: CODE_FACTS.InvalidResponse.firefox,
    };
  }
  if (ev.notes.includes('browser-failed-but-checks-pass')) {
    return base(x, 'Unknown: the browser failed this request, but the captured headers pass every CORS check.', 'the response', [
      'Something the capture does not show made it fail: a preflight answered from cache that allowed less than the one captured, credentials the capture cannot see, a browser extension, or a security policy (mixed content, Private Network Access). Tick "Disable cache" in DevTools and reload to capture a fresh preflight.',
    ]);
  }
  if (ev.notes.includes('browser-allowed-but-checks-fail') && ev.error === null) {
    return base(x, 'Unknown: the browser completed this request, but replaying its headers would fail a CORS check.', 'the response', [
      'The capture may be missing headers, or the request was not a CORS request (a navigation or no-cors request). Trust what the browser did.',
    ]);
  }
  if (ev.notes.includes('browser-allowed-but-checks-fail') && ev.error !== null) {
    return base(
      x,
      `Unknown: the browser completed this request, but replaying its headers fails with ${ev.error.code}${ev.error.failedParameter ? ` (${ev.error.failedParameter})` : ''}.`,
      where(x, ev.error),
      ['The capture may be missing headers, or the credentials mode differs from what the replay assumed. Trust what the browser did.'],
    );
  }
  if (ev.notes.includes('preflight-missing')) {
    return base(x, 'Unknown: this request needed a preflight, but the capture holds none and no response.', 'the preflight (OPTIONS) request', []);
  }
  return base(x, 'Unknown: the capture holds no response for this request.', 'the request', [
    'The request may still have been in flight, or was cancelled, when the capture was taken.',
  ]);
}

function explainBlocked(x: AnalysedExchange, options: ExplainOptions): Explanation {
  const ev = x.evaluation;
  const error = ev.error;
  if (!error) {
    // The engine knows the request failed at its preflight but has no preflight to judge.
    return {
      ...base(x, 'Blocked at the preflight, but the capture holds no preflight to say why.', 'the preflight (OPTIONS) response', [
        'The request never reached the network, which for a cross-origin request means its preflight failed.',
      ]),
      firefoxKey: null,
    };
  }
  const hop = x.record.hops[error.hop];
  const response = (error.stage === 'preflight' ? hop?.preflight?.response : hop?.response) ?? null;
  const header = error.code === 'RedirectContainsCredentials' || error.code === 'PreflightDisallowedRedirect' ? 'Location' : CODE_FACTS[error.code].header;
  let received: string | null = null;
  if (header === 'Location') received = response?.redirectUrl != null ? redactUrl(response.redirectUrl) : null;
  else if (header !== null && response) received = headerValue(response.headers, header);
  const ctx: Ctx = {
    x,
    ev,
    error,
    code: error.code,
    fp: error.failedParameter,
    hop,
    response,
    status: response?.status ?? 0,
    hopOrigin: ev.hops[error.hop]?.origin ?? x.record.initiatorOrigin,
    pageOrigin: x.origin ?? x.record.initiatorOrigin,
    header,
    received,
  };
  const fix = fixFor(x.record, ev);
  let sendLine: string | null = fix?.primary ? `${fix.primary.name}: ${fix.primary.value}` : null;
  if (error.code === 'RedirectContainsCredentials' && fix?.location && 'replaceWith' in fix.location) sendLine = `Location: ${fix.location.replaceWith}`;
  const first = x.record.hops[0]?.url ?? x.url;
  const failedUrl = hop?.url ?? x.url;
  return {
    headline: HEADLINE[error.code](ctx),
    where: where(x, error),
    header,
    received,
    sendLine,
    details: RULES.map((r) => r(ctx)).filter((d): d is string => d !== null),
    preflightCause: preflightCause(ev.preflightReasons),
    consoleMessage: chromeConsoleMessage({
      code: error.code,
      failedParameter: error.failedParameter,
      url: failedUrl,
      ...(failedUrl !== first ? { redirectedFrom: first } : {}),
      origin: ctx.pageOrigin,
      resourceKind: options.resourceKind ?? (x.resourceType === 'xhr' ? 'XMLHttpRequest' : 'fetch'),
    }),
    firefoxKey: CODE_FACTS[error.code].firefox,
    fix,
    snippets: snippetsFor(x.record, ev, fix),
    warnings: describeWarnings(x.warnings),
    caveats: caveats(x),
  };
}

function explainRaw(x: AnalysedExchange, options: ExplainOptions): Explanation {
  const ev = x.evaluation;
  switch (ev.verdict) {
    case 'blocked':
      return explainBlocked(x, options);
    case 'unknown':
      return explainUnknown(x);
    case 'not-cors':
      if (ev.notes.includes('mode-not-cors')) {
        return base(x, 'Not a CORS request: a navigation or a no-cors request, which no CORS check applies to.', 'the request', [
          "A no-cors request (an <img>, a <script> without crossorigin, fetch with mode: 'no-cors') may go anywhere, but the page gets an opaque response it cannot read.",
        ]);
      }
      return base(x, `Not a CORS request: the page (${x.origin ?? 'unknown origin'}) and ${x.url} are same-origin, so no CORS check applies.`, 'the request', []);
    case 'allowed': {
      const w = describeWarnings(x.warnings);
      const headline = `Allowed: the ${x.method} request to ${x.url} passes Chrome's CORS checks${w.length > 0 ? `, with ${plural(w.length, 'warning')}` : ''}.`;
      return base(x, headline, 'the response', []);
    }
  }
}

/** Every display string with invisible characters made visible; the Fix keeps the raw values (it is data). */
function cleaned(e: Explanation): Explanation {
  const c = (s: string | null): string | null => (s === null ? null : clean(s));
  return {
    ...e,
    headline: clean(e.headline),
    where: clean(e.where),
    header: c(e.header),
    received: c(e.received),
    sendLine: c(e.sendLine),
    details: e.details.map(clean),
    preflightCause: c(e.preflightCause),
    consoleMessage: c(e.consoleMessage),
    warnings: e.warnings.map((w) => ({ code: w.code, text: clean(w.text) })),
    caveats: e.caveats.map(clean),
  };
}

export function explain(x: AnalysedExchange, options: ExplainOptions = {}): Explanation {
  return cleaned(explainRaw(x, options));
}
