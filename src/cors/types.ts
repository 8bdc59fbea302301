/**
 * The engine's vocabulary. Error names are Chrome's own (`Network.CorsError` in the DevTools protocol) so a
 * user can match what CORS Lens says with what DevTools and the console say.
 */

/** One header line as captured. Names keep their original case; HTTP/2 captures have lowercase names. */
export interface Header {
  readonly name: string;
  readonly value: string;
}

export type HeaderList = readonly Header[];

/** Every `Network.CorsError` a HAR capture can give evidence of. */
export type CorsErrorCode =
  | 'DisallowedByMode'
  | 'InvalidResponse'
  | 'WildcardOriginNotAllowed'
  | 'MissingAllowOriginHeader'
  | 'MultipleAllowOriginValues'
  | 'InvalidAllowOriginValue'
  | 'AllowOriginMismatch'
  | 'InvalidAllowCredentials'
  | 'CorsDisabledScheme'
  | 'PreflightInvalidStatus'
  | 'PreflightDisallowedRedirect'
  | 'PreflightWildcardOriginNotAllowed'
  | 'PreflightMissingAllowOriginHeader'
  | 'PreflightMultipleAllowOriginValues'
  | 'PreflightInvalidAllowOriginValue'
  | 'PreflightAllowOriginMismatch'
  | 'PreflightInvalidAllowCredentials'
  | 'InvalidAllowMethodsPreflightResponse'
  | 'InvalidAllowHeadersPreflightResponse'
  | 'MethodDisallowedByPreflightResponse'
  | 'HeaderDisallowedByPreflightResponse'
  | 'RedirectContainsCredentials';

/** A failed check: Chrome's code and `failedParameter` exactly as Chrome fills it ("" when Chrome names nothing). */
export interface CorsFailure {
  readonly code: CorsErrorCode;
  readonly failedParameter: string;
  /**
   * The value that broke the check where Chrome's failedParameter is empty: the item of an allow-list that is
   * not a token. Reported at the point of failure so no later layer has to parse the header again.
   */
  readonly offending?: string;
}

/**
 * Which response the failing check ran on. `hop` counts redirects: hop 0 is the request as the page made it,
 * hop N the request after the Nth redirect. A preflight belongs to the hop it guarded.
 */
export type Stage = 'preflight' | 'redirect' | 'response';

export interface StagedFailure extends CorsFailure {
  readonly stage: Stage;
  readonly hop: number;
}

/** Fetch's request mode. `navigate` and `no-cors` requests never fail a CORS check. */
export type RequestMode = 'cors' | 'no-cors' | 'same-origin' | 'navigate';

/** How sure the engine is. `inferred`: a fact the HAR lacks was filled in from evidence (the observed failure, a Cookie header). */
export type Confidence = 'certain' | 'inferred' | 'uncertain';

export type VerdictKind = 'allowed' | 'blocked' | 'not-cors' | 'unknown';
