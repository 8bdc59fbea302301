/**
 * The proof: an exchange replayed against the server the policy describes. Every hop's preflight is answered
 * 204 with the policy's preflight lines for the Origin that preflight carried (one the browser answered from its
 * cache is sent again), and every response (redirects and errors included) carries the policy's lines for the
 * request's Origin instead of the captured ones. The engine's own replay (simulate) then runs the browser's
 * checks, with the browser rules of the capture and the credentials mode the exchange showed.
 *
 * A request the browser never sent because its preflight failed has no captured response: under the policy it
 * would be sent, and since the policy puts its lines on every response, it is answered as a final response with
 * them. That is the one thing the proof assumes beyond the capture (that the server does not redirect it).
 */
import { type HeaderList, simulate } from '../cors';
import type { AnalysedExchange } from '../har';
import { answered, type HopAnswer } from './answers';
import type { Stop } from './cannot-pass';
import { actualLines, type PolicyShape, preflightLines } from './lines';
import { usedCredentials } from './select';
import type { PreflightAsk, Walk } from './walk';

/** The policy answering a request to `target` at `path`, or null when none covers it (no CORS lines). */
export type PolicyAt = (target: string, path: string) => PolicyShape | null;

const NO_POLICY: PolicyShape = { origins: [], methods: [], requestHeaders: [], credentials: false, maxAge: null };

/** The preflight request the browser sends when the capture holds none. */
function preflightRequest(pf: PreflightAsk): HeaderList {
  const lines = [
    { name: 'Origin', value: pf.origin },
    { name: 'Access-Control-Request-Method', value: pf.method },
  ];
  if (pf.headers.length > 0) lines.push({ name: 'Access-Control-Request-Headers', value: [...pf.headers].sort().join(',') });
  return lines;
}

/** null when the exchange passes; otherwise why not. */
export function prove(x: AnalysedExchange, w: Walk, policyAt: PolicyAt): Stop | null {
  const byHop = new Map(w.hops.map((h) => [h.hop, h]));
  const last = x.record.hops.length - 1;
  const blocked = x.evaluation.verdict === 'blocked';
  const record = answered(x.record, (i): HopAnswer | null => {
    const h = byHop.get(i);
    if (!h || !h.cors) return null;
    const p = policyAt(h.target, h.path) ?? NO_POLICY;
    const hop = x.record.hops[i];
    const unsent = hop !== undefined && hop.response === null && (hop.error === null || hop.error === 'net::ERR_FAILED');
    return {
      preflight: h.preflight ? preflightLines(p, h.preflight.origin) : null,
      preflightRequest: h.preflight && !h.preflight.captured ? preflightRequest(h.preflight) : null,
      response: actualLines(p, h.origin),
      answerUnsent: blocked && i === last && unsent,
    };
  });
  const sim = simulate(record, usedCredentials(x));
  if (sim.failure) return { kind: 'replay-failed', hop: sim.failure.hop };
  switch (sim.end) {
    case 'complete':
      return null;
    case 'redirect-not-followed':
      // The page asked not to follow it (redirect: 'manual') and the browser did not: as captured, it passes.
      return x.evaluation.verdict === 'allowed' && x.evaluation.notes.includes('redirect-not-followed') ? null : { kind: 'beyond-capture', hop: last };
    case 'no-response':
      return { kind: 'no-response', hop: last };
    case 'invalid-redirect':
      return { kind: 'invalid-redirect', hop: last };
    case 'missing-preflight':
    case 'unseen-preflight':
      return { kind: 'replay-failed', hop: last };
  }
}
