/**
 * What Firefox says about a failure found under its rules (the exchange judged as Firefox, browser.ts): its
 * reason key (security.properties, the key its console message and MDN page are named by) and the argument it
 * fills in. CODES holds the key per code; the exceptions below are failures Firefox logs under no key of their
 * own (recorded on the zoo, test/fixtures/firefox/README.md).
 */
import { CODES, failingResponse, headerValues } from '../cors';
import type { AnalysedExchange } from '../har/analyze';

export interface FirefoxReason {
  readonly key: string;
  /** The value Firefox puts in its message (a status, an origin, a header name), or null. */
  readonly arg: string | null;
}

export function firefoxReason(x: AnalysedExchange): FirefoxReason | null {
  const error = x.evaluation.error;
  if (x.evaluation.verdict !== 'blocked' || !error) return null;
  const response = failingResponse(x.record, error);
  const status = response ? String(response.status) : null;
  const acao = response ? headerValues(response.headers, 'access-control-allow-origin') : [];
  switch (error.code) {
    case 'CorsDisabledScheme':
    case 'RedirectContainsCredentials':
      // A redirect Chrome refuses outright has no key of its own in Firefox.
      return { key: 'CORSDidNotSucceed2', arg: null };
  }
  const key = CODES[error.code].firefox;
  switch (key) {
    case 'CORSMissingAllowOrigin2':
    case 'CORSPreflightDidNotSucceed3':
      return { key, arg: status };
    case 'CORSAllowOriginNotMatchingOrigin':
      return { key, arg: acao.join(', ') };
    case 'CORSMissingAllowHeaderFromPreflight2':
      // The Firefox rules already name the first refused header of the sorted list (BrowserRules.refusedHeaderOrder).
      return { key, arg: error.failedParameter };
    case 'CORSInvalidAllowMethod':
    case 'CORSInvalidAllowHeader':
      return { key, arg: error.offending ?? (error.failedParameter || null) };
    default:
      return { key, arg: null };
  }
}
