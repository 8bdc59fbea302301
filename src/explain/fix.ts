/**
 * The fix for a blocked exchange, as data: which response must change, and the complete set of CORS header
 * lines it must carry. Complete, not just the one Chrome complained about, because Chrome stops at the first
 * failing check: fixing only `Access-Control-Allow-Origin` on a credentialed request would just move the error to
 * `Access-Control-Allow-Credentials`. Values are built from what was observed (the origin sent, the method, the
 * headers the preflight asked about), never from placeholders.
 */
import { isToken } from '../http';
import {
  allowListItems,
  CODES,
  type CorsErrorCode,
  type Evaluation,
  failingResponse,
  type ExchangeRecord,
  type Header,
  type HeaderList,
  headerValue,
  isSafelistedMethod,
  type ResponseRecord,
  type Stage,
} from '../cors';

export interface Fix {
  readonly stage: Stage;
  readonly hop: number;
  /** The one line that answers Chrome's complaint, e.g. `Access-Control-Allow-Headers: content-type, x-custom`. */
  readonly primary: Header | null;
  /** Every CORS line the response must carry (each replaces any line of the same name). */
  readonly headers: readonly Header[];
  /** Header names the response must stop sending (an unparsable allow-list that nothing needs). */
  readonly removeHeaders: readonly string[];
  /** A status the response must have instead (a preflight must answer 2xx: 204 is the usual). */
  readonly status: number | null;
  /** The response must not redirect (a preflight) or must redirect elsewhere (credentials in Location). */
  readonly location: { readonly remove: true } | { readonly replaceWith: string } | null;
  /** When the fix is not on the server at all (a request mode, a scheme), what the page must change. */
  readonly pageSide: 'request-mode' | 'scheme' | null;
}

export function fixFor(record: ExchangeRecord, evaluation: Evaluation): Fix | null {
  const error = evaluation.error;
  if (!error) return null;
  const hopOutcome = evaluation.hops[error.hop];
  const hop = record.hops[error.hop];
  if (!hopOutcome || !hop) return null;
  const credentials = evaluation.credentials === 'include';
  const origin = hopOutcome.origin;
  const base = { stage: error.stage, hop: error.hop, status: null, location: null, pageSide: null, removeHeaders: [] } as const;

  if (error.code === 'DisallowedByMode') return { ...base, primary: null, headers: [], pageSide: 'request-mode' };
  if (error.code === 'CorsDisabledScheme') return { ...base, primary: null, headers: [], pageSide: 'scheme' };

  const originLines = allowOriginLines(origin, credentials);

  if (error.stage === 'preflight') {
    const pfResponse = failingResponse(record, error);
    const pfHeaders = pfResponse?.headers ?? [];
    const methods = allowMethodsValue(pfHeaders, hopOutcome.method, credentials);
    const headers = allowHeadersValue(pfHeaders, hopOutcome.unsafeHeaders.map((h) => h.name), credentials);
    const lines: Header[] = [...originLines];
    const removeHeaders: string[] = [];
    if (methods !== null) lines.push({ name: 'Access-Control-Allow-Methods', value: methods });
    else if (headerValue(pfHeaders, 'access-control-allow-methods') !== null) removeHeaders.push('Access-Control-Allow-Methods');
    if (headers !== null) lines.push({ name: 'Access-Control-Allow-Headers', value: headers });
    else if (headerValue(pfHeaders, 'access-control-allow-headers') !== null) removeHeaders.push('Access-Control-Allow-Headers');
    const status = pfResponse?.status ?? 0;
    const needsStatus = status < 200 || status > 299 || error.code === 'PreflightDisallowedRedirect';
    return {
      ...base,
      primary: primaryLine(lines, error.code),
      headers: lines,
      removeHeaders,
      status: needsStatus ? 204 : null,
      location: error.code === 'PreflightDisallowedRedirect' ? { remove: true } : null,
    };
  }

  if (error.code === 'RedirectContainsCredentials') {
    const to = hop.response?.redirectUrl ?? '';
    return { ...base, primary: null, headers: [], location: { replaceWith: withoutCredentials(to) } };
  }
  return { ...base, primary: primaryLine(originLines, error.code), headers: originLines };
}

function allowOriginLines(origin: string, credentials: boolean): Header[] {
  // After a cross-origin redirect the origin is "null", which any sandboxed iframe or data: URL also sends:
  // allowing "null" by name is the NullOriginAllowed smell. Without credentials, `*` says the same more safely.
  const value = origin === 'null' && !credentials ? '*' : origin;
  const lines: Header[] = [{ name: 'Access-Control-Allow-Origin', value }];
  if (credentials) lines.push({ name: 'Access-Control-Allow-Credentials', value: 'true' });
  // A response that depends on Origin must say so, or a shared cache serves it to the wrong origin.
  if (value !== 'null' && value !== '*') lines.push({ name: 'Vary', value: 'Origin' });
  return lines;
}

/** The line that answers Chrome's complaint: the one setting the header the failing check read. */
function primaryLine(lines: readonly Header[], code: CorsErrorCode): Header | null {
  const name = CODES[code].header;
  return name === null ? null : (lines.find((l) => l.name === name) ?? null);
}

/** Tokens of an existing allow-list worth keeping (a broken list is rebuilt from its valid items). */
function keptItems(value: string | null, credentials: boolean): string[] {
  return allowListItems(value).filter((v) => isToken(v) && !(credentials && v === '*'));
}

function allowMethodsValue(headers: HeaderList, method: string, credentials: boolean): string | null {
  const existing = keptItems(headerValue(headers, 'access-control-allow-methods'), credentials);
  if (isSafelistedMethod(method) && existing.length === 0) return null;
  const items = existing.includes(method) || isSafelistedMethod(method) ? existing : [...existing, method];
  return items.join(', ');
}

function allowHeadersValue(headers: HeaderList, needed: readonly string[], credentials: boolean): string | null {
  const existing = keptItems(headerValue(headers, 'access-control-allow-headers'), credentials);
  if (needed.length === 0 && existing.length === 0) return null;
  const have = new Set(existing.map((e) => e.toLowerCase()));
  // Authorization must be listed by name: `*` covers it only by a deprecated Chrome exception.
  const missing = needed.filter((n) => !have.has(n) && !(n !== 'authorization' && have.has('*') && !credentials));
  return [...existing, ...new Set(missing)].join(', ');
}

function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return url;
  }
}

/** The exchange as it would be had the server applied the fix: what the property tests and "what if" views re-check. */
export function applyFix(record: ExchangeRecord, fix: Fix): ExchangeRecord {
  const hops = record.hops.map((hop, i) => {
    if (i !== fix.hop) return hop;
    if (fix.stage === 'preflight') {
      const pf = hop.preflight;
      const response = patchResponse(pf?.response ?? { status: 204, headers: [], redirectUrl: null }, fix);
      return { ...hop, preflight: { requestHeaders: pf?.requestHeaders ?? [], response, error: null } };
    }
    if (!hop.response) return hop;
    return { ...hop, response: patchResponse(hop.response, fix) };
  });
  return { ...record, hops };
}

function patchResponse(response: ResponseRecord, fix: Fix): ResponseRecord {
  const replaced = new Set([...fix.headers.map((h) => h.name.toLowerCase()), ...fix.removeHeaders.map((n) => n.toLowerCase())]);
  const headers = [...response.headers.filter((h) => !replaced.has(h.name.toLowerCase())), ...fix.headers];
  let redirectUrl = response.redirectUrl;
  if (fix.location && 'remove' in fix.location) redirectUrl = null;
  if (fix.location && 'replaceWith' in fix.location) redirectUrl = fix.location.replaceWith;
  return { status: fix.status ?? response.status, headers, redirectUrl };
}
