/**
 * `cors-lens policy <file.har|->`: the least-privilege server configuration for the capture's CORS traffic, per
 * target origin, with the proof (how many captured requests pass under it). The same data as the panel's policy
 * view (src/policy); this module only picks the targets asked for and the document the formats lay out.
 * Exit: 0 every captured CORS request passes under the policy, 1 some cannot (listed, with the reason), 2 as for
 * check (not a HAR), or --target names no origin the capture's CORS requests went to.
 */
import { originOf } from '../cors';
import type { Stack } from '../explain/snippets';
import type { Analysis } from '../har';
import { type CannotPass, type OutsideSnippet, type PassCount, type Policy, policyReport, policySnippet, policySnippets, targetPass } from '../policy';

export interface PolicyDocument {
  readonly policies: readonly PolicyWithSnippets[];
  /** Over the policies shown: every CORS exchange to their targets, and those with no target to belong to. */
  readonly pass: PassCount;
  readonly cannotPass: readonly CannotPass[];
}

export interface PolicyWithSnippets extends Policy {
  /** With --stack: that stack's configuration; otherwise every stack's, in the panel's tab order. */
  readonly snippets: readonly { readonly stack: Stack; readonly label: string; readonly code: string }[];
  /** Places outside the app the target points to (API Gateway, Lambda), always: the app alone cannot fix those. */
  readonly outside: readonly OutsideSnippet[];
}

export class TargetError extends Error {
  override readonly name = 'TargetError';
}

/** What a user types for a target, as the browser compares origins: `api.example.com/v1/` means `https://api.example.com`. */
export function targetOrigin(typed: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`;
  try {
    const origin = originOf(new URL(withScheme).href);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export function policyDocument(analysis: Analysis, options: { readonly target: string | null; readonly stack: Stack | null }): PolicyDocument {
  const report = policyReport(analysis.exchanges);
  let policies = report.policies;
  if (options.target !== null) {
    const wanted = targetOrigin(options.target);
    policies = policies.filter((p) => p.target === wanted);
    if (policies.length === 0) {
      const known = report.policies.map((p) => p.target);
      throw new TargetError(
        `no CORS request in the capture went to ${wanted ?? JSON.stringify(options.target)}` +
          (known.length === 0 ? ': it has none that a policy could cover' : `; its targets are ${known.join(', ')}`),
      );
    }
  }
  const shown = policies.map((p): PolicyWithSnippets => {
    const all = policySnippets(p);
    return { ...p, snippets: options.stack === null ? all.stacks : [policySnippet(p, options.stack)], outside: all.outside };
  });
  if (options.target === null) return { policies: shown, pass: report.pass, cannotPass: report.cannotPass };
  const [only] = policies as [Policy];
  return { policies: shown, ...targetPass(report, analysis.exchanges, only.target) };
}
