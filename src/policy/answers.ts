/**
 * The capture with the server's answers swapped: every hop's preflight and response keep their status, body
 * and redirect but carry the CORS lines a given server configuration would send instead of the captured ones.
 * The walk (walk.ts) answers with lines that allow anything, to see every request the page made; the proof
 * (replay.ts) answers with the policy's lines. Both then run the engine's own replay on the result.
 */
import { type ExchangeRecord, type Header, type HeaderList, type HopRecord, type PreflightRecord, type ResponseRecord } from '../cors';

export interface HopAnswer {
  /** CORS lines for the hop's preflight, answered 204 where it arrives; null leaves the preflight as captured. */
  readonly preflight: HeaderList | null;
  /**
   * The preflight request to answer when the capture holds none (the browser answered it from its cache, or
   * stopped before sending it): then one is added. Ignored when the capture has one.
   */
  readonly preflightRequest: HeaderList | null;
  /** CORS lines for the hop's response; null leaves it as captured. */
  readonly response: HeaderList | null;
  /**
   * The capture holds no response because the browser stopped the request at its preflight: under the new
   * answers it would have been sent, so it is answered as a final (non-redirect) response carrying the lines.
   */
  readonly answerUnsent: boolean;
}

const PREFLIGHT_STATUS = 204;

/** The record with each hop answered as `answerFor` says (null: the hop as captured). */
export function answered(record: ExchangeRecord, answerFor: (hop: number) => HopAnswer | null): ExchangeRecord {
  const hops = record.hops.map((hop, i): HopRecord => {
    const a = answerFor(i);
    return a ? answerHop(hop, a) : hop;
  });
  return { ...record, hops };
}

function answerHop(hop: HopRecord, a: HopAnswer): HopRecord {
  let preflight: PreflightRecord | null = hop.preflight;
  if (a.preflight !== null && (hop.preflight !== null || a.preflightRequest !== null)) {
    preflight = {
      requestHeaders: hop.preflight?.requestHeaders ?? a.preflightRequest ?? [],
      response: { status: PREFLIGHT_STATUS, headers: [...a.preflight], redirectUrl: null },
      error: null,
    };
  }
  let response: ResponseRecord | null = hop.response;
  let error = hop.error;
  let provisional = hop.provisional;
  if (a.response !== null && response !== null) response = { ...response, headers: withLines(response.headers, a.response) };
  else if (a.response !== null && a.answerUnsent) {
    response = { status: 200, headers: [...a.response], redirectUrl: null };
    error = null;
    provisional = false;
  }
  return { ...hop, preflight, response, error, provisional };
}

/** The captured headers without any Access-Control-* line, then the new lines. */
export function withLines(headers: HeaderList, lines: HeaderList): Header[] {
  return [...headers.filter((h) => !/^access-control-/i.test(h.name)), ...lines];
}
