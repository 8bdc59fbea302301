/**
 * A server configured from the policy JSON alone, the way a person (or the Chromium harness) would:
 * each response of a target gets the `actualResponse` lines of the policy (or part) covering its path, each
 * preflight the `preflightResponse` lines, answered 204, with the request's Origin put in for the placeholder
 * when it is on the list and the origin lines left out when it is not. The engine's replay then says whether
 * the exchange passes. Only the request facts (which Origin each hop carried) come from the policy layer's walk.
 */
import { type Header, simulate } from '../../src/cors';
import type { AnalysedExchange } from '../../src/har';
import { type Policy, type PolicyPart, type PolicyReport, REQUEST_ORIGIN } from '../../src/policy';
import { answered } from '../../src/policy/answers';
import { covers } from '../../src/policy/split';
import { walk } from '../../src/policy/walk';

function partFor(report: PolicyReport, target: string, path: string): PolicyPart | null {
  const p: Policy | undefined = report.policies.find((q) => q.target === target);
  if (!p) return null;
  return p.parts.length === 0 ? p : (p.parts.find((q) => q.paths.some((prefix) => covers(prefix, path))) ?? null);
}

function fill(lines: readonly Header[], part: PolicyPart | null, origin: string): Header[] {
  const allowed = part !== null && part.origins.includes(origin);
  return (part ? lines : [])
    .filter((l) => allowed || !/^access-control-allow-(origin|credentials)$/i.test(l.name))
    .map((l) => (l.value === REQUEST_ORIGIN ? { name: l.name, value: origin } : l));
}

export function passesUnder(report: PolicyReport, x: AnalysedExchange): boolean {
  const w = walk(x.record);
  const last = x.record.hops.length - 1;
  const record = answered(x.record, (i) => {
    const h = w.hops.find((q) => q.hop === i);
    if (!h || !h.cors) return null;
    const part = partFor(report, h.target, h.path);
    const hop = x.record.hops[i];
    const pf = h.preflight;
    return {
      preflight: pf ? fill(part?.preflightResponse ?? [], part, pf.origin) : null,
      preflightRequest: pf && !pf.captured ? [{ name: 'Origin', value: pf.origin }, { name: 'Access-Control-Request-Method', value: pf.method }, ...(pf.headers.length ? [{ name: 'Access-Control-Request-Headers', value: pf.headers.join(',') }] : [])] : null,
      response: fill(part?.actualResponse ?? [], part, h.origin),
      answerUnsent: x.evaluation.verdict === 'blocked' && i === last && hop?.response === null && (hop.error === null || hop.error === 'net::ERR_FAILED'),
    };
  });
  const sim = simulate(record, x.record.credentials === 'include' || x.evaluation.credentials === 'include');
  return sim.failure === null && (sim.end === 'complete' || sim.end === 'redirect-not-followed');
}
