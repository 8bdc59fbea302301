/**
 * Every request an exchange made, hop by hop, with what the server's policy must answer for it: the Origin it
 * carried ("null" after a tainting redirect), the preflight it needed and what that preflight asked for.
 * The capture's own answers stop the engine's replay at the first failing check, but what a request carries
 * never depends on those answers (only on the URLs, statuses and the page's headers), so the walk replays the
 * exchange with answers that allow anything (`*`, without credentials) and reads the requests off the replay.
 * Nothing here re-implements a rule of the engine: taint, method changes and the safelist are simulate()'s.
 */
import { BROWSERS, type ExchangeRecord, type Header, headerValue, originOf, simulate, type SimulationEnd, type StagedFailure } from '../cors';
import { answered } from './answers';

export interface PreflightAsk {
  /** The Origin the preflight carried (Firefox sends the page's after a taint, Chrome "null"). */
  readonly origin: string;
  /** Access-Control-Request-Method as sent: what Access-Control-Allow-Methods must hold. */
  readonly method: string;
  /** The CORS-unsafe header names, lower-case: Access-Control-Request-Headers, or the safelist's answer. */
  readonly headers: readonly string[];
  /** The capture holds this preflight (false: answered from the browser's cache, or never sent). */
  readonly captured: boolean;
}

export interface HopRequest {
  readonly hop: number;
  readonly url: string;
  /** The origin the request went to: whose server answers it. */
  readonly target: string;
  readonly path: string;
  readonly method: string;
  /** CORS checks applied to this hop (cross-origin, or tainted by a redirect). */
  readonly cors: boolean;
  /** The Origin the request carried. */
  readonly origin: string;
  readonly preflight: PreflightAsk | null;
}

export interface Walk {
  readonly hops: readonly HopRequest[];
  /** A check no server answer can pass (a redirect to user:pass@, a scheme without CORS), or null. */
  readonly failure: StagedFailure | null;
  readonly end: SimulationEnd;
}

const ANY_ORIGIN: readonly Header[] = [{ name: 'Access-Control-Allow-Origin', value: '*' }];
const ANYTHING: readonly Header[] = [...ANY_ORIGIN, { name: 'Access-Control-Allow-Methods', value: '*' }, { name: 'Access-Control-Allow-Headers', value: '*' }];

export function walk(record: ExchangeRecord): Walk {
  const open = answered(record, () => ({ preflight: ANYTHING, preflightRequest: null, response: ANY_ORIGIN, answerUnsent: false }));
  const sim = simulate(open, false);
  const afterTaint = BROWSERS[record.browser ?? 'chrome'].preflightOriginAfterTaint;
  const hops = sim.hops.map((h): HopRequest => {
    const captured = record.hops[h.hop]?.preflight ?? null;
    const preflight: PreflightAsk | null =
      h.preflight === 'not-needed'
        ? null
        : {
            origin: h.origin === 'null' && afterTaint === 'page' ? record.initiatorOrigin : h.origin,
            method: (captured ? headerValue(captured.requestHeaders, 'access-control-request-method') : null) ?? h.method,
            headers: [...new Set(h.unsafeHeaders.map((u) => u.name))],
            captured: h.preflight === 'network',
          };
    return { hop: h.hop, url: h.url, target: originOf(h.url), path: pathOf(h.url), method: h.method, cors: h.cors, origin: h.origin, preflight };
  });
  return { hops, failure: sim.failure, end: sim.end };
}

/** The URL's path as the server routes it ("/" when it has none or is not a URL). */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname || '/';
  } catch {
    return '/';
  }
}
