/**
 * HAR entries carry no request id, so "the same request" is told by its start, method and URL. Two questions
 * need two keys, and keeping both here keeps their difference deliberate:
 * - `requestKey`: one request across the reports Chrome makes of it. Status, headers and duration may change
 *   between a first report and the re-report that completes it, so they are not part of the key.
 * - `reportKey`: one report seen twice, through getHAR() and through onRequestFinished. Both copies are the
 *   same report, so the duration matches too, and including it keeps two identical requests that started in
 *   the same millisecond apart.
 */

export function requestKey(e: { readonly start: number; readonly method: string; readonly url: string }): string {
  return `${e.start} ${e.method} ${e.url}`;
}

/** The key of a raw HAR entry as DevTools hands it out (untrusted JSON: any field may be missing). */
export function reportKey(raw: unknown): string {
  const o = (raw ?? {}) as { startedDateTime?: unknown; time?: unknown; request?: { method?: unknown; url?: unknown } };
  return `${String(o.startedDateTime)} ${String(o.request?.method)} ${String(o.request?.url)} ${String(o.time)}`;
}
