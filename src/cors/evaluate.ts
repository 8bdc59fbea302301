/**
 * The verdict on one exchange. The replay (simulate.ts) says what Chrome's checks conclude from the headers;
 * this module weighs that against what the capture observed (did the browser fail the request, and where) and
 * against what the capture cannot show (credentials mode, a preflight answered from cache), and says how sure
 * it is. The rule: never a confident wrong verdict. When the evidence disagrees with the replay, say so.
 */
import type { ExchangeRecord } from './exchange';
import { preflightReasons, type PreflightReason } from './preflight-need';
import { type HopOutcome, simulate, type Simulation } from './simulate';
import type { Confidence, StagedFailure, VerdictKind } from './types';
import type { CorsWarning } from './warnings';

/** Facts about how the verdict was reached, for the explanation ("the preflight came from cache", ...). */
export type EvidenceNote =
  | 'preflight-from-cache'
  | 'preflight-missing'
  | 'credentials-from-cookie'
  | 'credentials-inferred-include'
  | 'credentials-inferred-omit'
  | 'credentials-unknown'
  | 'network-error'
  | 'redirect-not-followed'
  | 'browser-failed-but-checks-pass'
  | 'browser-allowed-but-checks-fail'
  | 'same-origin'
  | 'mode-not-cors'
  /** The capture does not record the browser's decision (Firefox, proxies): a failing check is the only evidence. */
  | 'decision-not-recorded'
  /** The last response redirects, and the capture leaves failed requests out: the chain may go on unseen. */
  | 'chain-cut'
  /** The browser recorded a CORS failure (net::ERR_FAILED) but the capture holds no response to replay. */
  | 'no-response-captured'
  /** Only an Origin shows the request was CORS, and a no-cors POST sends one too (set by the HAR layer). */
  | 'cors-mode-unproven'
  /** The last response redirects to a Location that is not a URL: a network failure in every browser. */
  | 'invalid-redirect';

export interface Evaluation {
  readonly verdict: VerdictKind;
  readonly error: StagedFailure | null;
  readonly confidence: Confidence;
  /** The credentials mode the verdict assumes. */
  readonly credentials: 'include' | 'omit' | 'unknown';
  /** Why the first hop needed a preflight (empty when it did not). */
  readonly preflightReasons: readonly PreflightReason[];
  readonly hops: readonly HopOutcome[];
  readonly warnings: readonly CorsWarning[];
  readonly notes: readonly EvidenceNote[];
  /** The network error the browser reported when the failure was not a CORS one (net::ERR_CONNECTION_REFUSED). */
  readonly networkError: string | null;
  /**
   * The failure under the reading of the capture the verdict does not assume: the other credentials mode, when
   * the mode is unknown and the two disagree ("blocked if the page sent credentials"); or CORS mode, for a POST
   * only its Origin shows was CORS (note cors-mode-unproven). Absent when no such failure exists.
   */
  readonly otherwise?: StagedFailure | null;
}

/** What the capture shows happened to the request in the end. */
type Observed =
  | { kind: 'failed'; at: 'preflight' | 'response' | 'unknown'; hop: number }
  | { kind: 'completed' }
  | { kind: 'network-error'; error: string }
  | { kind: 'unknown' };

const CORS_FAILURE_ERROR = 'net::ERR_FAILED';

function observe(exchange: ExchangeRecord): Observed {
  const last = exchange.hops[exchange.hops.length - 1];
  if (!last) return { kind: 'unknown' };
  const hop = exchange.hops.length - 1;
  if (last.error === CORS_FAILURE_ERROR) return { kind: 'failed', at: last.response ? 'response' : exchange.stageUnknown ? 'unknown' : 'preflight', hop };
  const pfError = last.preflight?.error;
  if (last.error && last.error !== CORS_FAILURE_ERROR) return { kind: 'network-error', error: last.error };
  if (pfError && pfError !== 'net::ERR_INVALID_REDIRECT' && !last.response) return { kind: 'network-error', error: pfError };
  if (!exchange.errorsRecorded) return { kind: 'unknown' };
  return last.response ? { kind: 'completed' } : { kind: 'unknown' };
}

/** Most of a capture is not CORS: those exchanges share one frozen result instead of allocating their own. */
const NOT_CORS_MODE: Readonly<Record<ExchangeRecord['credentials'], Evaluation>> = Object.freeze({
  include: notCors('include'),
  omit: notCors('omit'),
  unknown: notCors('unknown'),
});

function notCors(credentials: ExchangeRecord['credentials']): Evaluation {
  const evaluation: Evaluation = { verdict: 'not-cors', error: null, confidence: 'certain', credentials, preflightReasons: [], hops: [], warnings: [], notes: ['mode-not-cors'], networkError: null };
  return Object.freeze(evaluation);
}

export function evaluate(exchange: ExchangeRecord): Evaluation {
  const first = exchange.hops[0];
  const base = { error: null, hops: [], warnings: [], preflightReasons: [], networkError: null } as const;
  if (!first) return { ...base, verdict: 'unknown', confidence: 'uncertain', credentials: 'unknown', notes: [] };
  if (exchange.mode === 'no-cors' || exchange.mode === 'navigate') return NOT_CORS_MODE[exchange.credentials];
  const observed = observe(exchange);
  const r = replay(exchange, observed);
  return beforeTheChecks(exchange, observed, r) ?? afterTheChecks(exchange, observed, r);
}

/** The replay chosen for the verdict, what it assumes, and what the verdict is being built from. */
interface Replay {
  readonly sim: Simulation;
  /** The other credentials mode's replay, when the mode is unknown and the two disagree. */
  readonly other: Simulation | null;
  readonly credentials: 'include' | 'omit' | 'unknown';
  confidence: Confidence;
  readonly notes: EvidenceNote[];
}

/**
 * Replays the exchange in the credentials mode the capture shows, or, when it shows none, in both, letting the
 * observed outcome choose where they disagree.
 */
function replay(exchange: ExchangeRecord, observed: Observed): Replay {
  if (exchange.credentials !== 'unknown') {
    const notes: EvidenceNote[] = exchange.credentials === 'include' ? ['credentials-from-cookie'] : [];
    return { sim: simulate(exchange, exchange.credentials === 'include'), other: null, credentials: exchange.credentials, confidence: 'certain', notes };
  }
  const omit = simulate(exchange, false);
  // The browser completed the request and nothing fails without credentials: whichever mode the page used,
  // the verdict is "allowed", so the credentialed replay is not needed (most of a capture takes this path).
  const include = observed.kind === 'completed' && !omit.failure ? omit : simulate(exchange, true);
  if (sameFailure(omit.failure, include.failure)) return { sim: omit, other: null, credentials: 'unknown', confidence: 'certain', notes: [] };
  const pick = pickByObservation(omit, include, observed, exchange.browser === 'firefox');
  const other = pick.credentials === 'unknown' ? (pick.sim === omit ? include : omit) : null;
  return { sim: pick.sim, other, credentials: pick.credentials, confidence: pick.confidence, notes: [pick.note] };
}

function result(r: Replay, verdict: VerdictKind, extra: { readonly confidence?: Confidence; readonly networkError?: string } = {}): Evaluation {
  // Written out rather than spread: spreading here sent every exchange's evaluation through V8's slow object
  // copy, a fifth of a large capture's analysis.
  const error = verdict === 'blocked' ? r.sim.failure : null;
  const confidence = extra.confidence ?? r.confidence;
  const preflightReasons = preflightReasonsOf(r.sim.hops[0]);
  const networkError = extra.networkError ?? null;
  const otherwise = r.other?.failure;
  const { credentials, notes } = r;
  const { hops, warnings } = r.sim;
  if (otherwise) return { verdict, error, confidence, credentials, preflightReasons, hops, warnings, notes, networkError, otherwise };
  return { verdict, error, confidence, credentials, preflightReasons, hops, warnings, notes, networkError };
}

/** What settles the verdict before any CORS check's result counts: a cut chain, same-origin, a network error. */
function beforeTheChecks(exchange: ExchangeRecord, observed: Observed, r: Replay): Evaluation | null {
  const { sim, notes } = r;
  if (sim.end === 'redirect-not-followed' && exchange.chainComplete === false) {
    notes.push('chain-cut');
    return result(r, 'unknown', { confidence: 'uncertain' });
  }
  if (!sim.corsApplied && !sim.failure) {
    // Same-origin as far as the capture shows; but a failure, or no answer at all, may hide a redirect elsewhere.
    if (observed.kind === 'failed') {
      notes.push('browser-failed-but-checks-pass');
      return result(r, 'unknown', { confidence: 'uncertain' });
    }
    if (sim.end === 'no-response' && observed.kind !== 'network-error') return result(r, 'unknown', { confidence: 'uncertain' });
    notes.push('same-origin');
    return result(r, 'not-cors');
  }
  if (sim.hops.some((h) => h.preflight === 'cache')) notes.push('preflight-from-cache');
  if (sim.end === 'redirect-not-followed') notes.push('redirect-not-followed');
  if (observed.kind === 'network-error') {
    // Chrome reports no CORS error when the connection itself failed (a dropped preflight, a refused port).
    notes.push('network-error');
    return result(r, 'unknown', { networkError: observed.error, confidence: 'certain' });
  }
  return null;
}

/** The verdict from the replay's checks, weighed against what the capture shows the browser did. */
function afterTheChecks(exchange: ExchangeRecord, observed: Observed, r: Replay): Evaluation {
  const { sim, notes } = r;
  if (sim.failure) return failed(exchange, observed, r, sim.failure);
  if (sim.end === 'missing-preflight') {
    notes.push('preflight-missing');
    return result(r, observed.kind === 'failed' ? 'blocked' : 'unknown', { confidence: 'uncertain' });
  }
  if (observed.kind === 'failed' && observed.at === 'unknown' && sim.end === 'no-response') {
    // The browser failed it as a CORS failure, and the capture holds no response to say which check (a worker's
    // request). Elsewhere a failure without its response is a report Chrome has not completed yet.
    notes.push('no-response-captured');
    return result(r, 'blocked', { confidence: 'uncertain' });
  }
  if (observed.kind === 'failed') {
    notes.push('browser-failed-but-checks-pass');
    return result(r, 'unknown', { confidence: 'uncertain' });
  }
  if (sim.end === 'no-response') return result(r, 'unknown', { confidence: 'uncertain' });
  if (sim.end === 'invalid-redirect') {
    notes.push('invalid-redirect');
    return result(r, 'unknown', { confidence: 'certain' });
  }
  return result(r, 'allowed');
}

/** A check fails in the replay: blocked, as sure as the capture's record of the browser allows. */
function failed(exchange: ExchangeRecord, observed: Observed, r: Replay, failure: StagedFailure): Evaluation {
  if (observed.kind === 'completed') {
    r.notes.push('browser-allowed-but-checks-fail');
    return result(r, 'unknown', { confidence: 'uncertain' });
  }
  // Where the capture cannot say at which step the browser failed (a worker's request), it cannot contradict one.
  if (observed.kind === 'failed' && observed.at !== 'unknown' && !fits(r.sim, observed)) r.confidence = 'uncertain';
  if (!exchange.errorsRecorded) {
    // Nothing in the file says the browser failed it: the failing check is the evidence, and it is inferred.
    r.notes.push('decision-not-recorded');
    if (r.confidence === 'certain') r.confidence = 'inferred';
    // Chrome fails a same-origin-mode redirect without a CORS error: without its record, say less.
    if (failure.code === 'DisallowedByMode') r.confidence = 'uncertain';
  }
  return result(r, 'blocked');
}

/** The replay fails where the capture shows the browser failing: same hop, and preflight vs response. */
function fits(s: Simulation, observed: { at: 'preflight' | 'response' | 'unknown'; hop: number }): boolean {
  if (!s.failure || observed.at === 'unknown') return false;
  const at = s.failure.stage === 'preflight' ? 'preflight' : 'response';
  return at === observed.at && s.failure.hop === observed.hop;
}

function sameFailure(a: StagedFailure | null, b: StagedFailure | null): boolean {
  if (a === null || b === null) return a === b;
  return a.code === b.code && a.failedParameter === b.failedParameter && a.stage === b.stage && a.hop === b.hop;
}

/**
 * The capture does not record credentials mode, and the two modes disagree: let the observed outcome decide.
 * A browser failure the non-credentialed replay cannot explain is evidence that credentials were included
 * (`*` with a failure, a missing Access-Control-Allow-Credentials).
 */
function pickByObservation(
  omit: Simulation,
  include: Simulation,
  observed: Observed,
  firefoxCapture: boolean,
): { sim: Simulation; credentials: 'include' | 'omit' | 'unknown'; confidence: Confidence; note: EvidenceNote } {
  if (observed.kind === 'failed' && observed.at === 'unknown') {
    // The capture cannot say where the browser failed. A failure without credentials explains it with the
    // default mode; one that needs credentials does not locate anything (the response may be what failed).
    if (omit.failure) return { sim: omit, credentials: 'omit', confidence: 'inferred', note: 'credentials-inferred-omit' };
  } else if (observed.kind === 'failed') {
    const omitFits = fits(omit, observed);
    const includeFits = fits(include, observed);
    // When only one mode explains where the browser failed, the observation settles it.
    if (omitFits) return { sim: omit, credentials: 'omit', confidence: includeFits ? 'inferred' : 'certain', note: 'credentials-inferred-omit' };
    // A redirect that passed without credentials and was not followed has another explanation for the failure:
    // `redirect: 'error'`, which Chrome fails with no CORS error. Credentials cannot be inferred from it.
    if (includeFits && omit.end === 'redirect-not-followed') return { sim: omit, credentials: 'unknown', confidence: 'uncertain', note: 'credentials-unknown' };
    if (includeFits) return { sim: include, credentials: 'include', confidence: 'certain', note: 'credentials-inferred-include' };
    // A credentialed failure anywhere else contradicts the capture (the browser got past that point), so it is
    // no evidence of credentials: fall through to "unknown".

  }
  if (observed.kind === 'completed') {
    if (!omit.failure) return { sim: omit, credentials: 'omit', confidence: 'certain', note: 'credentials-inferred-omit' };
    if (!include.failure) return { sim: include, credentials: 'include', confidence: 'certain', note: 'credentials-inferred-include' };
  }
  // Firefox's own capture, which never records its decision, and a check fails in either mode: Firefox blocked it
  // whichever mode the page used (scored on the zoo recorded in Firefox ESR 153); only the check it names depends
  // on the mode, and fetch()'s default (no credentials cross-origin) comes first. Elsewhere (a proxy's file) the
  // failing check may not be the browser's at all, so the two failures stay uncertain.
  if (observed.kind === 'unknown' && omit.failure && include.failure && firefoxCapture) return { sim: omit, credentials: 'unknown', confidence: 'inferred', note: 'credentials-unknown' };
  return { sim: omit, credentials: 'unknown', confidence: 'uncertain', note: 'credentials-unknown' };
}

function preflightReasonsOf(hop: HopOutcome | undefined): PreflightReason[] {
  if (!hop || hop.preflight === 'not-needed') return [];
  return preflightReasons(hop.method, hop.unsafeHeaders);
}

