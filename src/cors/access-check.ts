/**
 * The CORS access check on one response: Chromium's cors::CheckAccess, one rule per step in Chromium's order.
 * Order matters for the code Chrome reports: `*` is judged before credentials (so `*` with credentials is
 * WildcardOriginNotAllowed whatever Access-Control-Allow-Credentials says), and a missing or wrong
 * Access-Control-Allow-Origin is reported before anything about credentials.
 */
import { type Browser, BROWSERS } from './browser';
import { headerValue, headerValues } from './headers';
import { isValidUrl } from './origin';
import type { AccessCode } from './codes';
import type { CorsFailure, HeaderList } from './types';

/** A failure of the access check: always one of the codes that have a Preflight* twin. */
export interface AccessFailure extends CorsFailure {
  readonly code: AccessCode;
}

export interface AccessCheckInput {
  readonly headers: HeaderList;
  /** Whose reading of repeated Access-Control-Allow-Origin lines (browser.ts). Absent means Chrome. */
  readonly browser?: Browser;
  /** The request's origin as the `Origin` header carries it ("null" after a tainting redirect). */
  readonly origin: string;
  /** True for credentials mode `include`. */
  readonly credentials: boolean;
}

export function checkAccess(input: AccessCheckInput): AccessFailure | null {
  // No status here: Chromium's CheckAccess never looks at it (a 500 with the right headers passes; a preflight's
  // status is judged separately, after this).
  const allowOrigin = headerValue(input.headers, 'access-control-allow-origin');
  const originFailure = BROWSERS[input.browser ?? 'chrome'].allowOriginLines === 'counted' ? countedAllowOrigin(input) : checkAllowOrigin(allowOrigin, input.origin, input.credentials);
  if (originFailure !== 'pass') return originFailure;
  if (allowOrigin === '*') return null; // `*` without credentials: nothing more to check.
  return input.credentials ? checkAllowCredentials(headerValue(input.headers, 'access-control-allow-credentials')) : null;
}

/** Steps on Access-Control-Allow-Origin alone. `pass` means "go on to the credentials check". */
function checkAllowOrigin(allowOrigin: string | null, origin: string, credentials: boolean): AccessFailure | null | 'pass' {
  if (allowOrigin === '*') return credentials ? { code: 'WildcardOriginNotAllowed', failedParameter: '' } : 'pass';
  if (allowOrigin === null) return { code: 'MissingAllowOriginHeader', failedParameter: '' };
  if (allowOrigin === origin) return 'pass';
  // Chrome compares strings, not parsed origins: a trailing slash or an upper-case host is a mismatch.
  if (/[ ,]/.test(allowOrigin)) return { code: 'MultipleAllowOriginValues', failedParameter: allowOrigin };
  if (allowOrigin === 'null') return { code: 'AllowOriginMismatch', failedParameter: allowOrigin };
  if (!isValidUrl(allowOrigin)) return { code: 'InvalidAllowOriginValue', failedParameter: allowOrigin };
  return { code: 'AllowOriginMismatch', failedParameter: allowOrigin };
}

/**
 * Firefox's reading (nsCORSListenerProxy::CheckRequestApproved): more than one line fails whatever they hold,
 * and the one line is compared whole, so a list or a malformed value is a mismatch (recorded in Firefox ESR
 * 153: s-get-two-identical, s-get-comma-list, s-get-empty, s-get-not-url).
 */
function countedAllowOrigin(input: AccessCheckInput): AccessFailure | null | 'pass' {
  const lines = headerValues(input.headers, 'access-control-allow-origin');
  if (lines.length > 1) return { code: 'MultipleAllowOriginValues', failedParameter: lines.join(', ') };
  const allowOrigin = lines[0] ?? null;
  if (allowOrigin === '*') return input.credentials ? { code: 'WildcardOriginNotAllowed', failedParameter: '' } : 'pass';
  if (allowOrigin === null) return { code: 'MissingAllowOriginHeader', failedParameter: '' };
  return allowOrigin === input.origin ? 'pass' : { code: 'AllowOriginMismatch', failedParameter: allowOrigin };
}

/** Access-Control-Allow-Credentials must be exactly `true`: `True` fails, and so does absence (failedParameter ""). */
function checkAllowCredentials(allowCredentials: string | null): AccessFailure | null {
  if (allowCredentials === 'true') return null;
  return { code: 'InvalidAllowCredentials', failedParameter: allowCredentials ?? '' };
}
