/**
 * Which exchanges a server policy is derived from and checked against: the CORS ones. An exchange counts when
 * the engine did not call it not-cors, its mode is `cors`, and the page's request went to another origin. The
 * credentials mode is the one the evidence shows: a Cookie sent, or the engine's inference from the browser's
 * failure. Everything else is read as fetch()'s default, which sends no credentials across origins.
 */
import { originOf, sameOrigin } from '../cors';
import type { AnalysedExchange } from '../har';

export function isCorsExchange(x: AnalysedExchange): boolean {
  if (x.evaluation.verdict === 'not-cors' || x.record.mode !== 'cors') return false;
  const first = x.record.hops[0];
  return first !== undefined && !sameOrigin(x.record.initiatorOrigin, originOf(first.url));
}

export function corsExchanges(exchanges: readonly AnalysedExchange[]): AnalysedExchange[] {
  return exchanges.filter(isCorsExchange);
}

/** True when the capture shows the request was sent with credentials. */
export function usedCredentials(x: AnalysedExchange): boolean {
  return x.record.credentials === 'include' || x.evaluation.credentials === 'include';
}
