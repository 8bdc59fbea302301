/**
 * What every stack's policy snippet is built from, and the rules all stacks share, as src/explain/snippets
 * does for one exchange's fix. Every value in a policy came from captured traffic and is attacker-controlled:
 * an origin is written only when it is a plain serialised origin (`scheme://host[:port]`, or `null`), a method
 * or header name only when it is an HTTP token, and each stack may refuse more (what its own string syntax
 * cannot hold); the notes say what was left out. Path prefixes come from split.ts, which only makes them of
 * unreserved characters, so they are the one captured value comments may name ("paths under /api").
 */
import { comments, plural } from '../../explain/snippets/input';
import { isToken } from '../../http';

// Shared with the stacks' renderers, which import their helpers from here.
export { comments };
import type { Policy, PolicyPart } from '../types';

/**
 * A policy part as a stack may write it: the part's own values, with those that cannot be written safely left
 * out (and said so in `leftOut`).
 */
export interface RenderPart extends Pick<PolicyPart, 'paths' | 'origins' | 'methods' | 'allMethods' | 'credentials' | 'maxAge'> {
  /** PolicyPart.requestHeaders, as written. */
  readonly headers: readonly string[];
  /** PolicyPart.exposeCandidates, as written (commented out: the capture cannot show which the page reads). */
  readonly expose: readonly string[];
  /** Some request here needs a preflight. */
  readonly preflight: boolean;
  readonly nullAllowed: boolean;
  /** Notes about values left out, in CORS Lens's words. */
  readonly leftOut: readonly string[];
}

export interface RenderInput {
  /** The least-privilege configuration: the target's parts by path, or the whole origin as one part. */
  readonly parts: readonly RenderPart[];
  /** One configuration for every path, for stacks and gateways that cannot route CORS by path. */
  readonly whole: RenderPart;
  readonly split: boolean;
}

/** A serialised origin as browsers send it: no path, quote, space, `$` or backslash can be in it. */
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[A-Za-z0-9.\-[\]:]+$/;
const PATH = /^\/$|^(\/[A-Za-z0-9._~-]+)+$/;

export function isPlainOrigin(value: string): boolean {
  return value === 'null' || ORIGIN.test(value);
}

function keep(values: readonly string[], valid: (v: string) => boolean, accept: (v: string) => boolean, what: [string, string], notes: string[]): string[] {
  const kept = values.filter((v) => valid(v) && accept(v));
  const dropped = values.length - kept.length;
  if (dropped > 0) notes.push(`Left out ${plural(dropped, what[0], what[1])} that cannot be written safely here: add ${dropped === 1 ? 'it' : 'them'} by hand if the app needs ${dropped === 1 ? 'it' : 'them'}.`);
  return kept;
}

function renderPart(p: PolicyPart, accept: (v: string) => boolean): RenderPart {
  const leftOut: string[] = [];
  const origins = keep(p.origins, isPlainOrigin, accept, ['origin', 'origins'], leftOut);
  const methods = keep(p.methods, isToken, accept, ['method', 'methods'], leftOut);
  const allMethods = p.allMethods.filter((m) => isToken(m) && accept(m));
  const headers = keep(p.requestHeaders, isToken, accept, ['header name', 'header names'], leftOut);
  const expose = keep(p.exposeCandidates, isToken, accept, ['response header name', 'response header names'], leftOut);
  return {
    paths: p.paths.filter((x) => PATH.test(x)),
    origins,
    methods,
    allMethods,
    headers,
    expose,
    credentials: p.credentials,
    maxAge: p.maxAge,
    preflight: p.preflightStatus !== null,
    nullAllowed: origins.includes('null'),
    leftOut,
  };
}

/** `accept` answers false for a value the stack's own syntax cannot hold (a `$` in nginx). */
export function renderInput(policy: Policy, accept: (v: string) => boolean = () => true): RenderInput {
  const whole = renderPart(policy, accept);
  const parts = policy.parts.length > 0 ? policy.parts.map((p) => renderPart(p, accept)) : [whole];
  return { parts, whole, split: policy.parts.length > 0 };
}

/** Advice every stack shares, as comment text: CORS Lens's own words, so nothing here needs escaping. */
export function advice(parts: readonly RenderPart[], scope: 'parts' | 'whole-of-split' | 'whole'): string[] {
  const out: string[] = [];
  const leftOut = [...new Set(parts.flatMap((p) => p.leftOut))];
  out.push(...leftOut);
  if (scope === 'parts') out.push('Split by path: each part allows only what its own requests showed; other paths get no CORS headers.');
  if (scope === 'whole-of-split') out.push('One configuration for every path: it allows everywhere what any path needed (this cannot vary CORS by path).');
  if (parts.some((p) => p.preflight)) out.push('Preflights (OPTIONS) are answered 204 before authentication and redirects: a preflight carries no cookies or Authorization.');
  out.push('Every response, errors (4xx/5xx) and redirects included, must carry these headers, or the page sees a CORS error instead of the status.');
  if (parts.some((p) => p.nullAllowed)) out.push('"null" is allowed because requests carried it: any site can send it from a sandboxed iframe, so keep it only for public data.');
  if (parts.some((p) => p.expose.length > 0)) out.push('Expose-Headers is commented out: the capture cannot show which response headers the page reads. Keep only those.');
  return out;
}

/** "paths under /a, /b" or "every path", for the comment that says where a part's lines belong. */
export function where(part: RenderPart): string {
  return part.paths.length === 1 && part.paths[0] === '/' ? 'every path of this origin' : `paths under ${part.paths.join(', ')}`;
}

/** A regular expression matching a part's paths, for stacks that route by pattern. Dots as `[.]`: no backslash. */
export function pathRegex(part: RenderPart): string {
  if (part.paths.includes('/')) return '^/';
  const alts = part.paths.map((p) => p.slice(1).replace(/\./g, '[.]'));
  return `^/(${alts.join('|')})(/|$)`;
}
