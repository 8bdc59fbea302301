/**
 * The preflight check: Chromium's PreflightController order, one step per line of `checkPreflight`.
 * The access check runs before the status check, so a 404 preflight without Access-Control-Allow-Origin is
 * PreflightMissingAllowOriginHeader, and PreflightInvalidStatus appears only once the origin checks pass
 * (both seen in Chromium 156). Chrome refuses a redirect before anything else is looked at; Firefox checks
 * Access-Control-Allow-Origin on the redirect first (BrowserRules.preflightRedirect).
 */
import { checkAccess } from './access-check';
import { type Browser, BROWSERS } from './browser';
import { parseAllowList } from './allow-list';
import { preflightTwin } from './codes';
import { headerValue } from './headers';
import { isSafelistedMethod } from './methods';
import type { UnsafeHeader } from './safelist';
import type { CorsErrorCode, CorsFailure, HeaderList } from './types';

export interface PreflightCheckInput {
  /** Whose order of checks (browser.ts). Absent means Chrome. */
  readonly browser?: Browser;
  readonly status: number;
  readonly headers: HeaderList;
  /** The OPTIONS response was a redirect (a 3xx with a Location). */
  readonly redirected: boolean;
  readonly origin: string;
  readonly credentials: boolean;
  /** The method the actual request uses, as sent (normalised). */
  readonly method: string;
  /** The request's CORS-unsafe headers, in request order. */
  readonly unsafeHeaders: readonly UnsafeHeader[];
}

export interface PreflightCheckResult {
  readonly failure: CorsFailure | null;
  /** `*` in Access-Control-Allow-Headers let Authorization through: Chrome allows it today but has deprecated it. */
  readonly authorizationCoveredByWildcard: boolean;
}

export function checkPreflight(input: PreflightCheckInput): PreflightCheckResult {
  const fail = (code: CorsErrorCode, failedParameter = '', offending?: string): PreflightCheckResult => ({
    failure: offending === undefined ? { code, failedParameter } : { code, failedParameter, offending },
    authorizationCoveredByWildcard: false,
  });

  const accessFirst = BROWSERS[input.browser ?? 'chrome'].preflightRedirect === 'access-first';
  if (input.redirected && !accessFirst) return fail('PreflightDisallowedRedirect');

  const access = checkAccess(input);
  if (access) return fail(preflightTwin(access.code), access.failedParameter);
  if (input.redirected) return fail('PreflightDisallowedRedirect');

  if (input.status < 200 || input.status > 299) return fail('PreflightInvalidStatus');

  const methodsValue = headerValue(input.headers, 'access-control-allow-methods');
  const methods = parseAllowList(methodsValue, false);
  // Chrome reports no failedParameter for an unparsable list (observed in Chromium 156).
  if (!methods.ok) return fail('InvalidAllowMethodsPreflightResponse', '', methods.bad);
  const headersValue = headerValue(input.headers, 'access-control-allow-headers');
  const headers = parseAllowList(headersValue, true);
  if (!headers.ok) return fail('InvalidAllowHeadersPreflightResponse', '', headers.bad);

  // `*` is a wildcard only for requests without credentials; with credentials it is the literal name "*".
  const wildcardMethods = !input.credentials && methods.items.has('*');
  if (!isSafelistedMethod(input.method) && !methods.items.has(input.method) && !wildcardMethods) {
    return fail('MethodDisallowedByPreflightResponse', input.method);
  }

  const wildcardHeaders = !input.credentials && headers.items.has('*');
  let authorizationCoveredByWildcard = false;
  const unsafe = BROWSERS[input.browser ?? 'chrome'].refusedHeaderOrder === 'sorted' ? [...input.unsafeHeaders].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) : input.unsafeHeaders;
  for (const h of unsafe) {
    if (headers.items.has(h.name)) continue;
    if (!wildcardHeaders) return fail('HeaderDisallowedByPreflightResponse', h.name);
    if (h.name === 'authorization') authorizationCoveredByWildcard = true;
  }
  return { failure: null, authorizationCoveredByWildcard };
}
