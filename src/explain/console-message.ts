/**
 * The line Chrome prints in the console for a CORS failure, so a user can match CORS Lens's finding with what
 * they saw. Built like Blink's cors_error_string.cc: a prefix naming the request, the page origin and (for the
 * Preflight* codes) the preflight, then one template per code with `{hint}` standing for failedParameter.
 *
 * Where Chrome 156's actual output differs from the older source (samples/chromium-156/cdp-console-log-entries.json),
 * the samples win: no "If an opaque response serves your needs..." after a missing Access-Control-Allow-Origin,
 * and only " Have the server send the header with a valid value." after the multiple / invalid / mismatching
 * value messages (seen for fetch; for XMLHttpRequest Blink has always omitted that sentence).
 */
import type { CorsErrorCode } from '../cors';

export type ResourceKind = 'fetch' | 'XMLHttpRequest';

export interface ConsoleMessageInput {
  readonly code: CorsErrorCode;
  readonly failedParameter: string;
  /** The URL of the request that failed: after redirects, the last hop's. */
  readonly url: string;
  /** The URL the page asked for, when redirects led elsewhere. */
  readonly redirectedFrom?: string;
  /** The page's origin (Chrome names the page's origin even when the request carried `Origin: null`). */
  readonly origin: string;
  readonly resourceKind?: ResourceKind;
}

type Suffix = 'valid-value' | 'xhr-credentials' | null;

interface Template {
  readonly text: string;
  /** Chrome says "Response to preflight request doesn't pass access control check: " first. */
  readonly preflight: boolean;
  readonly suffix: Suffix;
}

const WILDCARD = "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.";
const MISSING = "No 'Access-Control-Allow-Origin' header is present on the requested resource.";
const MULTIPLE = "The 'Access-Control-Allow-Origin' header contains multiple values '{hint}', but only one is allowed.";
const INVALID = "The 'Access-Control-Allow-Origin' header contains the invalid value '{hint}'.";
const MISMATCH = "The 'Access-Control-Allow-Origin' header has a value '{hint}' that is not equal to the supplied origin.";
const CREDENTIALS = "The value of the 'Access-Control-Allow-Credentials' header in the response is '{hint}' which must be 'true' when the request's credentials mode is 'include'.";

/**
 * Chrome 156's list of CORS-enabled schemes is not in the samples; this is the list recent versions print.
 */
const CORS_SCHEMES = 'http, data, isolated-app, chrome-extension, chrome, https, chrome-untrusted';

const t = (text: string, preflight: boolean, suffix: Suffix = null): Template => ({ text, preflight, suffix });

export const CONSOLE_TEMPLATES: Readonly<Record<CorsErrorCode, Template>> = {
  DisallowedByMode: t('Cross origin requests are not allowed by request mode.', false),
  InvalidResponse: t('The response is invalid.', false),
  WildcardOriginNotAllowed: t(WILDCARD, false, 'xhr-credentials'),
  PreflightWildcardOriginNotAllowed: t(WILDCARD, true, 'xhr-credentials'),
  MissingAllowOriginHeader: t(MISSING, false),
  PreflightMissingAllowOriginHeader: t(MISSING, true),
  MultipleAllowOriginValues: t(MULTIPLE, false, 'valid-value'),
  PreflightMultipleAllowOriginValues: t(MULTIPLE, true, 'valid-value'),
  InvalidAllowOriginValue: t(INVALID, false, 'valid-value'),
  PreflightInvalidAllowOriginValue: t(INVALID, true, 'valid-value'),
  AllowOriginMismatch: t(MISMATCH, false, 'valid-value'),
  PreflightAllowOriginMismatch: t(MISMATCH, true, 'valid-value'),
  InvalidAllowCredentials: t(CREDENTIALS, false, 'xhr-credentials'),
  PreflightInvalidAllowCredentials: t(CREDENTIALS, true, 'xhr-credentials'),
  CorsDisabledScheme: t(`Cross origin requests are only supported for protocol schemes: ${CORS_SCHEMES}.`, false),
  PreflightInvalidStatus: t('It does not have HTTP ok status.', true),
  PreflightDisallowedRedirect: t('Redirect is not allowed for a preflight request.', true),
  InvalidAllowMethodsPreflightResponse: t('Cannot parse Access-Control-Allow-Methods response header field in preflight response.', false),
  InvalidAllowHeadersPreflightResponse: t('Cannot parse Access-Control-Allow-Headers response header field in preflight response.', false),
  MethodDisallowedByPreflightResponse: t('Method {hint} is not allowed by Access-Control-Allow-Methods in preflight response.', false),
  HeaderDisallowedByPreflightResponse: t('Request header field {hint} is not allowed by Access-Control-Allow-Headers in preflight response.', false),
  RedirectContainsCredentials: t("Redirect location '{hint}' contains a username and password, which is disallowed for cross-origin requests.", false),
};

const SUFFIX: Readonly<Record<Exclude<Suffix, null>, { readonly kind: ResourceKind; readonly text: string }>> = {
  'valid-value': { kind: 'fetch', text: ' Have the server send the header with a valid value.' },
  'xhr-credentials': { kind: 'XMLHttpRequest', text: ' The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.' },
};

const PREFLIGHT_PREFIX = "Response to preflight request doesn't pass access control check: ";

export function chromeConsoleMessage(input: ConsoleMessageInput): string {
  const kind = input.resourceKind ?? 'fetch';
  const template = CONSOLE_TEMPLATES[input.code];
  const redirected = input.redirectedFrom !== undefined && input.redirectedFrom !== input.url ? `(redirected from '${input.redirectedFrom}') ` : '';
  // split/join, not replace: a failedParameter holding `$&` must come out verbatim.
  const body = template.text.split('{hint}').join(input.failedParameter);
  const suffix = template.suffix !== null && SUFFIX[template.suffix].kind === kind ? SUFFIX[template.suffix].text : '';
  return (
    `Access to ${kind} at '${input.url}' ${redirected}from origin '${input.origin}' has been blocked by CORS policy: ` +
    (template.preflight ? PREFLIGHT_PREFIX : '') +
    body +
    suffix
  );
}
