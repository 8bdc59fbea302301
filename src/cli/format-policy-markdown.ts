/**
 * `policy --format markdown`: the policy for a pull request or an issue. Captured values (origins, methods,
 * header names, URLs) go in code spans or fenced blocks through the one escaper; prose is CORS Lens's own words.
 */
import { headerText } from '../cors';
import type { Stack } from '../explain/snippets';
import { mdBlock, mdCell, mdCode, mdText } from '../export/markdown-text';
import { type AnalysedExchange, exchangeById } from '../har';
import type { PolicyPart } from '../policy';
import { passSentence } from './format-policy-text';
import type { PolicyDocument, PolicyWithSnippets } from './policy-command';

/** The info string of each stack's fenced block, for highlighting. */
const LANGUAGE: Readonly<Record<Stack | 'aws-api-gateway' | 'aws-lambda', string>> = {
  express: 'js',
  nginx: 'nginx',
  apache: 'apache',
  flask: 'python',
  django: 'python',
  spring: 'java',
  go: 'go',
  'aws-api-gateway': 'yaml',
  'aws-lambda': 'js',
};

const cells = (xs: readonly string[], none: string) => (xs.length === 0 ? mdText(none) : xs.map(mdCell).join(', '));

export function formatPolicyMarkdown(doc: PolicyDocument, exchanges: readonly AnalysedExchange[]): string {
  const out = ['# CORS Lens server policy', '', `**${mdText(passSentence(doc.pass, doc.policies.length === 1 ? 'this policy' : 'these policies'))}**`, ''];
  if (doc.policies.length === 0) out.push(mdText('No cross-origin CORS request in this capture: the server needs no CORS policy for it.'), '');
  for (const p of doc.policies) out.push(...policySection(p, doc.policies.length > 1));
  if (doc.cannotPass.length > 0) {
    out.push('## Requests no least-privilege policy can pass', '', '| # | Request | Why |', '| ---: | --- | --- |');
    for (const c of doc.cannotPass) {
      const x = exchangeById(exchanges, c.exchange);
      out.push(`| ${c.exchange} | ${x ? mdCell(`${x.method} ${x.url}`) : ''} | ${mdText(c.reason)} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function policySection(p: PolicyWithSnippets, several: boolean): string[] {
  // With one policy the document's own sentence is this one's.
  const out = [`## ${mdCode(p.target)}`, '', ...(several ? [mdText(passSentence(p.pass, 'this policy')), ''] : [])];
  if (p.parts.length > 0) {
    out.push(mdText('Its paths need different privileges, so the policy is split by path. Use the parts where your server can vary CORS by path; otherwise the one configuration after them.'), '');
    for (const part of p.parts) out.push(`### Paths under ${part.paths.map(mdCode).join(', ')}`, '', ...partSection(part));
    out.push('### One configuration for every path', '');
  }
  out.push(...partSection(p), '#### Notes', '', ...p.notes.map((n) => `- ${mdText(n.text)}`), '');
  for (const s of p.snippets) out.push(`#### ${mdText(s.label)}`, '', mdBlock(s.code, LANGUAGE[s.stack]), '');
  for (const s of p.outside) out.push(`#### ${mdText(s.label)}`, '', mdText('The target is an API Gateway endpoint, where CORS is usually configured outside the app.'), '', mdBlock(s.code, LANGUAGE[s.place]), '');
  return out;
}

function partSection(p: PolicyPart): string[] {
  const out = [
    '| | |',
    '| --- | --- |',
    `| Origins | ${cells(p.origins, '(none)')} |`,
    `| Methods | ${cells(p.methods, '(none beyond GET, HEAD and POST)')} |`,
    `| Request headers | ${cells(p.requestHeaders, '(none beyond the safelisted ones)')} |`,
    `| Credentials | ${p.credentials ? 'yes' : 'no'} |`,
  ];
  if (p.maxAge !== null) out.push(`| Max-Age | ${p.maxAge} s (${mdText(p.maxAgeCaps.map((c) => `${c.browser} caps it at ${c.seconds} s`).join(', '))}) |`);
  if (p.exposeCandidates.length > 0) out.push(`| Expose candidates | ${cells(p.exposeCandidates, '')} ${mdText('(the capture cannot show which the page reads)')} |`);
  out.push('');
  if (p.preflightStatus !== null) out.push(mdText(`Preflight (OPTIONS) answer, status ${p.preflightStatus}, before any authentication or redirect:`), '', mdBlock(headerText(p.preflightResponse), 'http'), '');
  out.push(mdText('Every other response, 2xx, 3xx, 4xx and 5xx alike:'), '', mdBlock(headerText(p.actualResponse), 'http'), '');
  return out;
}
