/**
 * Access-Control-Expose-Headers candidates: the response headers a page can only read when they are exposed.
 * A capture shows which headers the server sent, never which ones the page's script read, so these are
 * candidates to choose from and stay out of the policy's lines: exposing every header seen would grant reads
 * nothing showed were needed.
 */
import { isToken } from '../http';

/** Fetch's CORS-safelisted response header names: always readable. */
const SAFELISTED = new Set(['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma']);
/** Never readable by a page (forbidden response header names), or about the connection, not the response. */
const NEVER = new Set(['set-cookie', 'set-cookie2', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

export function exposeCandidates(names: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const raw of names) {
    const name = raw.toLowerCase();
    if (!isToken(name) || SAFELISTED.has(name) || NEVER.has(name) || name.startsWith('access-control-')) continue;
    out.add(name);
  }
  return [...out].sort();
}
