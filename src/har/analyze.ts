/**
 * The whole pipeline on one capture: parse, build exchanges, evaluate each, and add what only shows across
 * exchanges (a server reflecting every Origin with credentials).
 */
import { type CorsWarning, evaluate, type Evaluation, type ExchangeRecord, headerValue, originOf } from '../cors';
import { type BuiltExchange, buildExchanges } from './exchanges';
import { type ParsedHar, parseHar, parseHarText, type SkippedEntry } from './parse';

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
}

export interface Analysis {
  readonly exchanges: readonly AnalysedExchange[];
  readonly skipped: readonly SkippedEntry[];
  readonly totalEntries: number;
  /** The browser that made the capture, when the HAR says. */
  readonly browser: string | null;
}

export function analyseHarText(text: string): Analysis {
  const parsed = parseHarText(text);
  // Drop this frame's reference too: the text is as large as the file and no longer needed.
  text = '';
  return analyseParsed(parsed);
}

export function analyseHar(doc: unknown): Analysis {
  return analyseParsed(parseHar(doc));
}

export function analyseParsed(har: ParsedHar): Analysis {
  const exchanges = buildExchanges(har).map((b, id) => analyseBuilt(b, id));
  return { exchanges: addReflectionWarnings(exchanges), skipped: har.skipped, totalEntries: har.total, browser: har.browser ?? null };
}

/**
 * Evaluates one built exchange. Built field by field (not spread) so every exchange shares one object shape: a
 * spread of this many fields made V8 fall back to dictionary objects, about 500 bytes each, which a
 * 100,000-entry capture feels.
 */
export function analyseBuilt(b: BuiltExchange, id: number): AnalysedExchange {
  const evaluation = evaluateBuilt(b);
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
  };
}

function evaluateBuilt(b: BuiltExchange): Evaluation {
  const evaluation = evaluate(b.record);
  // Without the page's origin every origin check is a guess: keep the finding but never call it certain.
  if (b.originUnknown && evaluation.verdict !== 'not-cors') return { ...evaluation, confidence: 'uncertain' };
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
