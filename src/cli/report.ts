/**
 * The analysis joined with its explanations, once, for every output format: formats only lay out text.
 * Counts cover every exchange, the ones only counted (Analysis.unlisted) too; items are what is listed: the
 * CORS exchanges, and the not-cors ones only when asked (`all`).
 */
import type { VerdictKind } from '../cors';
import { type Brief, captureNotes, type Explanation, explain, explainBrief } from '../explain';
import { type AnalysedExchange, type Analysis, type CaptureFacts, NOT_CORS_TEXT } from '../har';

export interface ReportItem {
  readonly exchange: AnalysedExchange;
  readonly explanation: Explanation;
}

export interface Report {
  readonly items: readonly ReportItem[];
  readonly analysis: Analysis;
  readonly counts: Readonly<Record<VerdictKind, number>>;
  /** Every exchange of the capture, listed or not. */
  readonly exchangeCount: number;
  readonly warningCount: number;
}

/** Verdict counts over every exchange, and the exchanges to list. */
export interface Tally {
  readonly counts: Readonly<Record<VerdictKind, number>>;
  readonly exchangeCount: number;
  readonly warningCount: number;
  readonly listed: readonly AnalysedExchange[];
}

export function tally(analysis: Analysis, all = false): Tally {
  const unlisted = analysis.unlisted ?? 0;
  // What a cheap read only counted is one not-cors exchange each, with no warning (inert.ts).
  const counts: Record<VerdictKind, number> = { allowed: 0, blocked: 0, 'not-cors': unlisted, unknown: 0 };
  let warningCount = 0;
  const listed: AnalysedExchange[] = [];
  for (const x of analysis.exchanges) {
    counts[x.evaluation.verdict]++;
    warningCount += x.warnings.length;
    if (all || x.evaluation.verdict !== 'not-cors') listed.push(x);
  }
  return { counts, exchangeCount: analysis.exchanges.length + unlisted, warningCount, listed };
}

export function buildReport(analysis: Analysis, all = false): Report {
  const t = tally(analysis, all);
  const items = t.listed.map((exchange) => ({ exchange, explanation: explain(exchange) }));
  return { items, analysis, counts: t.counts, exchangeCount: t.exchangeCount, warningCount: t.warningCount };
}

function captureJson(c: CaptureFacts): unknown {
  return { producer: c.producer.id, label: c.producer.facts.label, creator: c.producer.creator, sanitized: c.sanitized, recordsFailures: c.errorsRecorded, notes: captureNotes(c) };
}

/** One exchange of the JSON document. `id` is what `export --exchange` takes, however the list was filtered. */
export function exchangeJson(x: AnalysedExchange, e: Brief): unknown {
  const ev = x.evaluation;
  const pfEntry = x.preflightEntries[0] ?? null;
  const pfStatus = x.record.hops[0]?.preflight?.response?.status ?? 0;
  return {
    id: x.id,
    url: x.url,
    method: x.method,
    origin: x.origin,
    verdict: ev.verdict,
    error: ev.error ? { code: ev.error.code, failedParameter: ev.error.failedParameter, stage: ev.error.stage, hop: ev.error.hop, firefox: e.firefoxKey } : null,
    preflight: pfEntry === null ? null : { entry: pfEntry, status: pfStatus },
    entries: x.entries,
    warnings: x.warnings.map((w) => ({ code: w.code, stage: w.stage, hop: w.hop, ...(w.header ? { header: w.header } : {}), ...(w.value !== undefined ? { value: w.value } : {}) })),
    confidence: ev.confidence,
    credentials: ev.credentials,
    notes: ev.notes,
    preflightReasons: ev.preflightReasons,
    networkError: ev.networkError,
    notCors: x.notCors === null ? null : { reason: x.notCors, text: NOT_CORS_TEXT[x.notCors] },
    otherBrowser: e.otherBrowser && { browser: e.otherBrowser.browser, verdict: e.otherBrowser.verdict, differs: e.otherBrowser.differs, code: e.otherBrowser.code, firefox: e.otherBrowser.reason, text: e.otherBrowser.sentence },
    explanation: e.headline,
    sendLine: e.sendLine,
  };
}

function restJson(analysis: Analysis, t: Tally): { capture: unknown; skipped: unknown; summary: unknown } {
  return {
    capture: captureJson(analysis.capture),
    skipped: analysis.skipped,
    summary: { entries: analysis.totalEntries, exchanges: t.exchangeCount, ...t.counts, warnings: t.warningCount },
  };
}

/** The JSON document of the command-line contract (design.md). Fields keep their meaning; new ones may be added. */
export function reportJson(report: Report): unknown {
  const t: Tally = { counts: report.counts, exchangeCount: report.exchangeCount, warningCount: report.warningCount, listed: [] };
  return { exchanges: report.items.map((i) => exchangeJson(i.exchange, i.explanation)), ...restJson(report.analysis, t) };
}

/**
 * The same document as `JSON.stringify(reportJson(...), null, 2)`, written a piece at a time: explaining and
 * printing one exchange after another keeps a large capture's report out of memory.
 */
export function writeReportJson(analysis: Analysis, t: Tally, write: (text: string) => void): void {
  let buffer = '{\n  "exchanges": [';
  t.listed.forEach((x, i) => {
    buffer += `${i === 0 ? '' : ','}\n    ${atLevel(exchangeJson(x, explainBrief(x)), 2)}`;
    if (buffer.length > 1 << 16) {
      write(buffer);
      buffer = '';
    }
  });
  buffer += t.listed.length === 0 ? ']' : '\n  ]';
  for (const [key, value] of Object.entries(restJson(analysis, t))) buffer += `,\n  ${JSON.stringify(key)}: ${atLevel(value, 1)}`;
  write(`${buffer}\n}\n`);
}

/**
 * A value as `JSON.stringify(document, null, 2)` writes it `level` levels deep. Stringified inside as many
 * wrapping arrays, then cut out, rather than re-indented line by line: a report has hundreds of thousands of lines.
 */
function atLevel(value: unknown, level: number): string {
  let wrapped: unknown = value;
  for (let i = 0; i < level; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Each wrapper adds "[\n" and its indent before, "\n", the outer indent and "]" after.
  return text.slice(level * (level + 3), text.length - level * (level + 1));
}
