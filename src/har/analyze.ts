/**
 * The whole pipeline on one capture: parse, build exchanges, evaluate each, and add what only shows across
 * exchanges (a server reflecting every Origin with credentials).
 */
import { type CorsWarning, evaluate, type Evaluation, type ExchangeRecord, headerValue, originOf } from '../cors';
import { type BuiltExchange, buildExchanges, buildingExchanges } from './exchanges';
import type { Truncation } from './har-reader';
import { exchangeIds, type InertEntries } from './inert-entries';
import type { NotCorsReason } from './not-cors';
import { type ParsedHar, parseHar, parseHarText, type SkippedEntry } from './parse';
import type { Producer } from './producer';
import type { Sanitized } from './sanitized';

export interface AnalysedExchange extends BuiltExchange {
  /** Position in the analysis: what `--exchange <n>` refers to. */
  readonly id: number;
  readonly url: string;
  readonly method: string;
  /** The page's origin, or null when the capture does not show it. */
  readonly origin: string | null;
  readonly evaluation: Evaluation;
  /** The evaluation's warnings plus those only visible across exchanges. */
  readonly warnings: readonly CorsWarning[];
  /** Why it is not CORS, for a `not-cors` verdict; null otherwise. */
  readonly notCors: NotCorsReason | null;
  /** What the capture as a whole can show: one object shared by every exchange of it. */
  readonly capture: CaptureFacts;
}

/** Facts about the whole capture that every verdict and explanation of it depends on. */
export interface CaptureFacts {
  readonly producer: Producer;
  /** Cookie, Authorization and Set-Cookie removed on export: 'unknown' when the file cannot tell. */
  readonly sanitized: Sanitized;
  /** The file records the browser's own decision per request (`_error`). */
  readonly errorsRecorded: boolean;
  /** The panel's live capture (every request, as DevTools saw it) or a file (an export may have left entries out). */
  readonly source: 'live' | 'file';
}

export interface Analysis {
  /** In order, each with its id; without the `unlisted` ones when the capture was read cheaply. */
  readonly exchanges: readonly AnalysedExchange[];
  /**
   * Exchanges counted but never built, a cheap read's inert entries (inert.ts): each one entry, not CORS. The
   * ids of `exchanges` leave room for them, so an exchange has the same id however the capture was read.
   */
  readonly unlisted?: number;
  /** The file ended before the HAR did: its whole entries were analysed. */
  readonly truncated?: Truncation | null;
  readonly skipped: readonly SkippedEntry[];
  readonly totalEntries: number;
  /** The browser that made the capture, when the HAR says. */
  readonly browser: string | null;
  readonly capture: CaptureFacts;
}

export function analyseHarText(text: string): Analysis {
  const parsed = parseHarText(text);
  // Drop this frame's reference too: the text is as large as the file and no longer needed.
  text = '';
  return analyseParsed(parsed);
}

export function analyseHar(doc: unknown, producer?: Producer): Analysis {
  return analyseParsed(parseHar(doc, producer));
}

/** `inert`: the entries a cheap read only counted (collect.ts); they are not-cors exchanges of one entry each. */
export function analyseParsed(har: ParsedHar, inert: InertEntries | null = null): Analysis {
  const evidence = { authorizationRemoved: false };
  const p = prepare(har, inert, buildExchanges(har, evidence), evidence);
  const exchanges = p.built.map((b, k) => analyseBuilt(b, p.ids[k] as number, p.capture));
  return p.result(exchanges);
}

/** How many exchanges are evaluated between two pauses of analyseParsedInSlices: about 10 ms of work. */
const SLICE = 200;

/**
 * The same analysis, with `pause` awaited between slices of the evaluation: the panel reading a large file
 * stays responsive while tens of thousands of exchanges are judged (about 1.7 s at once for a 300 MB capture).
 */
export async function analyseParsedInSlices(har: ParsedHar, inert: InertEntries | null, pause: () => Promise<void>): Promise<Analysis> {
  const evidence = { authorizationRemoved: false };
  const steps = buildingExchanges(har, evidence);
  let step = steps.next();
  for (; !step.done; step = steps.next()) await pause();
  const p = prepare(har, inert, step.value, evidence);
  await pause();
  const exchanges: AnalysedExchange[] = [];
  for (let k = 0; k < p.built.length; k++) {
    exchanges.push(analyseBuilt(p.built[k] as BuiltExchange, p.ids[k] as number, p.capture));
    if (k % SLICE === SLICE - 1) await pause();
  }
  return p.result(exchanges);
}

function prepare(har: ParsedHar, inert: InertEntries | null, built: readonly BuiltExchange[], evidence: { readonly authorizationRemoved: boolean }) {
  // A preflight that asked for Authorization paired with a request that shows none: the export removed it.
  const sanitized = har.sanitized === 'unknown' && evidence.authorizationRemoved ? 'yes' : har.sanitized;
  const capture: CaptureFacts = { producer: har.producer, sanitized, errorsRecorded: har.errorsRecorded, source: 'file' };
  const ids = exchangeIds(built, inert);
  const result = (exchanges: readonly AnalysedExchange[]): Analysis => ({
    exchanges: addReflectionWarnings(exchanges),
    unlisted: inert?.count ?? 0,
    skipped: har.skipped,
    totalEntries: har.total,
    browser: har.browser ?? null,
    capture,
  });
  return { built, ids, capture, result };
}

/**
 * Evaluates one built exchange. Built field by field (not spread) so every exchange shares one object shape: a
 * spread of this many fields made V8 fall back to dictionary objects, about 500 bytes each, which a
 * 100,000-entry capture feels.
 */
export function analyseBuilt(b: BuiltExchange, id: number, capture: CaptureFacts): AnalysedExchange {
  const replayed = evaluateBuilt(b, capture);
  const opaque = completedWithoutOrigin(b, replayed, capture);
  const evaluation = opaque ? OPAQUE : replayed;
  const first = b.record.hops[0];
  return {
    id,
    url: first?.url ?? '',
    method: first?.method ?? '',
    origin: b.originUnknown ? null : b.record.initiatorOrigin,
    resourceType: b.resourceType,
    record: b.record,
    hopEntries: b.hopEntries,
    preflightEntries: b.preflightEntries,
    entries: b.entries,
    originUnknown: b.originUnknown,
    requestMissing: b.requestMissing,
    start: b.start,
    bodies: b.bodies,
    evaluation,
    warnings: evaluation.warnings,
    modeUnproven: b.modeUnproven,
    notCors: evaluation.verdict !== 'not-cors' ? null : opaque ? 'opaque-response' : (b.notCors ?? (evaluation.notes.includes('same-origin') ? 'same-origin' : null)),
    capture,
  };
}

/** The exchange with this id (`export --exchange`), in a list ordered by id that may leave some out. */
export function exchangeById(exchanges: readonly AnalysedExchange[], id: number): AnalysedExchange | undefined {
  let lo = 0;
  let hi = exchanges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = exchanges[mid] as AnalysedExchange;
    if (x.id === id) return x;
    if (x.id < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

const NO_CORS_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST']);

const OPAQUE: Evaluation = Object.freeze({ verdict: 'not-cors', error: null, confidence: 'certain', credentials: 'unknown', preflightReasons: [], hops: [], warnings: [], notes: ['mode-not-cors'] as const, networkError: null });

/**
 * In a capture that records the browser's failures, a cross-origin request that shows no Origin and that the
 * browser completed, although the CORS check would fail it, was a no-cors request: its response was opaque.
 * Chrome writes a no-cors response the page never reads with the page's own headers only, so its mode is not in
 * the file; a no-cors request can only be a GET, HEAD or POST.
 */
function completedWithoutOrigin(b: BuiltExchange, ev: Evaluation, capture: CaptureFacts): boolean {
  if (!capture.errorsRecorded || b.record.mode !== 'cors' || b.record.hops.length !== 1) return false;
  const hop = b.record.hops[0];
  if (!hop || !NO_CORS_METHODS.has(hop.method) || hop.preflight || hop.error !== null || !hop.response) return false;
  if (headerValue(hop.requestHeaders, 'origin') !== null || headerValue(hop.requestHeaders, 'sec-fetch-mode') === 'cors') return false;
  return ev.verdict === 'unknown' && ev.notes.includes('browser-allowed-but-checks-fail');
}

function evaluateBuilt(b: BuiltExchange, capture: CaptureFacts): Evaluation {
  const evaluation = evaluate(b.record);
  // Only an Origin says this POST was CORS, and no-cors POSTs send one too: a failing check alone proves nothing.
  if (b.modeUnproven && !b.record.errorsRecorded && evaluation.verdict === 'blocked') {
    return { ...evaluation, verdict: 'unknown', error: null, otherwise: evaluation.error, confidence: 'uncertain', notes: [...evaluation.notes, 'cors-mode-unproven'] };
  }
  // chrome-har gives the last hop of a redirect the first hop's response headers: a verdict on a chain is a guess.
  if (!capture.producer.facts.redirectHeadersReliable && b.record.hops.length > 1 && evaluation.verdict !== 'not-cors') return { ...evaluation, confidence: 'uncertain' };
  // Not CORS only because nothing shows it is: say so rather than be sure.
  if (b.notCors === 'no-evidence' && evaluation.verdict === 'not-cors') return { ...evaluation, confidence: 'uncertain' };
  // Without the page's origin every origin check is a guess: keep the finding but never call it certain.
  // A completed request the browser would have failed is still not blocked, whatever the origin was.
  if (b.originUnknown && evaluation.verdict !== 'not-cors' && !(evaluation.verdict === 'allowed' && b.record.errorsRecorded)) return { ...evaluation, confidence: 'uncertain' };
  if (b.requestMissing && evaluation.confidence === 'certain') return { ...evaluation, confidence: 'inferred' };
  return evaluation;
}

/**
 * One server answering two different origins each with its own origin and Access-Control-Allow-Credentials: true
 * is reflecting Origin: any site can read credentialed responses. Only a capture with several origins shows it.
 */
export function addReflectionWarnings(exchanges: readonly AnalysedExchange[]): AnalysedExchange[] {
  const echoedBy = new Map<string, Set<string>>();
  const echoes = new Map<number, { target: string; hop: number }>();
  for (const x of exchanges) {
    const found = credentialedEcho(x.record);
    if (!found) continue;
    const set = echoedBy.get(found.target) ?? new Set<string>();
    set.add(found.origin);
    echoedBy.set(found.target, set);
    echoes.set(x.id, { target: found.target, hop: found.hop });
  }
  return exchanges.map((x) => {
    const echo = echoes.get(x.id);
    if (!echo || (echoedBy.get(echo.target)?.size ?? 0) < 2) return x;
    const warning: CorsWarning = { code: 'CredentialedOriginReflection', stage: 'response', hop: echo.hop, header: 'Access-Control-Allow-Origin' };
    return Object.assign({}, x, { warnings: [...x.warnings, warning] });
  });
}

function credentialedEcho(record: ExchangeRecord): { target: string; origin: string; hop: number } | null {
  const last = record.hops.length - 1;
  const hop = record.hops[last];
  if (!hop?.response) return null;
  const acao = headerValue(hop.response.headers, 'access-control-allow-origin');
  const acac = headerValue(hop.response.headers, 'access-control-allow-credentials');
  if (acac !== 'true' || acao === null || acao === '*' || acao === 'null' || acao !== record.initiatorOrigin) return null;
  const target = originOf(hop.url);
  return target === 'null' ? null : { target, origin: acao, hop: last };
}
