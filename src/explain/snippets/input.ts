/**
 * What every stack's snippet is built from, and the rules all stacks share. The values come from the captured
 * exchange (the exact origin, the method, the header names the preflight asked about) rather than placeholders,
 * so a snippet fixes the failure the user is looking at. Each of them is attacker-controlled text from web
 * traffic: deciding which values may be written at all (HTTP tokens, field values) and wording the notes about
 * those left out happens here once, so every stack refuses the same values with the same words; a stack file
 * only adds what its own string syntax cannot hold. Comments never quote observed values.
 */
import { allowListItems, type Evaluation, type ExchangeRecord, failingResponse, headerValue, isSafelistedMethod } from '../../cors';
import type { Fix } from '../fix';
import { isFieldValue, isToken, MAX_AGE_CAP, SUGGESTED_MAX_AGE } from '../../http';

export type Stack = 'express' | 'nginx' | 'apache' | 'flask' | 'django' | 'spring' | 'go';

/** `S` lets the stack table check that each stack's builder labels its snippet with that stack. */
export interface Snippet<S extends Stack = Stack> {
  readonly stack: S;
  readonly label: string;
  readonly code: string;
}

/** What every snippet is built from: the Fix's values plus the facts that change how a stack must be set up. */
export interface SnippetInput {
  /** The origin to allow, exactly as Chrome compares it. */
  readonly origin: string;
  readonly credentials: boolean;
  /** Methods for Access-Control-Allow-Methods (empty: no preflight involved). */
  readonly methods: readonly string[];
  /** Header names for Access-Control-Allow-Headers. */
  readonly headers: readonly string[];
  /** Access-Control-Max-Age to suggest, or null when no preflight is involved. */
  readonly maxAge: number | null;
  /** The preflight answered a non-2xx status: it must answer 204. */
  readonly preflightMustSucceed: boolean;
  /** The preflight was redirected: it must be answered where it arrives. */
  readonly preflightMustNotRedirect: boolean;
  /** The preflight was answered 401/403: OPTIONS must pass before authentication. */
  readonly optionsBeforeAuth: boolean;
  /** Two layers sent Access-Control-Allow-Origin: only one may. */
  readonly oneLayerOnly: boolean;
  /** The failing response was an error (4xx/5xx): error responses need the headers too. */
  readonly onErrorResponses: boolean;
}

/** The snippet input for a blocked exchange, or null when the fix is not on the server (or there is none). */
export function snippetInput(record: ExchangeRecord, evaluation: Evaluation, fix: Fix | null): SnippetInput | null {
  const error = evaluation.error;
  if (!fix || !error || fix.pageSide !== null) return null;
  const acao = fix.headers.find((h) => h.name === 'Access-Control-Allow-Origin');
  if (!acao) return null;
  const outcome = evaluation.hops[fix.hop];
  const hop = record.hops[fix.hop];
  const preflighted = outcome !== undefined && outcome.preflight !== 'not-needed';
  const fromFix = (name: string): string[] | null => {
    const line = fix.headers.find((h) => h.name === name);
    return line ? allowListItems(line.value) : null;
  };
  const methods = fromFix('Access-Control-Allow-Methods') ?? (preflighted && outcome && !isSafelistedMethod(outcome.method) ? [outcome.method] : []);
  const headers = fromFix('Access-Control-Allow-Headers') ?? (preflighted && outcome ? [...new Set(outcome.unsafeHeaders.map((h) => h.name))] : []);
  const pfResponse = hop?.preflight?.response ?? null;
  let maxAge: number | null = null;
  if (preflighted || methods.length > 0 || headers.length > 0) {
    const seen = pfResponse ? headerValue(pfResponse.headers, 'access-control-max-age') : null;
    const n = seen !== null && /^\d+$/.test(seen) ? Number(seen) : NaN;
    maxAge = Number.isFinite(n) && n > 0 ? Math.min(n, MAX_AGE_CAP.chrome) : SUGGESTED_MAX_AGE;
  }
  const failingStatus = failingResponse(record, fix)?.status ?? 0;
  return {
    origin: acao.value,
    credentials: fix.headers.some((h) => h.name === 'Access-Control-Allow-Credentials' && h.value === 'true'),
    methods,
    headers,
    maxAge,
    preflightMustSucceed: fix.stage === 'preflight' && fix.status !== null && error.code !== 'PreflightDisallowedRedirect',
    preflightMustNotRedirect: error.code === 'PreflightDisallowedRedirect',
    optionsBeforeAuth: fix.stage === 'preflight' && (failingStatus === 401 || failingStatus === 403),
    oneLayerOnly: error.code === 'MultipleAllowOriginValues' || error.code === 'PreflightMultipleAllowOriginValues',
    onErrorResponses: failingStatus >= 400,
  };
}

/** The values a snippet may use, and notes about those it must leave out. */
export interface Safe {
  readonly origin: string | null;
  readonly methods: readonly string[];
  readonly headers: readonly string[];
  readonly notes: readonly string[];
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Tokens only, and whatever else a stack's own string syntax cannot hold (`accept` answers false). */
export function safeValues(input: SnippetInput, accept: (v: string) => boolean): Safe {
  const notes: string[] = [];
  const origin = isFieldValue(input.origin) && input.origin !== '' && accept(input.origin) ? input.origin : null;
  if (origin === null) notes.push('The observed origin cannot be written safely here and was left out: allow your page\'s origin by hand.');
  const methods = input.methods.filter((m) => isToken(m) && accept(m));
  const headers = input.headers.filter((h) => isToken(h) && accept(h));
  const droppedM = input.methods.length - methods.length;
  const droppedH = input.headers.length - headers.length;
  if (droppedM > 0) notes.push(`Left out ${plural(droppedM, 'method that is', 'methods that are')} not a valid HTTP token or cannot be written safely here.`);
  if (droppedH > 0) notes.push(`Left out ${plural(droppedH, 'header name that is', 'header names that are')} not a valid HTTP token or cannot be written safely here.`);
  return { origin, methods, headers, notes };
}

/** One comment line per note. Notes and advice are CORS Lens's own fixed wording, so nothing here needs escaping. */
export function comments(prefix: string, lines: readonly string[]): string[] {
  return lines.map((l) => `${prefix} ${l}`);
}

/** Advice every stack shares, as comment text. */
function advice(input: SnippetInput): string[] {
  const out: string[] = [];
  if (input.optionsBeforeAuth) out.push('Preflights never carry cookies or Authorization: answer OPTIONS before authentication runs.');
  if (input.preflightMustNotRedirect) out.push('The preflight must be answered where it arrives: no http->https, trailing-slash or login redirect for OPTIONS.');
  if (input.oneLayerOnly) out.push('Send Access-Control-Allow-Origin from one layer only: remove it from the app or from the proxy.');
  if (input.onErrorResponses) out.push('Error responses (4xx/5xx) need these headers too, or the page sees a CORS error instead of the status.');
  return out;
}

/** The notes about values left out, then the advice, as comment lines: every stack opens with them, in this order. */
export function notesAndAdvice(prefix: string, safe: Safe, input: SnippetInput): string[] {
  return comments(prefix, [...safe.notes, ...advice(input)]);
}
