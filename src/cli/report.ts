/**
 * The analysis joined with its explanations, once, for every output format: formats only lay out text.
 */
import type { VerdictKind } from '../cors';
import { captureNotes, type Explanation, explain } from '../explain';
import { type AnalysedExchange, type Analysis, type CaptureFacts, NOT_CORS_TEXT } from '../har';

export interface ReportItem {
  readonly exchange: AnalysedExchange;
  readonly explanation: Explanation;
}

export interface Report {
  readonly items: readonly ReportItem[];
  readonly analysis: Analysis;
  readonly counts: Readonly<Record<VerdictKind, number>>;
  readonly warningCount: number;
}

export function buildReport(analysis: Analysis): Report {
  const counts: Record<VerdictKind, number> = { allowed: 0, blocked: 0, 'not-cors': 0, unknown: 0 };
  let warningCount = 0;
  const items = analysis.exchanges.map((exchange) => {
    counts[exchange.evaluation.verdict]++;
    warningCount += exchange.warnings.length;
    return { exchange, explanation: explain(exchange) };
  });
  return { items, analysis, counts, warningCount };
}

function captureJson(c: CaptureFacts): unknown {
  return { producer: c.producer.id, label: c.producer.facts.label, creator: c.producer.creator, sanitized: c.sanitized, recordsFailures: c.errorsRecorded, notes: captureNotes(c) };
}

/** The JSON document of the command-line contract (design.md). Fields keep their meaning; new ones may be added. */
export function reportJson(report: Report): unknown {
  return {
    exchanges: report.items.map(({ exchange: x, explanation: e }) => {
      const ev = x.evaluation;
      const pfEntry = x.preflightEntries[0] ?? null;
      const pfStatus = x.record.hops[0]?.preflight?.response?.status ?? 0;
      return {
        url: x.url,
        method: x.method,
        origin: x.origin,
        verdict: ev.verdict,
        error: ev.error
          ? { code: ev.error.code, failedParameter: ev.error.failedParameter, stage: ev.error.stage, hop: ev.error.hop, firefox: e.firefoxKey }
          : null,
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
    }),
    capture: captureJson(report.analysis.capture),
    skipped: report.analysis.skipped,
    summary: { entries: report.analysis.totalEntries, exchanges: report.items.length, ...report.counts, warnings: report.warningCount },
  };
}
