import type { Entry } from './entry';

/**
 * Entries grouped by URL, for the URLs some rule needs to look up (preflight targets, redirect targets) only:
 * most of a capture is never looked up, and a group per URL for 100,000 entries is memory for nothing.
 */
export function indexByUrl(entries: readonly Entry[], wanted: ReadonlySet<string>): Map<string, Entry[]> {
  const byUrl = new Map<string, Entry[]>();
  for (const e of entries) {
    if (!wanted.has(e.url)) continue;
    const list = byUrl.get(e.url);
    if (list) list.push(e);
    else byUrl.set(e.url, [e]);
  }
  return byUrl;
}
