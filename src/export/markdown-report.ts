/**
 * The bug report: everything the person who must fix the server needs, in Markdown that pastes cleanly into
 * GitHub, GitLab or Jira. One-line summary, Chrome's verdict and code, the explanation and the fix, each step's
 * request and response headers with the offending header marked (or a row for the missing one), the curl
 * commands to see it for themselves, and which browser and CORS Lens version said so.
 */
import { nameIs } from '../cors';
import { type Explanation, fixLines, shortSummaryMarked } from '../explain';
import type { AnalysedExchange } from '../har';
import { curlScript } from './curl';
import { codeRows } from './markdown-codes';
import { cut, mdBlock, mdCell, mdCode, mdProse, mdText } from './markdown-text';
import type { Redactor } from './redact';
import type { HttpResponse, Reproduction, Step } from './request';
import { wireUrl } from './reproduce';

export interface ReportContext {
  /** "Chromium 156.0.8078.79", from the browser or the HAR; null when unknown. */
  readonly browser: string | null;
  /** "CORS Lens 0.1.0". */
  readonly tool: string;
}

const VERDICT = { blocked: 'Blocked', allowed: 'Allowed', 'not-cors': 'Not a CORS request', unknown: 'Unknown' } as const;

export function markdownReport(x: AnalysedExchange, e: Explanation, repro: Reproduction, redactor: Redactor | null, ctx: ReportContext): string {
  const t = (s: string) => (redactor ? redactor.text(s) : s);
  const ev = x.evaluation;
  const wire = wireUrl(x.url);
  const url = t(redactor ? redactor.url(wire) : wire);
  const out: string[] = [];
  out.push(`## ${VERDICT[ev.verdict]}: ${mdCode(`${x.method} ${url}`)}`, '');
  out.push(`${mdProse(t(shortSummaryMarked(x)))}${x.origin ? ` (page origin ${mdCode(x.origin)})` : ''}`, '');

  const facts: string[] = ['| | |', '| --- | --- |', `| Verdict | **${VERDICT[ev.verdict]}** (confidence: ${ev.confidence}) |`];
  if (ev.error) {
    facts.push(...codeRows(x, e, t));
    facts.push(`| Failing response | ${mdProse(t(e.where), 'cell')} |`);
  }
  if (e.header) facts.push(`| ${mdText(e.header)} received | ${e.received === null ? '*(missing)*' : mdCell(cut(t(e.received)))} |`);
  if (e.sendLine) facts.push(`| The server must send | ${mdCell(t(e.sendLine))} |`);
  out.push(...facts, '');

  out.push(mdProse(t(e.headline)), '');
  for (const d of e.details) out.push(mdProse(t(d)), '');
  if (e.preflightCause) out.push(mdProse(t(e.preflightCause)), '');
  for (const c of e.caveats) out.push(`> ${mdProse(t(c))}`, '');
  if (e.otherBrowser) out.push(mdProse(t(e.otherBrowser.sentence)), '');
  if (e.consoleMessage) out.push(`${e.consoleBrowser ?? 'Browser'} console:`, '', mdBlock(t(e.consoleMessage), 'text'), '');
  if (e.consoleDocs) out.push(`Firefox's page for it: <${e.consoleDocs}>`, '');

  if (e.fix) {
    const lines = fixLines(e.fix).map(t);
    if (lines.length > 0) out.push('### Fix', '', mdBlock(lines.join('\n'), 'http'), '');
  }
  if (e.warnings.length > 0) {
    out.push('### Warnings', '');
    for (const w of e.warnings) out.push(`- ${mdCode(w.code)}: ${mdProse(t(w.text))}`);
    out.push('');
  }

  out.push('### Requests and responses', '');
  for (const step of repro.steps) out.push(...stepSection(step, e), '');

  const curl = curlScript(repro, 'bash');
  out.push('### Reproduce with curl', '');
  if (curl.ok) out.push(mdBlock(curl.value, 'sh'), '');
  else out.push(`*Not reproducible as a command:* ${mdCode(curl.reason)}`, '');
  for (const n of repro.notes) out.push(`- ${mdText(n)}`);
  if (repro.notes.length > 0) out.push('');

  out.push('---', '');
  const footer = [ctx.browser ? `Captured in ${mdCode(ctx.browser)}` : 'Browser unknown', `diagnosed by ${mdText(ctx.tool)}`, redactor ? `secrets shown as ${mdCode('[REDACTED]')}` : '**not redacted**'];
  out.push(`<sub>${footer.join(' · ')}</sub>`);
  return `${out.join('\n')}\n`;
}

/** The step's name with its method in code: a method is captured text and may hold `_` or `*`. */
function stepTitle(step: Step): string {
  const what = step.kind === 'preflight' ? 'Preflight OPTIONS' : `Request ${mdCode(step.request.method)}`;
  const after = step.hop > 0 ? ` after redirect ${step.hop}` : '';
  const status = step.response ? ` → ${step.response.status}` : step.source === 'reconstructed' ? ' (rebuilt: not in the capture)' : ' (no response: not sent)';
  return `#### ${what}${after}: ${mdCode(step.request.url)}${status}${step.failed ? ' ⚠ failed the CORS check' : ''}`;
}

function stepSection(step: Step, e: Explanation): string[] {
  const lines = [stepTitle(step), '', '| Request header | Value |', '| --- | --- |'];
  for (const h of step.request.headers) lines.push(`| ${mdCell(h.name)} | ${mdCell(cut(h.value))} |`);
  if (step.request.headers.length === 0) lines.push('| *(none)* | |');
  if (step.request.body !== null) lines.push('', `Body (${step.request.body.length} characters): ${mdCode(cut(step.request.body, 500))}`);
  if (step.response) lines.push('', ...responseTable(step.response, step.failed ? e : null));
  return lines;
}

function responseTable(r: HttpResponse, failing: Explanation | null): string[] {
  const lines = ['| Response header | Value | |', '| --- | --- | --- |'];
  const marked = failing?.header ?? null;
  for (const h of r.headers) {
    const mark = marked !== null && nameIs(h.name, marked.toLowerCase()) ? '⚠ fails the check' : '';
    lines.push(`| ${mdCell(h.name)} | ${mdCell(cut(h.value))} | ${mark} |`);
  }
  if (marked !== null && failing?.received === null) lines.push(`| ${mdCell(marked)} | *(missing)* | ⚠ fails the check |`);
  if (r.headers.length === 0 && (marked === null || failing?.received !== null)) lines.push('| *(none)* | | |');
  return lines;
}
