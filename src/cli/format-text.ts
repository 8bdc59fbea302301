/**
 * The terminal report: one block per blocked exchange, then what is worth a look (warnings, requests the capture
 * cannot judge), then a summary line. Every captured value passes through `printable`.
 */
import { CODE_FACTS } from '../cors';
import type { Report, ReportItem } from './report';
import { type Paint, printable } from './terminal';

export function formatText(report: Report, paint: Paint): string {
  const out: string[] = [];
  for (const item of report.items) {
    if (item.exchange.evaluation.verdict === 'blocked') out.push(blockedBlock(item, paint), '');
  }
  for (const item of report.items) {
    const ev = item.exchange.evaluation;
    if (ev.verdict === 'unknown') out.push(`${paint.yellow('UNKNOWN')}  ${requestLine(item)}`, `  ${printable(item.explanation.headline)}`, '');
  }
  for (const item of report.items) {
    if (item.exchange.evaluation.verdict === 'blocked') continue;
    for (const w of item.explanation.warnings) out.push(`${paint.yellow('WARN')}  ${requestLine(item)}`, `  ${w.code}: ${printable(w.text)}`, '');
  }
  const c = report.counts;
  const summary = `${report.items.length} exchange${report.items.length === 1 ? '' : 's'} in ${report.analysis.totalEntries} entries: ${c.blocked} blocked, ${c.allowed} allowed, ${c['not-cors']} not CORS, ${c.unknown} unknown; ${report.warningCount} warning${report.warningCount === 1 ? '' : 's'}`;
  out.push(c.blocked > 0 ? paint.red(summary) : paint.green(summary));
  return `${out.join('\n')}\n`;
}

function requestLine(item: ReportItem): string {
  return `${printable(item.exchange.method)} ${printable(item.exchange.url)}`;
}

function blockedBlock(item: ReportItem, paint: Paint): string {
  const x = item.exchange;
  const e = item.explanation;
  const err = x.evaluation.error;
  const lines = [`${paint.red(paint.bold('BLOCKED'))}  ${paint.bold(requestLine(item))}`];
  const code = err ? `${err.code}${err.failedParameter ? ` (${printable(err.failedParameter)})` : ''} · Firefox: ${CODE_FACTS[err.code].firefox}` : 'no error code: the capture lacks the failing response';
  lines.push(`  ${paint.dim(`from ${printable(x.origin ?? 'an unknown origin')} · ${printable(e.where)} · ${code}`)}`);
  lines.push(`  ${printable(e.headline)}`);
  if (e.header) lines.push(`  ${e.header}: ${e.received === null ? paint.yellow('(missing)') : printable(JSON.stringify(e.received))}`);
  if (e.sendLine) lines.push(`  ${paint.green('Send:')} ${printable(e.sendLine)}`);
  for (const d of e.details) lines.push(`  ${printable(d)}`);
  if (e.preflightCause) lines.push(`  ${printable(e.preflightCause)}`);
  for (const c of e.caveats) lines.push(`  ${paint.yellow('Note:')} ${printable(c)}`);
  if (e.consoleMessage) lines.push(`  ${paint.dim(`Chrome: ${printable(e.consoleMessage)}`)}`);
  lines.push(`  ${paint.dim(`exchange ${x.id} · HAR entries ${x.entries.join(', ')} · confidence ${x.evaluation.confidence}`)}`);
  return lines.join('\n');
}
