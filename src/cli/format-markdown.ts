/**
 * The Markdown report for an issue tracker. Captured values are attacker-controlled: every one of them goes in
 * a code span or a fenced block, written by the one escaper (src/export/markdown-text.ts); prose carries only
 * the project's own words.
 */
import { captureNotes, explainMarked } from '../explain';
import { codeRows } from '../export/markdown-codes';
import { mdBlock, mdCell, mdCode, mdProse, mdText } from '../export/markdown-text';
import type { AnalysedExchange } from '../har';
import type { Report } from './report';

/** The other browser's verdict in the summary table. */
const OTHER: Readonly<Record<'blocked' | 'allowed' | 'depends' | 'none', string>> = { blocked: 'blocks', allowed: 'allows', depends: 'depends (see below)', none: '' };

export function formatMarkdown(report: Report): string {
  const c = report.counts;
  const out = [
    '# CORS Lens report',
    '',
    `${report.exchangeCount} exchanges in ${report.analysis.totalEntries} HAR entries: **${c.blocked} blocked**, ${c.allowed} allowed, ${c['not-cors']} not CORS, ${c.unknown} unknown, ${report.warningCount} warnings.`,
    '',
    ...captureNotes(report.analysis.capture).flatMap((n) => [`> ${mdText(n)}`, '']),
  ];
  const shown = report.items.filter((i) => i.exchange.evaluation.verdict !== 'not-cors');
  if (shown.length > 0) {
    const firefoxCapture = report.analysis.capture.producer.facts.family === 'firefox';
    out.push(`| # | Verdict | Method | URL | ${firefoxCapture ? 'Firefox reason' : 'Chrome error'} | ${firefoxCapture ? 'Chrome' : 'Firefox'} |`, '| ---: | --- | --- | --- | --- | --- |');
    for (const i of shown) {
      const err = i.exchange.evaluation.error;
      const own = err ? (firefoxCapture ? (i.explanation.firefoxKey ?? err.code) : err.code) : '';
      out.push(`| ${i.exchange.id} | ${i.exchange.evaluation.verdict} | ${mdCell(i.exchange.method)} | ${mdCell(i.exchange.url)} | ${own ? mdCell(own) : ''} | ${OTHER[i.explanation.otherBrowser?.verdict ?? 'none']} |`);
    }
    out.push('');
  }
  const differs = report.items.filter((i) => i.exchange.evaluation.verdict !== 'blocked' && i.explanation.otherBrowser?.differs === true);
  if (differs.length > 0) {
    out.push('## Where Chrome and Firefox may decide differently', '');
    for (const i of differs) out.push(`- Exchange ${i.exchange.id}, ${mdCode(`${i.exchange.method} ${i.exchange.url}`)}: ${mdProse(explainMarked(i.exchange).otherBrowser?.sentence ?? '')}`);
    out.push('');
  }
  for (const i of report.items) if (i.exchange.evaluation.verdict === 'blocked') out.push(...blockedSection(i.exchange), '');
  return `${out.join('\n').trimEnd()}\n`;
}

function blockedSection(x: AnalysedExchange): string[] {
  // The marked explanation: captured values inside its sentences go in code, the project's words stay prose.
  const e = explainMarked(x);
  const err = x.evaluation.error;
  const lines = [`## Exchange ${x.id}: ${mdCode(`${x.method} ${x.url}`)}`, '', mdProse(e.headline), ''];
  lines.push('| | |', '| --- | --- |');
  lines.push(`| Origin | ${x.origin === null ? '*(unknown)*' : mdCell(x.origin)} |`);
  lines.push(`| Failing response | ${mdProse(e.where, 'cell')} |`);
  if (err) lines.push(...codeRows(x, e));
  if (e.header) lines.push(`| ${mdText(e.header)} received | ${e.received === null ? '*(missing)*' : mdCell(e.received)} |`);
  if (e.sendLine) lines.push(`| The server must send | ${mdCell(e.sendLine)} |`);
  lines.push(`| Confidence | ${x.evaluation.confidence} |`, '');
  for (const d of e.details) lines.push(mdProse(d), '');
  if (e.preflightCause) lines.push(mdProse(e.preflightCause), '');
  for (const c of e.caveats) lines.push(`> ${mdProse(c)}`, '');
  if (e.otherBrowser) lines.push(mdProse(e.otherBrowser.sentence), '');
  if (e.consoleMessage) lines.push(`${e.consoleBrowser ?? 'Browser'} console:`, '', mdBlock(e.consoleMessage, 'text'), '');
  if (e.consoleDocs) lines.push(`Firefox's page for it: <${e.consoleDocs}>`, '');
  return lines;
}
