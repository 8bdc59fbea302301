/**
 * The failure in a few words, for a list row or a grouped line: the header and the value, no sentence. The full
 * explanation is `explain()`; this is what fits in a column and still names the offending header.
 */
import { type CorsErrorCode, type CorsWarning, failingResponse } from '../cors';
import type { AnalysedExchange } from '../har/analyze';
import { NOT_CORS_SHORT } from '../har/not-cors';
import { MAX_AGE_CAP } from '../http';
import { cap, plain } from './captured';
import { CODE_WORDS } from './code-words';
import { clean } from './display';

const WARNING_SHORT: Readonly<Record<CorsWarning['code'], string>> = {
  AuthorizationCoveredByWildcard: 'Authorization covered only by Allow-Headers *',
  NullOriginAllowed: "Allow-Origin 'null'",
  MissingVaryOrigin: 'no Vary: Origin',
  MaxAgeAboveBrowserCap: `Max-Age above ${MAX_AGE_CAP.chrome} s`,
  CredentialedOriginReflection: 'Origin reflected with credentials',
};

export function shortFailure(code: CorsErrorCode, failedParameter: string): string {
  return plain(CODE_WORDS[code].short(failedParameter));
}

/** A few words for any verdict: the failure, else the first warning, else what the verdict means. */
export function shortSummary(x: AnalysedExchange): string {
  return plain(shortSummaryMarked(x));
}

/** The same words with captured values marked (captured.ts), for Markdown. */
export function shortSummaryMarked(x: AnalysedExchange): string {
  const { evaluation, warnings } = x;
  if (evaluation.verdict === 'blocked') {
    const error = evaluation.error;
    if (!error) return 'blocked';
    if (error.code === 'PreflightInvalidStatus') {
      const status = failingResponse(x.record, error)?.status;
      if (status !== undefined) return `preflight answered ${status}`;
    }
    return CODE_WORDS[error.code].short(error.failedParameter);
  }
  const w = warnings[0];
  if (w) return warnings.length > 1 ? `${WARNING_SHORT[w.code]} (+${warnings.length - 1})` : WARNING_SHORT[w.code];
  if (evaluation.verdict === 'unknown') return evaluation.networkError ? cap(clean(evaluation.networkError)) : 'not enough evidence';
  if (evaluation.verdict === 'not-cors') return x.notCors !== null ? NOT_CORS_SHORT[x.notCors] : evaluation.notes.includes('same-origin') ? 'same-origin' : 'not a CORS request';
  return evaluation.notes.includes('preflight-from-cache') ? 'allowed (preflight from cache)' : 'allowed';
}
