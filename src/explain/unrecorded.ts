/**
 * Whether a step's missing response is one the record cannot place ("no response recorded", not "not sent"):
 * the last request failed with no response, where the record does not show that it was never sent (a worker's
 * request, or a report Chrome made before merging in its answer: exchanges.ts). A failed preflight, or an
 * earlier hop that failed, still proves it was not sent.
 */
import type { AnalysedExchange } from '../har/analyze';

export function responseUnrecorded(x: AnalysedExchange, hop: number): boolean {
  const h = x.record.hops[hop];
  if (hop !== x.record.hops.length - 1 || !h || h.response || !x.record.stageUnknown) return false;
  const error = x.evaluation.verdict === 'blocked' ? x.evaluation.error : null;
  return !error || (error.stage !== 'preflight' && error.hop >= hop);
}
