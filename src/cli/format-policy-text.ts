/**
 * `policy` for a terminal: per target, the pass count first (the proof is what makes the lines worth pasting),
 * then the lists, the header lines of each response, the notes that say where they go, and what cannot pass.
 * Origins, methods and header names came from the capture: every one goes through `printable`.
 */
import type { Header } from '../cors';
import { type AnalysedExchange, exchangeById } from '../har';
import type { CannotPass, PassCount, PolicyPart } from '../policy';
import { push } from '../policy/uses';
import type { PolicyDocument, PolicyWithSnippets } from './policy-command';
import { type Paint, printable } from './terminal';

const list = (xs: readonly string[], none: string) => (xs.length === 0 ? none : xs.map(printable).join(', '));

export function passSentence(pass: PassCount, scope: string): string {
  if (pass.total === 1) return `With ${scope}, the one captured CORS request ${pass.passing === 1 ? 'passes' : 'does not pass'}.`;
  return `With ${scope}: ${pass.passing} of ${pass.total} captured CORS requests pass.`;
}

export function formatPolicyText(doc: PolicyDocument, exchanges: readonly AnalysedExchange[], paint: Paint, stackChosen: boolean): string {
  const out: string[] = [];
  if (doc.policies.length === 0) out.push('No cross-origin CORS request in this capture: the server needs no CORS policy for it.', '');
  for (const p of doc.policies) out.push(...policyBlock(p, paint, stackChosen), '');
  if (doc.cannotPass.length > 0) out.push(...cannotPassBlock(doc.cannotPass, exchanges, paint), '');
  const summary = passSentence(doc.pass, doc.policies.length === 1 ? 'this policy' : 'these policies');
  out.push(doc.pass.passing === doc.pass.total ? paint.green(summary) : paint.yellow(summary));
  if (!stackChosen && doc.policies.length > 0) out.push(paint.dim('For one stack\'s configuration: --stack express|nginx|apache|flask|django|spring|go'));
  return `${out.join('\n')}\n`;
}

function policyBlock(p: PolicyWithSnippets, paint: Paint, stackChosen: boolean): string[] {
  const out = [paint.bold(`Server policy for ${printable(p.target)}`), `  ${passSentence(p.pass, 'this policy')}`];
  if (p.parts.length > 0) {
    out.push(`  Its paths need different privileges, so it is split by path (use this where your server can vary CORS by path):`);
    for (const part of p.parts) out.push('', `  ${paint.bold(`Paths under ${part.paths.map(printable).join(', ')}`)}`, ...partLines(part, '    '));
    out.push('', `  ${paint.bold('Or one configuration for every path')} (where your server cannot vary CORS by path; it allows everywhere what any path needed):`);
  }
  out.push(...partLines(p, p.parts.length > 0 ? '    ' : '  '));
  out.push('', '  Notes:', ...p.notes.map((n) => `  - ${n.text}`));
  for (const s of p.snippets) if (stackChosen) out.push('', paint.bold(`  ${s.label}:`), ...indent(s.code, '    '));
  for (const s of p.outside) out.push('', paint.bold(`  ${s.label}: this target is an API Gateway endpoint, where CORS is usually set outside the app.`), ...indent(s.code, '    '));
  return out;
}

function partLines(p: PolicyPart, at: string): string[] {
  const out = [
    `${at}Origins      ${list(p.origins, '(none)')}   exactly these, never * or an echo of any Origin`,
    `${at}Methods      ${list(p.methods, '(none beyond GET, HEAD and POST)')}`,
    `${at}Headers      ${list(p.requestHeaders, '(none beyond the safelisted ones)')}`,
    `${at}Credentials  ${p.credentials ? 'yes: requests sent cookies or HTTP authentication' : 'no: no request here sent cookies or HTTP authentication'}`,
  ];
  if (p.maxAge !== null) out.push(`${at}Max-Age      ${p.maxAge} s (${p.maxAgeCaps.map((c) => `${c.browser} caps it at ${c.seconds} s`).join(', ')})`);
  if (p.exposeCandidates.length > 0) out.push(`${at}Expose?      ${list(p.exposeCandidates, '')}   (list only those the page reads: the capture cannot show which)`);
  if (p.preflightStatus !== null) out.push('', `${at}Preflight (OPTIONS) answer: status ${p.preflightStatus}, before any authentication or redirect:`, ...headerLines(p.preflightResponse, `${at}  `));
  out.push('', `${at}Every other response, 2xx, 3xx, 4xx and 5xx alike:`, ...headerLines(p.actualResponse, `${at}  `));
  if (p.cannotPass.length > 0) out.push('', `${at}Cannot pass here: exchange${p.cannotPass.length === 1 ? '' : 's'} ${ids(p.cannotPass)} (below).`);
  return out;
}

function headerLines(lines: readonly Header[], at: string): string[] {
  return lines.map((h) => `${at}${printable(h.name)}: ${printable(h.value)}`);
}

function indent(code: string, at: string): string[] {
  return code.split('\n').map((l) => (l === '' ? '' : `${at}${printable(l)}`));
}

function ids(cs: readonly CannotPass[]): string {
  const shown = cs.slice(0, 20).map((c) => c.exchange).join(', ');
  return cs.length > 20 ? `${shown}, …` : shown;
}

/** One block per reason: 300 requests stopped by the same network error are one problem. */
function cannotPassBlock(cs: readonly CannotPass[], exchanges: readonly AnalysedExchange[], paint: Paint): string[] {
  const byKind = new Map<string, CannotPass[]>();
  for (const c of cs) push(byKind, c.kind, c);
  const out = [paint.yellow(`${cs.length} captured CORS request${cs.length === 1 ? '' : 's'} cannot pass under any least-privilege policy:`)];
  for (const group of byKind.values()) {
    const first = group[0] as CannotPass;
    out.push('', `  ${paint.bold(first.class === 'impossible' ? 'No CORS header can fix this' : 'The capture cannot prove it')}: ${first.reason}`);
    for (const c of group.slice(0, 3)) {
      const x = exchangeById(exchanges, c.exchange);
      out.push(`    exchange ${c.exchange}${x ? `  ${printable(x.method)} ${printable(x.url)}` : ''}`);
    }
    if (group.length > 3) out.push(`    + ${group.length - 3} more (exchanges ${ids(group.slice(3))})`);
  }
  return out;
}
