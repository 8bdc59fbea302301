/**
 * Where one target's traffic is split into parts by path prefix. The rule: a split is made only where the parts
 * differ in a privilege, that is credentials (whether the allowed pages may read responses made with the user's
 * cookies) or a method beyond the safelisted ones (which state-changing requests they may send). Origins and
 * request headers are pooled within a part: they differ per call, not per privilege.
 *
 * Paths are split only at named segments (`/api`, `/admin`, `/v2`), never at one that looks like an identifier
 * or a slug (digits, a hash, a UUID, or a level with more than MAX_CHILDREN names), because a part covers
 * everything below its prefix and must keep covering the next id the app asks for. A segment must also be made
 * of URL-unreserved characters only, so a prefix can be written into any stack's configuration as it is. Where
 * a level cannot be split, its part keeps the union of what is below it. Parts that end up needing the same
 * privileges are merged into one policy with several prefixes; a single part covers the whole origin (`/`).
 */
import { privilegedMethod, push, type Use } from './uses';

export interface Part {
  /** Prefixes, each covering itself and everything below it; `["/"]` is the whole origin. */
  readonly paths: readonly string[];
  readonly uses: readonly Use[];
}

/** More names than this at one level are values (ids, slugs), not parts of the API. */
export const MAX_CHILDREN = 16;
const MAX_DEPTH = 6;
const NAMED = /^[A-Za-z0-9._~-]{1,64}$/;

/** A segment that names a part of an API rather than one resource: unreserved characters and no identifier. */
export function isNamedSegment(seg: string): boolean {
  if (!NAMED.test(seg) || seg === '.' || seg === '..') return false;
  if (/^\d+$/.test(seg) || /\d{3,}/.test(seg)) return false; // ids, dates, numbered cases
  if (/^[0-9a-f]{8,}$/i.test(seg) && /\d/.test(seg)) return false; // hashes
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(seg)) return false; // UUIDs
  return seg.length <= 40;
}

/** The privilege a use needs: credentials, and the method it needs allowed by name. */
function privilege(u: Use): string {
  return `${u.credentials ? 'credentials' : 'none'} ${privilegedMethod(u) ?? ''}`;
}

/** The privileges a set of uses needs together: what a part's policy grants. */
export function signature(uses: readonly Use[]): string {
  const methods = [...new Set(uses.map(privilegedMethod).filter((m): m is string => m !== null))].sort();
  return `${uses.some((u) => u.credentials) ? 'credentials' : 'none'} ${methods.join(',')}`;
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

interface Leaf {
  readonly prefix: readonly string[];
  readonly uses: readonly Use[];
}

function partition(prefix: readonly string[], uses: readonly Use[]): Leaf[] {
  if (new Set(uses.map(privilege)).size <= 1) return [{ prefix, uses }];
  let node = prefix;
  while (node.length < MAX_DEPTH) {
    const children = new Map<string, Use[]>();
    let self = false;
    for (const u of uses) {
      const seg = segmentsOf(u.path)[node.length];
      if (seg === undefined) self = true;
      else push(children, seg, u);
    }
    if (self || children.size > MAX_CHILDREN || [...children.keys()].some((s) => !isNamedSegment(s))) break;
    if (children.size === 1) {
      node = [...node, ...children.keys()];
      continue;
    }
    return [...children].flatMap(([seg, us]) => partition([...node, seg], us));
  }
  return [{ prefix, uses }];
}

export function splitByPath(uses: readonly Use[]): Part[] {
  const leaves = partition([], uses);
  const bySignature = new Map<string, Leaf[]>();
  for (const leaf of leaves) {
    const sig = signature(leaf.uses);
    push(bySignature, sig, leaf);
  }
  if (bySignature.size <= 1) return [{ paths: ['/'], uses }];
  return [...bySignature.values()].map((group) => ({
    paths: group.map((l) => `/${l.prefix.join('/')}`).sort(),
    uses: group.flatMap((l) => l.uses),
  }));
}

/** True when `path` is `prefix` or below it, segment by segment (`/api` covers `/api/x`, not `/apix`). */
export function covers(prefix: string, path: string): boolean {
  if (prefix === '/') return true;
  return path === prefix || path.startsWith(`${prefix}/`);
}
