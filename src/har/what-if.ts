/**
 * What-if: the exchange as it would be had the server sent other response headers on one or more of its steps.
 * The user edits a captured step in the detail view, and the verdict and explanation re-run on this, so a
 * proposed change can be tried on the real exchange before anyone deploys it.
 *
 * An edit replaces the step's whole header list (the user sees and edits all of it). What the browser recorded
 * about the captured answers (its failure, whether it sent the next request) no longer describes the edited
 * exchange, so from the first edited step on the recorded failures are dropped and the verdict rests on the
 * replay alone. A request the browser never sent keeps no response: where the edits let it through, the
 * verdict says that it depends on the answer the capture does not hold, until the user adds one.
 */
import type { ExchangeRecord, HeaderList, HopRecord } from '../cors';
import { type AnalysedExchange, analyseBuilt } from './analyze';

export type EditedStep = 'preflight' | 'response';

export interface HeaderEdit {
  readonly hop: number;
  readonly step: EditedStep;
  /** The step's whole response header list as edited. */
  readonly headers: HeaderList;
}

/** The failure Chrome records for a request its CORS checks stopped: the decision the edit reopens. */
const CORS_FAILURE = 'net::ERR_FAILED';

export function editKey(hop: number, step: EditedStep): string {
  return `${hop}:${step}`;
}

export function whatIf(x: AnalysedExchange, edits: readonly HeaderEdit[]): AnalysedExchange {
  const valid = edits.filter((e) => x.record.hops[e.hop] !== undefined);
  if (valid.length === 0) return x;
  const from = Math.min(...valid.map((e) => e.hop));
  const hops = x.record.hops.map((hop, i): HopRecord => (i < from ? hop : edited(hop, i, valid)));
  // The credentials mode the captured verdict settled on (a Cookie, or the browser's own failure) still holds.
  const credentials = x.record.credentials !== 'unknown' ? x.record.credentials : x.evaluation.credentials;
  const record: ExchangeRecord = { ...x.record, hops, credentials, errorsRecorded: false };
  // The rest of the exchange (entries, bodies, id) is the captured one.
  const again = analyseBuilt({ ...x, record, modeUnproven: false }, x.id, x.capture);
  if (!again.evaluation.notes.includes('decision-not-recorded')) return again;
  // "The file does not record the browser's decision" is about files; here the replay is the whole question.
  const notes = again.evaluation.notes.filter((n) => n !== 'decision-not-recorded');
  const confidence = again.evaluation.confidence === 'inferred' ? 'certain' : again.evaluation.confidence;
  const evaluation = { ...again.evaluation, notes, confidence };
  return { ...again, evaluation };
}

function edited(hop: HopRecord, i: number, edits: readonly HeaderEdit[]): HopRecord {
  const pf = edits.find((e) => e.hop === i && e.step === 'preflight');
  const res = edits.find((e) => e.hop === i && e.step === 'response');
  const preflight = hop.preflight && {
    ...hop.preflight,
    response: pf ? { status: hop.preflight.response?.status ?? 204, redirectUrl: hop.preflight.response?.redirectUrl ?? null, headers: pf.headers } : hop.preflight.response,
    error: hop.preflight.error === CORS_FAILURE ? null : hop.preflight.error,
  };
  const response = res ? { status: hop.response?.status ?? 200, redirectUrl: hop.response?.redirectUrl ?? null, headers: res.headers } : hop.response;
  // A response added to a request the browser never sent: it was sent now, with the headers the page set.
  const provisional = hop.provisional && !(res && !hop.response);
  return { ...hop, preflight, response, provisional, error: hop.error === CORS_FAILURE || (res && !hop.response) ? null : hop.error };
}
