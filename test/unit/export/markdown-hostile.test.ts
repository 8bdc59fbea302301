/**
 * Hostile captures through every Markdown the project writes (the export report and `check --format
 * markdown`), rendered as the trackers and chats it is pasted into render it. Every captured value carries the
 * canary "qzx"; wherever the canary shows up outside code, captured text became prose, and wherever an element
 * the report does not write appears, captured text became markup.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatMarkdown } from '../../../src/cli/format-markdown';
import { buildReport } from '../../../src/cli/report';
import { exportExchange } from '../../../src/export';
import { analyseHarText } from '../../../src/har';
import { har } from '../../support/har-builder';
import { inspect, render, RENDERERS } from '../../support/markdown-render';

const CANARY = 'qzx';
const CASES = 300;

/** Elements the report itself writes; anything else was made from captured text. */
const OWN_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'pre', 'blockquote', 'ul', 'li', 'strong', 'em', 'hr', 'sub']);

const PIECES = [
  'a\\|<img src=x onerror=alert(1)>',
  '\\|',
  '|',
  '\\',
  '`',
  '```',
  '//evil.example/x',
  'http://evil.example',
  'www.evil.example',
  'x@evil.example',
  '<svg onload=alert(1)>',
  '<iframe src=javascript:alert(1)>',
  '<details open>',
  '<textarea>',
  '<!--',
  '-->',
  '<http://evil.example>',
  '[a](javascript:alert(1))',
  '![i](http://evil.example/i.png)',
  '*',
  '**',
  '_',
  '__',
  '~~',
  '#',
  '> ',
  '&lt;',
  '&#124;',
  '$(id)',
  '\u202e',
  '\u001b[31m',
  ' ',
  'é',
];
const TCHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyz".split('');

const hostile = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((p) => `${CANARY}${p.join('')}${CANARY}`);
const token = fc.array(fc.constantFrom(...TCHARS), { minLength: 1, maxLength: 6 }).map((p) => `${CANARY}${p.join('')}`);

const caseArb = fc.record({
  method: fc.oneof(fc.constant('PUT'), token.map((t) => `X-__${t}__-`), token),
  path: hostile,
  query: hostile,
  requestHeader: fc.tuple(token, hostile),
  acao: fc.oneof(hostile, fc.constant('http://127.0.0.1:8001')),
  acah: fc.oneof(hostile, token),
  acac: fc.oneof(hostile, fc.constant('true')),
  vary: hostile,
  failAtPreflight: fc.boolean(),
  cookie: fc.boolean(),
});

type Case = typeof caseArb extends fc.Arbitrary<infer C> ? C : never;

function capture(c: Case, i: number): string {
  const url = `http://127.0.0.1:8002/c${i}/${encodeURIComponent(c.path)}?q=${encodeURIComponent(c.query)}`;
  const origin: [string, string] = ['Origin', 'http://127.0.0.1:8001'];
  const page = [origin, ['Sec-Fetch-Mode', 'cors'], c.requestHeader, ...(c.cookie ? [['Cookie', `a=${CANARY}`] as [string, string]] : [])] as [string, string][];
  return har([
    {
      method: 'OPTIONS',
      url,
      start: 0,
      preflight: true,
      status: 204,
      requestHeaders: [origin, ['Access-Control-Request-Method', c.method], ['Access-Control-Request-Headers', c.requestHeader[0]]],
      responseHeaders: [
        ['Access-Control-Allow-Origin', c.failAtPreflight ? c.acao : 'http://127.0.0.1:8001'],
        ['Access-Control-Allow-Methods', c.method],
        ['Access-Control-Allow-Headers', c.acah],
        ['Vary', c.vary],
      ],
    },
    {
      method: c.method,
      url,
      start: 20,
      status: c.failAtPreflight ? 0 : 500,
      requestHeaders: page,
      responseHeaders: c.failAtPreflight ? [] : [['Access-Control-Allow-Origin', c.acao], ['Access-Control-Allow-Credentials', c.acac], ['X-Error', c.vary]],
      error: 'net::ERR_FAILED',
      body: { mimeType: 'text/plain', text: c.query },
    },
  ]);
}

function check(markdown: string, where: string): void {
  for (const renderer of RENDERERS) {
    const r = inspect(render(markdown, renderer));
    const at = `${where} (${renderer})`;
    expect(r.outsideCode.includes(CANARY), `${at}: captured text outside code`).toBe(false);
    expect(r.inMarkup.includes(CANARY), `${at}: emphasis or a link made of captured text`).toBe(false);
    expect(r.tags.filter((t) => !OWN_TAGS.has(t)), at).toEqual([]);
    for (const shape of r.tableShapes) expect(new Set(shape).size, `${at}: a table row lost or gained cells`).toBe(1);
  }
}

describe(`${CASES} hostile captures through the Markdown exports`, () => {
  const cases = fc.sample(caseArb, { numRuns: CASES, seed: 2026 });

  test('export --as markdown: captured text only in code, no element from it, tables keep their shape', () => {
    let blocked = 0;
    cases.forEach((c, i) => {
      const analysis = analyseHarText(capture(c, i));
      for (const x of analysis.exchanges) {
        if (x.evaluation.verdict === 'blocked') blocked++;
        for (const redact of [false, true]) {
          const out = exportExchange(x, 'markdown', { redact, context: { browser: `Chrome ${CANARY}<b>*x*</b>`, tool: 'CORS Lens test' } });
          expect(out.ok).toBe(true);
          if (out.ok) check(out.value, `case ${i} exchange ${x.id} redact=${redact}`);
        }
      }
    });
    // The cases must reach the blocked explanations, where captured text meets the most prose.
    expect(blocked).toBeGreaterThan(CASES * 0.8);
  });

  test('check --format markdown: the same', () => {
    cases.forEach((c, i) => check(formatMarkdown(buildReport(analyseHarText(capture(c, i)))), `case ${i}`));
  });
});
