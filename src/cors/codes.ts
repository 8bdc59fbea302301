/**
 * One descriptor per Chrome error code: every fact the engine and the layers above need about a code, in one
 * place. The words for each code (headline, short label, console template) are keyed the same way in
 * src/explain/code-words.ts, which cannot live here because the engine knows nothing of explanations.
 *
 * Six access-check codes have a `Preflight*` twin: the same check, failed on the preflight's response.
 * The twin's name is built from the base code's, so the map between them is total by its type: a new
 * access-check code without a twin does not compile.
 */
import type { CorsErrorCode } from './types';

/** The checks of Chromium's cors::CheckAccess, which run on a preflight's response as well as on any other. */
export const ACCESS_CODES = [
  'WildcardOriginNotAllowed',
  'MissingAllowOriginHeader',
  'MultipleAllowOriginValues',
  'InvalidAllowOriginValue',
  'AllowOriginMismatch',
  'InvalidAllowCredentials',
] as const;

export type AccessCode = (typeof ACCESS_CODES)[number];
export type PreflightTwin = `Preflight${AccessCode}`;
/** A code that is not a preflight twin: the key of every table that words a code once for both. */
export type BaseCode = Exclude<CorsErrorCode, PreflightTwin>;

/**
 * Where in Chromium's order the check that fails runs:
 * - `request`: before anything is sent (the URL's scheme, the request mode);
 * - `access`: the access check on a response's Access-Control-Allow-Origin and -Credentials;
 * - `preflight`: the checks only a preflight's response gets (status, redirect, the allow-lists);
 * - `redirect`: the rules on a redirect's Location;
 * - `response`: the response itself was unusable.
 */
export type CodeFamily = 'request' | 'access' | 'preflight' | 'redirect' | 'response';

export interface CodeFacts {
  readonly family: CodeFamily;
  /** The code is reported on the preflight's response (a twin, or a preflight-only check). */
  readonly onPreflight: boolean;
  /**
   * The response header the failing check reads, whose value the explanation shows and the fix replaces
   * (Location for the redirect codes), or null when the check reads none (a status, a scheme, a mode).
   */
  readonly header: string | null;
  /** Firefox's reason key for the same failure (its security.properties message, naming the MDN page). */
  readonly firefox: string;
}

const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';

type BaseFacts = Omit<CodeFacts, 'onPreflight'> & { readonly onPreflight?: true };

/**
 * Facts per base code. Firefox has no dedicated key for RedirectContainsCredentials or DisallowedByMode;
 * the closest is given.
 */
const BASE: Readonly<Record<BaseCode, BaseFacts>> = {
  DisallowedByMode: { family: 'request', header: null, firefox: 'CORSDidNotSucceed2' },
  CorsDisabledScheme: { family: 'request', header: null, firefox: 'CORSRequestNotHttp' },
  InvalidResponse: { family: 'response', header: null, firefox: 'CORSDidNotSucceed2' },
  WildcardOriginNotAllowed: { family: 'access', header: ACAO, firefox: 'CORSNotSupportingCredentials' },
  MissingAllowOriginHeader: { family: 'access', header: ACAO, firefox: 'CORSMissingAllowOrigin2' },
  MultipleAllowOriginValues: { family: 'access', header: ACAO, firefox: 'CORSMultipleAllowOriginNotAllowed' },
  InvalidAllowOriginValue: { family: 'access', header: ACAO, firefox: 'CORSAllowOriginNotMatchingOrigin' },
  AllowOriginMismatch: { family: 'access', header: ACAO, firefox: 'CORSAllowOriginNotMatchingOrigin' },
  InvalidAllowCredentials: { family: 'access', header: ACAC, firefox: 'CORSMissingAllowCredentials' },
  PreflightInvalidStatus: { family: 'preflight', onPreflight: true, header: null, firefox: 'CORSPreflightDidNotSucceed3' },
  PreflightDisallowedRedirect: { family: 'preflight', onPreflight: true, header: 'Location', firefox: 'CORSExternalRedirectNotAllowed' },
  InvalidAllowMethodsPreflightResponse: { family: 'preflight', onPreflight: true, header: 'Access-Control-Allow-Methods', firefox: 'CORSInvalidAllowMethod' },
  InvalidAllowHeadersPreflightResponse: { family: 'preflight', onPreflight: true, header: 'Access-Control-Allow-Headers', firefox: 'CORSInvalidAllowHeader' },
  MethodDisallowedByPreflightResponse: { family: 'preflight', onPreflight: true, header: 'Access-Control-Allow-Methods', firefox: 'CORSMethodNotFound' },
  HeaderDisallowedByPreflightResponse: { family: 'preflight', onPreflight: true, header: 'Access-Control-Allow-Headers', firefox: 'CORSMissingAllowHeaderFromPreflight2' },
  RedirectContainsCredentials: { family: 'redirect', header: 'Location', firefox: 'CORSDidNotSucceed2' },
};

/** An access-check failure on a preflight is reported as its Preflight* twin. */
export function preflightTwin(code: AccessCode): PreflightTwin {
  return `Preflight${code}`;
}

const TWIN_BASE: ReadonlyMap<CorsErrorCode, AccessCode> = new Map(ACCESS_CODES.map((c) => [preflightTwin(c), c]));

export function isPreflightTwin(code: CorsErrorCode): code is PreflightTwin {
  return TWIN_BASE.has(code);
}

export function isAccessCode(code: CorsErrorCode): code is AccessCode {
  return (ACCESS_CODES as readonly CorsErrorCode[]).includes(code);
}

/** The code a twin was made from; any other code is its own base. */
export function baseCode(code: CorsErrorCode): BaseCode {
  return TWIN_BASE.get(code) ?? (code as BaseCode);
}

function build(): Record<CorsErrorCode, CodeFacts> {
  const out = {} as Record<CorsErrorCode, CodeFacts>;
  for (const [code, facts] of Object.entries(BASE) as [BaseCode, BaseFacts][]) out[code] = { ...facts, onPreflight: facts.onPreflight === true };
  for (const code of ACCESS_CODES) out[preflightTwin(code)] = { ...BASE[code], onPreflight: true };
  return out;
}

/** Every code's facts; a twin's are its base code's, on the preflight. */
export const CODES: Readonly<Record<CorsErrorCode, CodeFacts>> = build();
