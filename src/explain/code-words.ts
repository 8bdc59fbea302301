/**
 * The words for each Chrome error code, one entry per code: the headline sentence, the few words that fit a list
 * row, and the template of Chrome's own console line. The facts about a code (its header, family, twin, Firefox
 * key) are in src/cors/codes.ts under the same key type.
 *
 * Keyed by base code: a `Preflight*` twin says the same as its base code, with "preflight: " before its short
 * label and Chrome's preflight prefix before its console line, so each twin is worded by its base and no entry
 * can drift from its twin.
 */
import { ACCESS_CODES, type BaseCode, type CorsErrorCode, headerValues, preflightTwin, type PreflightTwin } from '../cors';
import { cap } from './captured';
import { type Ctx, q, statusName, subject } from './context';
import { clean, redactUrl } from './display';
import { shorten } from './preflight-cause';

/** Which sentence Chrome appends, and for which kind of request (Blink's cors_error_string.cc). */
export type ConsoleSuffix = 'valid-value' | 'xhr-credentials' | null;

export interface ConsoleTemplate {
  /** The message, `{hint}` standing for failedParameter. */
  readonly text: string;
  /** Chrome says "Response to preflight request doesn't pass access control check: " first. */
  readonly preflight: boolean;
  readonly suffix: ConsoleSuffix;
}

export interface CodeWords {
  /** One sentence saying what was blocked and by which value. */
  readonly headline: (c: Ctx) => string;
  /** The failure in a few words for a list row: the header and the value, no sentence. */
  readonly short: (failedParameter: string) => string;
  readonly console: ConsoleTemplate;
}

/** A failedParameter in a short label: quoted, made visible, cut to fit a column. */
const v = (fp: string): string => (fp === '' ? '' : ` ${cap(`'${clean(shorten(fp, 40))}'`)}`);

const t = (text: string, preflight: boolean, suffix: ConsoleSuffix = null): ConsoleTemplate => ({ text, preflight, suffix });

/**
 * Chrome 156's list of CORS-enabled schemes is not in the samples; this is the list recent versions print.
 */
const CORS_SCHEMES = 'http, data, isolated-app, chrome-extension, chrome, https, chrome-untrusted';

const WORDS: Readonly<Record<BaseCode, CodeWords>> = {
  MissingAllowOriginHeader: {
    headline: (c) => `Blocked: ${subject(c)}${c.status >= 300 ? ` (${statusName(c.status)})` : ''} has no Access-Control-Allow-Origin header.`,
    short: () => 'no Access-Control-Allow-Origin',
    console: t("No 'Access-Control-Allow-Origin' header is present on the requested resource.", false),
  },
  AllowOriginMismatch: {
    headline: (c) =>
      c.hopOrigin === 'null' && c.pageOrigin !== 'null'
        ? `Blocked: Access-Control-Allow-Origin on ${subject(c)} is ${q(c.received ?? '')}, but after a cross-origin redirect the request's origin is 'null'.`
        : `Blocked: Access-Control-Allow-Origin on ${subject(c)} is ${q(c.received ?? '')}, but the request's origin is ${q(c.hopOrigin)}.`,
    short: (fp) => `Allow-Origin${v(fp)} is not this origin`,
    console: t("The 'Access-Control-Allow-Origin' header has a value '{hint}' that is not equal to the supplied origin.", false, 'valid-value'),
  },
  MultipleAllowOriginValues: {
    headline: (c) => {
      const lines = c.response ? headerValues(c.response.headers, 'access-control-allow-origin').length : 0;
      return lines > 1
        ? `Blocked: ${subject(c)} carries Access-Control-Allow-Origin ${lines} times (${q(c.received ?? '')}); only one origin is allowed.`
        : `Blocked: Access-Control-Allow-Origin on ${subject(c)} is ${q(c.received ?? '')}, a list; it must be a single origin.`;
    },
    short: (fp) => `several Allow-Origin values${v(fp)}`,
    console: t("The 'Access-Control-Allow-Origin' header contains multiple values '{hint}', but only one is allowed.", false, 'valid-value'),
  },
  InvalidAllowOriginValue: {
    headline: (c) =>
      c.received === '' || c.received === null
        ? `Blocked: Access-Control-Allow-Origin on ${subject(c)} is empty.`
        : `Blocked: Access-Control-Allow-Origin on ${subject(c)} is ${q(c.received)}, which is not a valid origin.`,
    short: (fp) => `invalid Allow-Origin${v(fp)}`,
    console: t("The 'Access-Control-Allow-Origin' header contains the invalid value '{hint}'.", false, 'valid-value'),
  },
  WildcardOriginNotAllowed: {
    headline: (c) => `Blocked: Access-Control-Allow-Origin on ${subject(c)} is '*', which is not allowed for a request sent with credentials.`,
    short: () => "Allow-Origin '*' with credentials",
    console: t(
      "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.",
      false,
      'xhr-credentials',
    ),
  },
  InvalidAllowCredentials: {
    headline: (c) =>
      c.received === null
        ? `Blocked: the request was sent with credentials, but ${subject(c)} has no Access-Control-Allow-Credentials header (it must be 'true').`
        : `Blocked: the request was sent with credentials, but Access-Control-Allow-Credentials on ${subject(c)} is ${q(c.received)} (it must be exactly 'true').`,
    short: (fp) => `Allow-Credentials${v(fp)} is not 'true'`,
    console: t(
      "The value of the 'Access-Control-Allow-Credentials' header in the response is '{hint}' which must be 'true' when the request's credentials mode is 'include'.",
      false,
      'xhr-credentials',
    ),
  },
  PreflightInvalidStatus: {
    headline: (c) => `Blocked: the preflight (OPTIONS) response has status ${statusName(c.status)}; a preflight must be answered with a 2xx status such as 204.`,
    short: () => 'preflight answered non-2xx',
    console: t('It does not have HTTP ok status.', true),
  },
  PreflightDisallowedRedirect: {
    headline: (c) => {
      const to = c.response?.redirectUrl ?? null;
      return `Blocked: the preflight (OPTIONS) request was redirected${to !== null ? ` (${c.status} to ${cap(redactUrl(to))})` : ''}; a preflight may not redirect.`;
    },
    short: () => 'preflight was redirected',
    console: t('Redirect is not allowed for a preflight request.', true),
  },
  InvalidAllowMethodsPreflightResponse: {
    headline: (c) => `Blocked: Access-Control-Allow-Methods on the preflight response is ${q(c.received ?? '')}, which is not a comma-separated list of method names.`,
    short: () => 'preflight: unparsable Allow-Methods',
    console: t('Cannot parse Access-Control-Allow-Methods response header field in preflight response.', false),
  },
  InvalidAllowHeadersPreflightResponse: {
    headline: (c) => `Blocked: Access-Control-Allow-Headers on the preflight response is ${q(c.received ?? '')}, which is not a comma-separated list of header names.`,
    short: () => 'preflight: unparsable Allow-Headers',
    console: t('Cannot parse Access-Control-Allow-Headers response header field in preflight response.', false),
  },
  MethodDisallowedByPreflightResponse: {
    headline: (c) =>
      `Blocked: the preflight response does not allow the method ${cap(c.fp)} (${c.received === null ? 'it has no Access-Control-Allow-Methods header' : `Access-Control-Allow-Methods: ${cap(shorten(c.received))}`}).`,
    short: (fp) => `method${v(fp)} not in Allow-Methods`,
    console: t('Method {hint} is not allowed by Access-Control-Allow-Methods in preflight response.', false),
  },
  HeaderDisallowedByPreflightResponse: {
    headline: (c) =>
      `Blocked: the preflight response does not allow the request header ${cap(c.fp)} (${c.received === null ? 'it has no Access-Control-Allow-Headers header' : `Access-Control-Allow-Headers: ${cap(shorten(c.received))}`}).`,
    short: (fp) => `header${v(fp)} not in Allow-Headers`,
    console: t('Request header field {hint} is not allowed by Access-Control-Allow-Headers in preflight response.', false),
  },
  RedirectContainsCredentials: {
    headline: (c) => `Blocked: ${subject(c)} redirects to a URL with a username and password (${cap(redactUrl(c.response?.redirectUrl ?? ''))}), which a cross-origin request may not follow.`,
    short: () => 'redirect URL has user:password',
    console: t("Redirect location '{hint}' contains a username and password, which is disallowed for cross-origin requests.", false),
  },
  DisallowedByMode: {
    headline: (c) => `Blocked: the request was made with mode 'same-origin' but goes to another origin (${cap(c.hop?.url ?? c.x.url)}).`,
    short: () => "redirect not allowed in mode 'same-origin'",
    console: t('Cross origin requests are not allowed by request mode.', false),
  },
  CorsDisabledScheme: {
    headline: (c) => `Blocked: ${cap(c.hop?.url ?? c.x.url)} is not an http or https URL; cross-origin requests work only over http and https.`,
    short: (fp) => `scheme not allowed for CORS${v(fp)}`,
    console: t(`Cross origin requests are only supported for protocol schemes: ${CORS_SCHEMES}.`, false),
  },
  InvalidResponse: {
    headline: (c) => `Blocked: ${subject(c)} is invalid (status 0).`,
    short: () => 'invalid response',
    console: t('The response is invalid.', false),
  },
};

function twinWords(words: CodeWords): CodeWords {
  return { headline: words.headline, short: (fp) => `preflight: ${words.short(fp)}`, console: { ...words.console, preflight: true } };
}

/** The words for every code: a twin's are its base code's, said of the preflight. */
export const CODE_WORDS: Readonly<Record<CorsErrorCode, CodeWords>> = {
  ...WORDS,
  ...(Object.fromEntries(ACCESS_CODES.map((code) => [preflightTwin(code), twinWords(WORDS[code])])) as Record<PreflightTwin, CodeWords>),
};
