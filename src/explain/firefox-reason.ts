/**
 * What Firefox says about a failure found under its rules (the exchange judged as Firefox, browser.ts): its
 * reason key (security.properties, the key its console message and MDN page are named by) and the argument it
 * fills in. CODES holds the key per code; the exceptions below are failures Firefox logs under no key of their
 * own (recorded on the zoo, test/fixtures/firefox/README.md).
 */
import { allowListItems, CODES, failingResponse, headerValue, headerValues } from '../cors';
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
      return { key, arg: firstRefusedSorted(x) ?? error.failedParameter };
    case 'CORSInvalidAllowMethod':
    case 'CORSInvalidAllowHeader':
      return { key, arg: error.offending ?? (error.failedParameter || null) };
    default:
      return { key, arg: null };
  }
}

/**
 * Firefox walks its Access-Control-Request-Headers list, sorted and lower-cased, and names the first name the
 * preflight refuses (t-three-headers-one-allowed: x-alpha, where Chrome names x-zeta, the first in request order).
 */
function firstRefusedSorted(x: AnalysedExchange): string | null {
  const error = x.evaluation.error;
  const hop = error ? x.evaluation.hops[error.hop] : undefined;
  const response = error ? failingResponse(x.record, error) : null;
  if (!hop || !response) return null;
  const allowed = new Set(allowListItems(headerValue(response.headers, 'access-control-allow-headers')).map((n) => n.toLowerCase()));
  const wildcard = x.evaluation.credentials !== 'include' && allowed.has('*');
  const names = [...new Set(hop.unsafeHeaders.map((h) => h.name))].sort();
  return names.find((n) => !allowed.has(n) && !(wildcard && n !== 'authorization')) ?? null;
}
