/**
 * The failure in a few words, for a list row or a grouped line: the header and the value, no sentence. The full
 * explanation is `explain()`; this is what fits in a column and still names the offending header.
 */
import type { CorsErrorCode, CorsWarning } from '../cors';
import type { AnalysedExchange } from '../har/analyze';
import { MAX_AGE_CAP } from '../http';
import { clean } from './display';
import { shorten } from './preflight-cause';

const v = (fp: string): string => (fp === '' ? '' : ` '${clean(shorten(fp, 40))}'`);

const SHORT: Readonly<Record<CorsErrorCode, (fp: string) => string>> = {
  MissingAllowOriginHeader: () => 'no Access-Control-Allow-Origin',
  PreflightMissingAllowOriginHeader: () => 'preflight: no Access-Control-Allow-Origin',
  AllowOriginMismatch: (fp) => `Allow-Origin${v(fp)} is not this origin`,
  PreflightAllowOriginMismatch: (fp) => `preflight: Allow-Origin${v(fp)} is not this origin`,
  InvalidAllowOriginValue: (fp) => `invalid Allow-Origin${v(fp)}`,
  PreflightInvalidAllowOriginValue: (fp) => `preflight: invalid Allow-Origin${v(fp)}`,
  MultipleAllowOriginValues: (fp) => `several Allow-Origin values${v(fp)}`,
  PreflightMultipleAllowOriginValues: (fp) => `preflight: several Allow-Origin values${v(fp)}`,
  WildcardOriginNotAllowed: () => "Allow-Origin '*' with credentials",
  PreflightWildcardOriginNotAllowed: () => "preflight: Allow-Origin '*' with credentials",
  InvalidAllowCredentials: (fp) => `Allow-Credentials${v(fp)} is not 'true'`,
  PreflightInvalidAllowCredentials: (fp) => `preflight: Allow-Credentials${v(fp)} is not 'true'`,
  PreflightInvalidStatus: () => 'preflight answered non-2xx',
  PreflightDisallowedRedirect: () => 'preflight was redirected',
  InvalidAllowMethodsPreflightResponse: () => 'preflight: unparsable Allow-Methods',
  InvalidAllowHeadersPreflightResponse: () => 'preflight: unparsable Allow-Headers',
  MethodDisallowedByPreflightResponse: (fp) => `method${v(fp)} not in Allow-Methods`,
  HeaderDisallowedByPreflightResponse: (fp) => `header${v(fp)} not in Allow-Headers`,
  RedirectContainsCredentials: () => 'redirect URL has user:password',
  DisallowedByMode: () => "redirect not allowed in mode 'same-origin'",
  CorsDisabledScheme: (fp) => `scheme not allowed for CORS${v(fp)}`,
  InvalidResponse: () => 'invalid response',
};

const WARNING_SHORT: Readonly<Record<CorsWarning['code'], string>> = {
  AuthorizationCoveredByWildcard: 'Authorization covered only by Allow-Headers *',
  NullOriginAllowed: "Allow-Origin 'null'",
  MissingVaryOrigin: 'no Vary: Origin',
  MaxAgeAboveBrowserCap: `Max-Age above ${MAX_AGE_CAP.chrome} s`,
  CredentialedOriginReflection: 'Origin reflected with credentials',
};

export function shortFailure(code: CorsErrorCode, failedParameter: string): string {
  return SHORT[code](failedParameter);
}

/** A few words for any verdict: the failure, else the first warning, else what the verdict means. */
export function shortSummary(x: AnalysedExchange): string {
  const { evaluation, warnings } = x;
  if (evaluation.verdict === 'blocked') {
    const error = evaluation.error;
    if (!error) return 'blocked';
    if (error.code === 'PreflightInvalidStatus') {
      const status = x.record.hops[error.hop]?.preflight?.response?.status;
      if (status !== undefined) return `preflight answered ${status}`;
    }
    return shortFailure(error.code, error.failedParameter);
  }
  const w = warnings[0];
  if (w) return warnings.length > 1 ? `${WARNING_SHORT[w.code]} (+${warnings.length - 1})` : WARNING_SHORT[w.code];
  if (evaluation.verdict === 'unknown') return evaluation.networkError ? clean(evaluation.networkError) : 'not enough evidence';
  if (evaluation.verdict === 'not-cors') return evaluation.notes.includes('same-origin') ? 'same-origin' : 'not a CORS request';
  return evaluation.notes.includes('preflight-from-cache') ? 'allowed (preflight from cache)' : 'allowed';
}
