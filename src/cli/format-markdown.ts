/**
 * The Markdown report for an issue tracker. Captured values are attacker-controlled: in tables they are escaped
 * (pipes, backslashes, HTML), in code spans they get a fence longer than any backtick run inside them, and
 * newlines never survive into a cell.
 */
import { CODES } from '../cors';
import type { Report, ReportItem } from './report';
import { mdCode, mdText } from '../export/markdown-text';

export function formatMarkdown(report: Report): string {
  const c = report.counts;
  const out = [
    '# CORS Lens report',
    '',
    `${report.items.length} exchanges in ${report.analysis.totalEntries} HAR entries: **${c.blocked} blocked**, ${c.allowed} allowed, ${c['not-cors']} not CORS, ${c.unknown} unknown, ${report.warningCount} warnings.`,
    '',
  ];
  const shown = report.items.filter((i) => i.exchange.evaluation.verdict !== 'not-cors');
  if (shown.length > 0) {
    out.push('| # | Verdict | Method | URL | Chrome error |', '| ---: | --- | --- | --- | --- |');
    for (const i of shown) {
      const err = i.exchange.evaluation.error;
      out.push(`| ${i.exchange.id} | ${i.exchange.evaluation.verdict} | ${mdCode(i.exchange.method)} | ${mdCode(i.exchange.url)} | ${err ? mdCode(err.code) : ''} |`);
    }
    out.push('');
  }
  for (const i of report.items) if (i.exchange.evaluation.verdict === 'blocked') out.push(...blockedSection(i), '');
  return `${out.join('\n').trimEnd()}\n`;
}

function blockedSection(item: ReportItem): string[] {
  const x = item.exchange;
  const e = item.explanation;
  const err = x.evaluation.error;
  const lines = [`## Exchange ${x.id}: ${mdCode(`${x.method} ${x.url}`)}`, '', mdText(e.headline), ''];
  lines.push('| | |', '| --- | --- |');
  lines.push(`| Origin | ${mdCode(x.origin ?? 'unknown')} |`);
  lines.push(`| Failing response | ${mdText(e.where)} |`);
  if (err) lines.push(`| Chrome error | ${mdCode(err.code)}${err.failedParameter ? ` (${mdCode(err.failedParameter)})` : ''} |`, `| Firefox reason | ${mdCode(CODES[err.code].firefox)} |`);
  if (e.header) lines.push(`| ${mdText(e.header)} received | ${e.received === null ? '*(missing)*' : mdCode(e.received)} |`);
  if (e.sendLine) lines.push(`| The server must send | ${mdCode(e.sendLine)} |`);
  lines.push(`| Confidence | ${x.evaluation.confidence} |`, '');
  for (const d of e.details) lines.push(mdText(d), '');
  if (e.preflightCause) lines.push(mdText(e.preflightCause), '');
  for (const c of e.caveats) lines.push(`> ${mdText(c)}`, '');
  if (e.consoleMessage) lines.push('Chrome console:', '', `> ${mdText(e.consoleMessage)}`, '');
  return lines;
}
