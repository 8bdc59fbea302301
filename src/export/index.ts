/**
 * Exports of one exchange for a bug report, shared by the panel and the command line. Pure string builders:
 * no DOM, no chrome.*, no Node. Redaction is on unless the caller switches it off for this one export.
 */
import { explainMarked } from '../explain';
import type { AnalysedExchange } from '../har';
import { type CurlFlavour, curlScript } from './curl';
import { fetchSnippet } from './fetch-snippet';
import { markdownReport, type ReportContext } from './markdown-report';
import { primeRedactor, REDACTED, Redactor, redactReproduction } from './redact';
import { ok, type Outcome } from './request';
import { reproduce } from './reproduce';

export type ExportFormat = 'curl' | 'curl-cmd' | 'curl-powershell' | 'fetch' | 'markdown';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['curl', 'curl-cmd', 'curl-powershell', 'fetch', 'markdown'];

const FLAVOUR: Readonly<Record<'curl' | 'curl-cmd' | 'curl-powershell', CurlFlavour>> = { curl: 'bash', 'curl-cmd': 'cmd', 'curl-powershell': 'powershell' };

export interface ExportOptions {
  /** Replace secrets with a placeholder. Default true. */
  readonly redact?: boolean;
  readonly context?: ReportContext;
}

const REDACTION_NOTE = `Secrets are shown as ${REDACTED}; export with redaction off to replay the request as captured.`;

export function exportExchange(x: AnalysedExchange, format: ExportFormat, options: ExportOptions = {}): Outcome<string> {
  const redactor = options.redact === false ? null : primeRedactor(new Redactor(), x.record, x.bodies);
  if (format === 'fetch') return withNote(fetchSnippet(x, redactor), redactor);
  const raw = reproduce(x);
  const repro = redactor ? redactReproduction(raw, redactor).reproduction : raw;
  if (format === 'markdown') {
    const context = options.context ?? { browser: null, tool: 'CORS Lens' };
    // The marked explanation: the report must know which words in its sentences were captured.
    return ok(markdownReport(x, explainMarked(x), repro, redactor, context), repro.notes);
  }
  // Said only when the commands do hold a placeholder, so a reader knows why a command fails as pasted.
  const redacted = redactor !== null && repro.steps.some((s) => JSON.stringify(s.request).includes(REDACTED));
  return curlScript({ ...repro, notes: redacted ? [REDACTION_NOTE, ...repro.notes] : repro.notes }, FLAVOUR[format]);
}

/** The snippet's notes as comments above it, so they travel with the paste. */
function withNote(out: Outcome<string>, redactor: Redactor | null): Outcome<string> {
  if (!out.ok) return out;
  const notes = redactor !== null && out.value.includes(REDACTED) ? [REDACTION_NOTE, ...out.notes] : out.notes;
  return ok(`${notes.map((n) => `// ${n}\n`).join('')}${out.value}`, notes);
}

export { curlArgs, curlScript, SHELLS } from './curl';
export { type CurlFlavour, FLAVOUR_LABEL } from './flavours';
export { fetchSnippet } from './fetch-snippet';
export { markdownReport, type ReportContext } from './markdown-report';
export { mdBlock, mdCell, mdCode, mdProse, mdText } from './markdown-text';
export { isSecretHeader, primeRedactor, REDACTED, Redactor, redactReproduction } from './redact';
export { isTransportHeader as isTransportHeaderName, reproduce, wireUrl } from './reproduce';
export type { HttpRequest, HttpResponse, Outcome, Reproduction, Step } from './request';
export { unsendable } from './sendable';
export { cardData, type CardData, type CardHeader } from './card';
