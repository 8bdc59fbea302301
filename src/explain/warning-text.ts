/**
 * Warnings in plain words: things that work today but are wrong, fragile or risky, with the value seen.
 */
import type { CorsWarning } from '../cors';
import { cap } from './captured';
import { MAX_AGE_CAP } from '../http';

function on(w: CorsWarning): string {
  return w.stage === 'preflight' ? 'the preflight response' : 'the response';
}

const TEXT: Readonly<Record<CorsWarning['code'], (w: CorsWarning) => string>> = {
  AuthorizationCoveredByWildcard: (w) =>
    `Access-Control-Allow-Headers: ${cap(w.value ?? '*')} on ${on(w)} lets the Authorization header through only because browsers still treat * as covering it. The Fetch standard does not, and Chrome and Firefox have deprecated it (both warn, measured in Chromium 156 and Firefox ESR 153): list authorization by name.`,
  NullOriginAllowed: (w) =>
    `Access-Control-Allow-Origin: null on ${on(w)} admits every page whose origin is 'null': sandboxed iframes, data: and file: pages, and any request after a cross-origin redirect. Any site can produce that origin.`,
  MissingVaryOrigin: (w) =>
    `${on(w).replace(/^t/, 'T')} names a specific origin in Access-Control-Allow-Origin but has no Vary: Origin${w.value ? ` (Vary: ${cap(w.value)})` : ''}: a cache may hand this answer to a page with another origin, which then fails. Add Vary: Origin.`,
  MaxAgeAboveBrowserCap: (w) =>
    `Access-Control-Max-Age: ${cap(w.value ?? '')} on ${on(w)} is above Chrome's cap of ${MAX_AGE_CAP.chrome} seconds (Firefox caps at ${MAX_AGE_CAP.firefox}): Chrome keeps the preflight for at most ${MAX_AGE_CAP.chrome / 3600} hours.`,
  CredentialedOriginReflection: (w) =>
    w.header === 'Access-Control-Allow-Credentials'
      ? `${on(w).replace(/^t/, 'T')} allows origin 'null' with Access-Control-Allow-Credentials: true: any sandboxed page or redirected request can read responses made with this user's cookies.`
      : `The server echoes back whatever Origin it receives together with Access-Control-Allow-Credentials: true (seen for several origins in this capture): any website can read responses made with this user's cookies. Check the Origin against an allow-list before echoing it.`,
};

export function warningText(w: CorsWarning): string {
  return TEXT[w.code](w);
}

function warningKey(w: CorsWarning): string {
  return `${w.code}|${w.stage}|${w.hop}|${w.header ?? ''}`;
}

/** How many `describeWarnings` would say, without writing them. */
export function distinctWarnings(warnings: readonly CorsWarning[]): number {
  return warnings.length < 2 ? warnings.length : new Set(warnings.map(warningKey)).size;
}

/** Each warning once (the same smell on the same response is reported once). */
export function describeWarnings(warnings: readonly CorsWarning[]): { code: string; text: string }[] {
  const seen = new Set<string>();
  const out: { code: string; text: string }[] = [];
  for (const w of warnings) {
    const key = warningKey(w);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ code: w.code, text: warningText(w) });
  }
  return out;
}
