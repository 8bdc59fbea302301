/**
 * Per-code facts as a table: the Firefox reason key for the same failure (Firefox's own message keys from
 * security.properties, which name the MDN page a Firefox user is sent to), and the header each code is about.
 * Firefox has no dedicated key for RedirectContainsCredentials or DisallowedByMode; the closest is given.
 */
import type { CorsErrorCode } from './types';

export interface CodeFacts {
  /** Firefox's reason key (security.properties), e.g. CORSMissingAllowOrigin2. */
  readonly firefox: string;
  /** The response header the server must fix, or null when the fix is not a header (a redirect, a status). */
  readonly header: string | null;
}

export const CODE_FACTS: Readonly<Record<CorsErrorCode, CodeFacts>> = {
  DisallowedByMode: { firefox: 'CORSDidNotSucceed2', header: null },
  InvalidResponse: { firefox: 'CORSDidNotSucceed2', header: null },
  WildcardOriginNotAllowed: { firefox: 'CORSNotSupportingCredentials', header: 'Access-Control-Allow-Origin' },
  MissingAllowOriginHeader: { firefox: 'CORSMissingAllowOrigin2', header: 'Access-Control-Allow-Origin' },
  MultipleAllowOriginValues: { firefox: 'CORSMultipleAllowOriginNotAllowed', header: 'Access-Control-Allow-Origin' },
  InvalidAllowOriginValue: { firefox: 'CORSAllowOriginNotMatchingOrigin', header: 'Access-Control-Allow-Origin' },
  AllowOriginMismatch: { firefox: 'CORSAllowOriginNotMatchingOrigin', header: 'Access-Control-Allow-Origin' },
  InvalidAllowCredentials: { firefox: 'CORSMissingAllowCredentials', header: 'Access-Control-Allow-Credentials' },
  CorsDisabledScheme: { firefox: 'CORSRequestNotHttp', header: null },
  PreflightInvalidStatus: { firefox: 'CORSPreflightDidNotSucceed3', header: null },
  PreflightDisallowedRedirect: { firefox: 'CORSExternalRedirectNotAllowed', header: null },
  PreflightWildcardOriginNotAllowed: { firefox: 'CORSNotSupportingCredentials', header: 'Access-Control-Allow-Origin' },
  PreflightMissingAllowOriginHeader: { firefox: 'CORSMissingAllowOrigin2', header: 'Access-Control-Allow-Origin' },
  PreflightMultipleAllowOriginValues: { firefox: 'CORSMultipleAllowOriginNotAllowed', header: 'Access-Control-Allow-Origin' },
  PreflightInvalidAllowOriginValue: { firefox: 'CORSAllowOriginNotMatchingOrigin', header: 'Access-Control-Allow-Origin' },
  PreflightAllowOriginMismatch: { firefox: 'CORSAllowOriginNotMatchingOrigin', header: 'Access-Control-Allow-Origin' },
  PreflightInvalidAllowCredentials: { firefox: 'CORSMissingAllowCredentials', header: 'Access-Control-Allow-Credentials' },
  InvalidAllowMethodsPreflightResponse: { firefox: 'CORSInvalidAllowMethod', header: 'Access-Control-Allow-Methods' },
  InvalidAllowHeadersPreflightResponse: { firefox: 'CORSInvalidAllowHeader', header: 'Access-Control-Allow-Headers' },
  MethodDisallowedByPreflightResponse: { firefox: 'CORSMethodNotFound', header: 'Access-Control-Allow-Methods' },
  HeaderDisallowedByPreflightResponse: { firefox: 'CORSMissingAllowHeaderFromPreflight2', header: 'Access-Control-Allow-Headers' },
  RedirectContainsCredentials: { firefox: 'CORSDidNotSucceed2', header: 'Location' },
};

export const ALL_CODES = Object.keys(CODE_FACTS) as CorsErrorCode[];
