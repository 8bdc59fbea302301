/**
 * One target's proof on its own: of the capture's CORS exchanges that reached the target (on any hop), how many
 * pass under the least-privilege configuration, and which cannot. What the CLI's --target and the panel's
 * per-target view show; the report's own totals count the whole capture.
 */
import { originOf } from '../cors';
import type { AnalysedExchange } from '../har';
import { corsExchanges } from './select';
import type { CannotPass, PassCount, PolicyReport } from './types';

export function targetPass(report: PolicyReport, exchanges: readonly AnalysedExchange[], target: string): { readonly pass: PassCount; readonly cannotPass: readonly CannotPass[] } {
  const towards = new Set(corsExchanges(exchanges).filter((x) => x.record.hops.some((h) => originOf(h.url) === target)).map((x) => x.id));
  const cannotPass = report.cannotPass.filter((c) => towards.has(c.exchange));
  return { pass: { passing: towards.size - cannotPass.length, total: towards.size }, cannotPass };
}
