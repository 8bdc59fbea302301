/**
 * The server policy for a capture: per target origin (with parts by path where split.ts finds the traffic
 * needs them), derived from the CORS exchanges and proven against them. The steps, each its own module:
 * select the CORS exchanges (select.ts), walk each one's requests (walk.ts), set aside what no policy can pass
 * (cannot-pass.ts), derive each policy from the uses of the rest (split.ts, derive.ts), then replay every exchange
 * against the policies (replay.ts) and count. Two configurations are replayed: the least-privilege one (each
 * target's parts where it has them), which the report's totals count, and one per whole origin.
 */
import type { AnalysedExchange } from '../har';
import { cannotPass, type Stop, stopBeforeReplay } from './cannot-pass';
import { type Draft, draft } from './derive';
import { prove } from './replay';
import { corsExchanges } from './select';
import { covers, splitByPath } from './split';
import type { CannotPass, PassCount, Policy, PolicyPart, PolicyReport } from './types';
import { originsOf, push, type Use, usesOf } from './uses';
import { walk, type Walk } from './walk';

interface Target {
  readonly target: string;
  readonly whole: Draft;
  /** Empty when the traffic needs no split. */
  readonly parts: readonly Draft[];
}

/** Which draft answers a request: one per target (the whole origin), or the part covering its path. */
type Route = (target: string, path: string) => Draft | null;

export function policyReport(exchanges: readonly AnalysedExchange[]): PolicyReport {
  const xs = corsExchanges(exchanges);
  const walks = new Map<number, Walk>(xs.map((x) => [x.id, walk(x.record)]));
  const stops = new Map<number, Stop>();
  const byTarget = new Map<string, Use[]>();
  for (const x of xs) {
    const w = walks.get(x.id) as Walk;
    const uses = usesOf(x, w);
    // Origin: null with credentials is never allowed (derive.ts says why).
    const nullWithCredentials = uses.find((u) => u.credentials && originsOf(u).includes('null'));
    const stop = stopBeforeReplay(x, w) ?? (nullWithCredentials ? { kind: 'null-origin-with-credentials' as const, hop: nullWithCredentials.hop } : null);
    // An exchange no policy can pass is listed, and grants nothing: least privilege is what passing ones need.
    if (stop) {
      stops.set(x.id, stop);
      continue;
    }
    for (const u of uses) push(byTarget, u.target, u);
  }

  const targets: Target[] = [...byTarget.keys()].sort().map((target) => {
    const uses = byTarget.get(target) ?? [];
    const split = splitByPath(uses);
    if (split.length <= 1) return { target, whole: draft({ paths: ['/'], uses }, 'whole'), parts: [] };
    return { target, whole: draft({ paths: ['/'], uses }, 'whole-of-split'), parts: split.map((p) => draft(p, 'part')) };
  });
  const byName = new Map(targets.map((t) => [t.target, t]));
  const routed: Route = (target, path) => {
    const t = byName.get(target);
    if (!t) return null;
    return t.parts.length === 0 ? t.whole : (t.parts.find((d) => d.paths.some((p) => covers(p, path))) ?? null);
  };
  const wholeOrigin: Route = (target) => byName.get(target)?.whole ?? null;

  /** Every exchange against one configuration: what fails, and which drafts each exchange was answered by. */
  const run = (route: Route) => {
    const failed = new Map<number, CannotPass>();
    const answeredBy = new Map<Draft, number[]>();
    for (const x of xs) {
      const w = walks.get(x.id) as Walk;
      const drafts = new Set(w.hops.filter((h) => h.cors).map((h) => route(h.target, h.path)));
      for (const d of drafts) if (d) push(answeredBy, d, x.id);
      const refused = [...drafts].some((d) => d?.nullRefused.has(x.id));
      const stop = stops.get(x.id) ?? (refused ? { kind: 'null-origin-with-credentials' as const, hop: null } : prove(x, w, route));
      if (stop) failed.set(x.id, cannotPass(x.id, stop.kind, stop.hop));
    }
    const counted = (d: Draft): PolicyPart => {
      const ids = answeredBy.get(d) ?? [];
      const against = ids.map((id) => failed.get(id)).filter((c): c is CannotPass => c !== undefined);
      return shown(d, { passing: ids.length - against.length, total: ids.length }, against);
    };
    return { failed, counted };
  };

  const least = run(routed);
  const whole = targets.some((t) => t.parts.length > 0) ? run(wholeOrigin) : least;
  const policies = targets.map((t): Policy => ({ target: t.target, ...whole.counted(t.whole), parts: t.parts.map((p) => least.counted(p)) }));
  return { policies, pass: { passing: xs.length - least.failed.size, total: xs.length }, cannotPass: [...least.failed.values()] };
}

/** A draft as the contract shows it: the contract's fields first, in its order, then what the shape grew. */
function shown(d: Draft, pass: PassCount, cannotPass: readonly CannotPass[]): PolicyPart {
  return {
    paths: d.paths,
    origins: d.origins,
    methods: d.methods,
    requestHeaders: d.requestHeaders,
    credentials: d.credentials,
    maxAge: d.maxAge,
    preflightStatus: d.preflightStatus,
    preflightResponse: d.preflightResponse,
    actualResponse: d.actualResponse,
    pass,
    cannotPass,
    allMethods: d.allMethods,
    maxAgeCaps: d.maxAgeCaps,
    exposeCandidates: d.exposeCandidates,
    notes: d.notes,
  };
}
