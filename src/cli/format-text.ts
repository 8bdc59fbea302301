/**
 * The terminal report: one block per blocked exchange, then what is worth a look (warnings, requests the capture
 * cannot judge), then a summary line. Every captured value passes through `printable`.
 */
import { originOf } from '../cors';
import { captureNotes } from '../explain';
import type { Report, ReportItem } from './report';
import { type Paint, printable } from './terminal';

export function formatText(report: Report, paint: Paint): string {
  const out: string[] = [];
  for (const group of groupBy(report.items.filter((i) => i.exchange.evaluation.verdict === 'blocked'), blockKey)) {
    out.push(blockedBlock(group[0] as ReportItem, paint), ...more(group, paint), '');
  }
  for (const group of groupBy(report.items.filter((i) => i.exchange.evaluation.verdict === 'unknown'), (i) => `${i.explanation.headline}`)) {
    const first = group[0] as ReportItem;
    out.push(`${paint.yellow('UNKNOWN')}  ${requestLine(first)}`, `  ${printable(first.explanation.headline)}`, ...more(group, paint), '');
  }
  const warned = report.items.filter((i) => i.exchange.evaluation.verdict !== 'blocked').flatMap((item) => item.explanation.warnings.map((w) => ({ item, w })));
  for (const group of groupBy(warned, ({ item, w }) => `${w.code}\n${targetOrigin(item)}`)) {
    const { item, w } = group[0] as (typeof warned)[number];
    out.push(`${paint.yellow('WARN')}  ${requestLine(item)}`, `  ${w.code}: ${printable(w.text)}`, ...more(group.map((g) => g.item), paint), '');
  }
  // A blocked block already says what the other browser does; the exchanges allowed here but not surely there need their own.
  const differs = report.items.filter((i) => i.exchange.evaluation.verdict !== 'blocked' && i.explanation.otherBrowser?.differs === true);
  for (const group of groupBy(differs, (i) => `${i.explanation.otherBrowser?.sentence}\n${targetOrigin(i)}`)) {
    const first = group[0] as ReportItem;
    out.push(`${paint.yellow('DIFFERS')}  ${requestLine(first)}`, `  ${printable(first.explanation.otherBrowser?.sentence ?? '')}`, ...more(group, paint), '');
  }
  for (const note of captureNotes(report.analysis.capture)) out.push(`${paint.yellow('Note:')} ${note}`, '');
  const c = report.counts;
  const differing = report.items.filter((i) => i.explanation.otherBrowser?.differs === true).length;
  const summary = `${report.exchangeCount} exchange${report.exchangeCount === 1 ? '' : 's'} in ${report.analysis.totalEntries} entries: ${c.blocked} blocked, ${c.allowed} allowed, ${c['not-cors']} not CORS, ${c.unknown} unknown; ${report.warningCount} warning${report.warningCount === 1 ? '' : 's'}${differing > 0 ? `; ${differing} where Chrome and Firefox may decide differently` : ''}`;
  out.push(c.blocked > 0 ? paint.red(summary) : paint.green(summary));
  return `${out.join('\n')}\n`;
}

/**
 * Requests that fail the same way (same check, same value, same page and server, same fix) are one problem:
 * a capture with 300 blocked calls to one API shows one block and a count, not 300 blocks.
 */
function blockKey(item: ReportItem): string {
  const err = item.exchange.evaluation.error;
  return [err?.code ?? '', err?.failedParameter ?? '', err?.stage ?? '', err?.hop ?? '', item.exchange.origin ?? '', targetOrigin(item), item.exchange.method, item.explanation.sendLine ?? ''].join('\n');
}

function targetOrigin(item: ReportItem): string {
  const hops = item.exchange.record.hops;
  const url = hops[hops.length - 1]?.url ?? item.exchange.url;
  return originOf(url);
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

const EXAMPLES = 3;

function more(group: readonly ReportItem[], paint: Paint): string[] {
  if (group.length < 2) return [];
  const rest = group.slice(1);
  const lines = [`  ${paint.bold(`+ ${rest.length} more request${rest.length === 1 ? '' : 's'} the same way`)} (exchanges ${rest.slice(0, 20).map((i) => i.exchange.id).join(', ')}${rest.length > 20 ? ', …' : ''}):`];
  for (const i of rest.slice(0, EXAMPLES)) lines.push(`    ${requestLine(i)}`);
  if (rest.length > EXAMPLES) lines.push(`    …`);
  return lines;
}

function requestLine(item: ReportItem): string {
  return `${printable(item.exchange.method)} ${printable(item.exchange.url)}`;
}

function blockedBlock(item: ReportItem, paint: Paint): string {
  const x = item.exchange;
  const e = item.explanation;
  const err = x.evaluation.error;
  const lines = [`${paint.red(paint.bold('BLOCKED'))}  ${paint.bold(requestLine(item))}`];
  const chromeCode = err ? `${err.code}${err.failedParameter ? ` (${printable(err.failedParameter)})` : ''}` : '';
  // A Firefox capture leads with Firefox's own reason key; the engine's code follows for scripts and searches.
  const code = !err ? 'no error code: the capture lacks the failing response' : x.record.browser === 'firefox' && e.firefoxKey ? `Firefox: ${e.firefoxKey} · ${chromeCode}` : chromeCode;
  lines.push(`  ${paint.dim(`from ${printable(x.origin ?? 'an unknown origin')} · ${printable(e.where)} · ${code}`)}`);
  lines.push(`  ${printable(e.headline)}`);
  if (e.header) lines.push(`  ${e.header}: ${e.received === null ? paint.yellow('(missing)') : printable(JSON.stringify(e.received))}`);
  if (e.sendLine) lines.push(`  ${paint.green('Send:')} ${printable(e.sendLine)}`);
  for (const d of e.details) lines.push(`  ${printable(d)}`);
  if (e.preflightCause) lines.push(`  ${printable(e.preflightCause)}`);
  for (const c of e.caveats) lines.push(`  ${paint.yellow('Note:')} ${printable(c)}`);
  if (e.otherBrowser) lines.push(`  ${e.otherBrowser.differs ? paint.yellow(printable(e.otherBrowser.sentence)) : printable(e.otherBrowser.sentence)}`);
  if (e.consoleMessage) lines.push(`  ${paint.dim(`${e.consoleBrowser ?? 'Console'}: ${printable(e.consoleMessage)}`)}`);
  if (e.consoleDocs) lines.push(`  ${paint.dim(`Docs: ${e.consoleDocs}`)}`);
  lines.push(`  ${paint.dim(`exchange ${x.id} · HAR entries ${x.entries.join(', ')} · confidence ${x.evaluation.confidence}`)}`);
  return lines.join('\n');
}
