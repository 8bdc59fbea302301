/**
 * What the engine is told about one exchange: plain records, no HAR, no DOM. The HAR layer fills them from
 * captured entries; tests and the property checks build them directly.
 */
import type { Browser } from './browser';
import type { HeaderList, RequestMode, Stage } from './types';

export interface ResponseRecord {
  readonly status: number;
  readonly headers: HeaderList;
  /** Where the response redirected to, or null when it is not a redirect. */
  readonly redirectUrl: string | null;
}

export interface PreflightRecord {
  /** The OPTIONS request's headers (Origin, Access-Control-Request-Method, Access-Control-Request-Headers). */
  readonly requestHeaders: HeaderList;
  /** null when no response arrived (a dropped connection). */
  readonly response: ResponseRecord | null;
  /** The network error the capture recorded on the OPTIONS request, if any (net::ERR_INVALID_REDIRECT, ...). */
  readonly error: string | null;
}

/** One request on the way to the final response: hop 0 is what the page asked for, hop N follows the Nth redirect. */
export interface HopRecord {
  readonly url: string;
  readonly method: string;
  readonly requestHeaders: HeaderList;
  /**
   * Only the headers the page set were captured (Chrome's "provisional headers"): the request never reached
   * the network, which for a CORS request means its preflight failed.
   */
  readonly provisional: boolean;
  readonly preflight: PreflightRecord | null;
  readonly response: ResponseRecord | null;
  readonly error: string | null;
}

export type CredentialsEvidence = 'include' | 'omit' | 'unknown';

export interface ExchangeRecord {
  /** Whose CORS rules apply (browser.ts): the browser that made the capture. Absent means Chrome. */
  readonly browser?: Browser;
  /** The origin of the page that made the request ("null" for an opaque origin). */
  readonly initiatorOrigin: string;
  readonly mode: RequestMode;
  /** `include` when a Cookie header proves it; `unknown` when the capture cannot tell (it usually cannot). */
  readonly credentials: CredentialsEvidence;
  /** The headers the page itself set on the request: what decides whether a preflight is needed. */
  readonly authorHeaders: HeaderList;
  readonly hops: readonly HopRecord[];
  /** False for captures that never record network errors (not Chrome's): then "no error" proves nothing. */
  readonly errorsRecorded: boolean;
  /**
   * False when the capture leaves failed requests out (chrome-har, proxies): a redirect with no next request in
   * the capture may have been followed and failed. Absent means true.
   */
  readonly chainComplete?: boolean;
  /**
   * Set when a failed request without a response says nothing about where it failed, and why: a request filed
   * under no page ('other-target': Chrome records a worker's requests with status 0 wherever they failed, not
   * only when the preflight did), or a report Chrome made before merging in the response ('early-report').
   * Absent: a failed request without a response was stopped at its preflight.
   */
  readonly stageUnknown?: 'other-target' | 'early-report';
}

/**
 * The response a failing check ran on: the preflight's for a failure at stage `preflight`, else the hop's own.
 * null when the capture holds none (a preflight answered from cache, a dropped connection).
 */
export function failingResponse(record: ExchangeRecord, failure: { readonly stage: Stage; readonly hop: number }): ResponseRecord | null {
  const hop = record.hops[failure.hop];
  return (failure.stage === 'preflight' ? hop?.preflight?.response : hop?.response) ?? null;
}
