/**
 * Every export of every exchange Chrome produced in the recorded zoo (test/fixtures/chromium): what steps are
 * replayed, that the Markdown report's tables parse, that the fetch() snippet is valid JavaScript, and that an
 * exchange that cannot be replayed faithfully is refused with a reason instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lexer, marked, type Tokens } from 'marked';
import { describe, expect, test } from 'vitest';
import { EXPORT_FORMATS, exportExchange, reproduce } from '../../../src/export';
import { explain } from '../../../src/explain';
import { type AnalysedExchange, analyseHar, analyseHarText } from '../../../src/har';
import { har } from '../../support/har-builder';

const dir = join(import.meta.dirname, '../../fixtures/chromium');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'summary.json');
const all: { file: string; x: AnalysedExchange }[] = fixtures.flatMap((file) => {
  const fx = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { har: unknown };
  return analyseHar(fx.har).exchanges.map((x) => ({ file, x }));
});
const cors = all.filter(({ x }) => x.evaluation.verdict !== 'not-cors');

function tables(markdown: string): Tokens.Table[] {
  const out: Tokens.Table[] = [];
  Lexer.lex(markdown, { gfm: true }).forEach((t) => {
    if (t.type === 'table') out.push(t as Tokens.Table);
  });
  return out;
}

describe('on every recorded exchange', () => {
  test(`all ${all.length} exchanges export in every format without throwing; CORS ones as curl`, () => {
    expect(cors.length).toBeGreaterThan(150);
    const refusals = new Set<string>();
    for (const { file, x } of all) {
      for (const f of EXPORT_FORMATS) {
        const out = exportExchange(x, f);
        if (out.ok) expect(out.value.length, `${file} #${x.id} ${f}`).toBeGreaterThan(40);
        else refusals.add(`${f}: ${out.reason.replace(/"[^"]*"/g, '"…"').replace(/U\+[0-9A-F]+/, 'U+…')}`);
      }
    }
    // Every refusal in Chrome's own captures is one of the documented reasons: a navigation has no fetch(), a
    // preflight without its request, a non-http(s) URL, non-ASCII for a Windows shell, a CR or control for cmd.
    for (const r of refusals) expect(r, r).toMatch(/^fetch: the page navigated|^fetch: the request is not in the capture|only http and https|^curl-(cmd|powershell): .*non-ASCII|^curl-cmd: .*(carriage return|control character|8191)/);
    for (const { file, x } of cors) expect(exportExchange(x, 'curl').ok, `${file} #${x.id} ${x.url}`).toBe(true);
  });

  test('a blocked preflight gives its OPTIONS command and the request the server must then accept', () => {
    const blocked = cors.filter(({ x }) => x.evaluation.error?.stage === 'preflight' && x.evaluation.error.hop === 0 && !x.requestMissing);
    expect(blocked.length).toBeGreaterThan(20);
    for (const { x } of blocked) {
      const r = reproduce(x);
      expect(r.steps.map((s) => `${s.kind}${s.failed ? '!' : ''}`)).toEqual(['preflight!', 'request']);
      // Chrome never sent the request: its headers are the page's, and Origin is added as Chrome would.
      expect(r.steps[1]?.source).toBe('page-set');
      expect(r.steps[1]?.request.headers.find((h) => h.name === 'Origin')?.value).toBe(x.origin);
    }
  });

  test('a preflight answered from Chrome\'s cache is rebuilt from the request it guarded', () => {
    const cached = cors.filter(({ x }) => x.evaluation.hops[0]?.preflight === 'cache');
    expect(cached.length).toBeGreaterThan(0);
    for (const { x } of cached) {
      const pf = reproduce(x).steps[0];
      expect(pf?.source).toBe('reconstructed');
      expect(pf?.request.method).toBe('OPTIONS');
      expect(pf?.request.headers.map((h) => h.name)).toContain('Access-Control-Request-Method');
    }
  });

  test('the Markdown report parses: the facts table, a table per request and response, the failing header marked', () => {
    for (const { file, x } of cors.filter(({ x }) => x.evaluation.verdict === 'blocked')) {
      const out = exportExchange(x, 'markdown', { context: { browser: 'Chromium 156.0.8078.79', tool: 'CORS Lens 0.1.0' } });
      if (!out.ok) throw new Error(out.reason);
      const found = tables(out.value);
      const facts = found[0];
      // A blocked request with no response in the capture (a worker's) has no code to name.
      expect(facts?.rows.some((r) => r[0]?.text === 'Chrome error'), `${file} #${x.id}`).toBe(x.evaluation.error !== null);
      const steps = reproduce(x).steps;
      const requestTables = found.filter((t) => t.header[0]?.text === 'Request header');
      expect(requestTables).toHaveLength(steps.length);
      for (const t of found) for (const row of t.rows) expect(row).toHaveLength(t.header.length);
      const failing = steps.find((s) => s.failed);
      if (failing?.response && explain(x).header !== null) {
        expect(out.value, `${file} #${x.id} marks the offending header`).toContain('⚠ fails the check');
      }
      expect(out.value).toContain('Chromium 156.0.8078.79');
      expect(out.value).toMatch(/```sh\n/);
    }
  });

  test('the fetch() snippet is JavaScript that parses', () => {
    for (const { file, x } of cors) {
      const out = exportExchange(x, 'fetch');
      if (!out.ok) continue;
      expect(() => new Function(`return (async () => { ${out.value} })`), `${file} #${x.id}`).not.toThrow();
      expect(out.value).toContain(`method: ${JSON.stringify(x.method)}`);
    }
  });
});

describe('hostile values in the report', () => {
  const hostile = '`|<script>alert(1)</script>| **x** [a](javascript:alert(1)) \u202e\n| b |';
  const x = analyseHarText(
    har([
      {
        method: 'PUT',
        url: 'http://127.0.0.1:8002/api',
        start: 0,
        requestHeaders: [['Origin', 'http://127.0.0.1:8001'], ['Access-Control-Request-Method', 'PUT'], ['Access-Control-Request-Headers', 'x-a'], ['Host', '127.0.0.1:8002']],
        responseHeaders: [['Access-Control-Allow-Origin', 'http://127.0.0.1:8001'], ['Access-Control-Allow-Headers', hostile.replace('\n', ' ')], ['X-Evil', hostile.replace('\n', ' ')]],
        status: 204,
        preflight: true,
      },
      { method: 'PUT', url: 'http://127.0.0.1:8002/api', start: 1, status: 0, error: 'net::ERR_FAILED', requestHeaders: [['X-A', '1']] },
    ]),
  ).exchanges[0] as AnalysedExchange;

  test('no HTML, no extra rows or cells, no link: the values stay inside code spans', () => {
    const out = exportExchange(x, 'markdown');
    if (!out.ok) throw new Error(out.reason);
    const html = marked.parse(out.value, { async: false, gfm: true });
    const tags = new Set([...html.matchAll(/<([a-z0-9]+)[\s>]/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['blockquote', 'code', 'h2', 'h3', 'h4', 'hr', 'li', 'p', 'pre', 'strong', 'sub', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul'].filter((t) => tags.has(t)));
    expect(tags.has('script') || tags.has('a') || tags.has('em')).toBe(false);
    for (const t of tables(out.value)) for (const row of t.rows) expect(row).toHaveLength(t.header.length);
    expect(out.value).not.toContain('\u202e');
    expect(out.value).toContain('⚠ fails the check');
  });
});

describe('refusals', () => {
  test('a raw newline in a header: every command format refuses, naming the header; the report still renders', () => {
    const x = analyseHarText(har([{ url: 'http://127.0.0.1:8002/api', start: 0, requestHeaders: [['Host', '127.0.0.1:8002'], ['Origin', 'http://127.0.0.1:8001'], ['X-Bad', 'a\nb']] }])).exchanges[0] as AnalysedExchange;
    for (const f of ['curl', 'curl-cmd', 'curl-powershell'] as const) {
      const out = exportExchange(x, f);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.reason).toBe('cannot be replayed faithfully: the value of "X-Bad" holds a line feed (LF), which no HTTP header can carry; sending it would split the header in two');
    }
    const md = exportExchange(x, 'markdown');
    expect(md.ok && md.value).toContain('Not reproducible as a command');
  });

  test('a preflight whose request is missing: curl replays the preflight, fetch() refuses', () => {
    const x = analyseHarText(har([{ url: 'http://127.0.0.1:8002/api', start: 0, preflight: true, status: 204, requestHeaders: [['Origin', 'http://127.0.0.1:8001'], ['Access-Control-Request-Method', 'PUT'], ['Host', '127.0.0.1:8002']] }])).exchanges[0] as AnalysedExchange;
    expect(x.requestMissing).toBe(true);
    const curl = exportExchange(x, 'curl');
    expect(curl.ok && curl.value).toContain('-X OPTIONS');
    expect(curl.ok && curl.notes.join(' ')).toContain('not in the capture');
    const fetch = exportExchange(x, 'fetch');
    expect(fetch.ok).toBe(false);
  });

  test('a non-http URL is refused', () => {
    const x = analyseHarText(har([{ url: 'data:text/plain,hi', start: 0 }])).exchanges[0] as AnalysedExchange;
    const out = exportExchange(x, 'curl');
    expect(!out.ok && out.reason).toMatch(/only http and https/);
  });
});
