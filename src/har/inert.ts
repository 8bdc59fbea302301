/**
 * Entries that can never be part of a CORS exchange, told from the entry alone: most of a real capture (the
 * page's own scripts, images, styles and API calls; loads the browser marked no-cors; navigations). Reading a
 * large capture cheaply, each is only counted as the not-cors exchange it would be (collect.ts): no Entry kept,
 * no exchange built.
 *
 * Everything here holds whoever wrote the file and whatever the rest of the file says, which is why it is
 * narrower than the engine's own rules (infer.ts): an entry is inert only when
 * - it is not a preflight and did not redirect, so it is one exchange of one entry;
 * - no producer's failure field records an error, so no failure the checks must explain;
 * - its response has no Access-Control-* header, so it cannot show a server reflecting Origin (analyze.ts);
 * - and either its mode settles it before anything else is read (a WebSocket, a data:/blob:/about: URL,
 *   Sec-Fetch-Mode no-cors, navigate or websocket: requestMode's first steps), or its own headers show the page
 *   shares its origin (Origin, Sec-Fetch-Site, Referer, as initiatorOrigin reads them first) and it was answered:
 *   then no CORS check applies in any mode (evaluate's same-origin rule).
 * A header these rules read that appears twice is left to the engine: merging letter-case variants, which some
 * producers need, could change its value.
 *
 * What the entry alone cannot show is whether a preflight or a redirect elsewhere in the file names its URL:
 * the caller checks that once the file is read, and reads such entries in full (stream.ts).
 */
import { type Header, nameIs, originOf, sameOrigin, trimOws } from '../cors';
import { hasResponse } from '../http';
import { type Entry, isPreflight } from './entry';
import { originFromHeaders } from './infer';
import type { Failures } from './read-entry';

const NOT_CORS_MODES: ReadonlySet<string> = new Set(['no-cors', 'navigate', 'websocket']);
const NOT_CORS_URL = /^(wss?|data|blob|about):/i;
const READ_HERE = ['sec-fetch-mode', 'sec-fetch-site', 'origin', 'referer'] as const;

export function isInert(e: Entry, failures: Failures): boolean {
  if (failures.error !== null || failures.failureText !== null || e.redirectUrl !== null) return false;
  if (e.responseHeaders.some(isAccessControl) || isPreflight(e)) return false;
  if (NOT_CORS_URL.test(e.url)) return true;
  const mode = onlyValue(e.requestHeaders, 'sec-fetch-mode');
  if (mode !== null && NOT_CORS_MODES.has(trimOws(mode))) return true;
  if (!hasResponse(e) || !readOnce(e.requestHeaders)) return false;
  const origin = originFromHeaders(e);
  return origin !== null && sameOrigin(origin, originOf(e.url));
}

function isAccessControl(h: Header): boolean {
  const name = h.name;
  // Most names fail on the first letter, without a new string.
  return name.length > 15 && (name.charCodeAt(0) | 0x20) === 0x61 && name.slice(0, 15).toLowerCase() === 'access-control-';
}

/** The value of a header that appears once; null when absent or repeated. */
function onlyValue(headers: readonly Header[], name: string): string | null {
  let value: string | null = null;
  for (const h of headers) {
    if (!nameIs(h.name, name)) continue;
    if (value !== null) return null;
    value = h.value;
  }
  return value;
}

/** Every header the rules above read appears at most once. */
function readOnce(headers: readonly Header[]): boolean {
  let seen = 0;
  for (const h of headers) {
    for (let i = 0; i < READ_HERE.length; i++) {
      if (!nameIs(h.name, READ_HERE[i] as string)) continue;
      if (seen & (1 << i)) return false;
      seen |= 1 << i;
    }
  }
  return true;
}
