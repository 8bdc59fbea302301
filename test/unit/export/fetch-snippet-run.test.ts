/**
 * The fetch() snippet, run. Each snippet is executed in a fresh JavaScript realm whose only global is a
 * recording fetch that validates its arguments as a browser's fetch() does (a ByteString for every header value,
 * no CR, LF or NUL, a token method that is not forbidden). The recorded call must be exactly the captured
 * request: its URL, method, the page's headers as bytes after fetch's trimming, and its body. A snippet that
 * cannot do that must not exist: the export is refused with one line instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { normaliseMethod } from '../../../src/cors';
import { exportExchange, wireUrl } from '../../../src/export';
import { type AnalysedExchange, analyseHarText } from '../../../src/har';
import { isToken } from '../../../src/http';
import { har } from '../../support/har-builder';

interface Call {
  readonly url: string;
  readonly method: string;
  readonly headers: readonly [string, string][];
  readonly body: string | null;
}

/** What fetch() accepts and sends, checked with the WHATWG Headers class and the method rules. */
function recordingFetch(calls: Call[]) {
  return (input: unknown, init: { method?: string; headers?: [string, string][]; body?: string } = {}) => {
    const method = init.method ?? 'GET';
    if (!isToken(method) || /^(connect|trace|track)$/i.test(method)) throw new TypeError(`fetch() refuses the method ${method}`);
    const headers = new Headers(init.headers ?? []); // throws on a non-ByteString, CR, LF or NUL, as fetch() does
    calls.push({ url: String(input), method: normaliseMethod(method), headers: [...headers.entries()], body: init.body ?? null });
    return Promise.resolve({ ok: false, status: 0 });
  };
}

const latin1OfUtf8 = (v: string): string => String.fromCharCode(...new TextEncoder().encode(v));

/** The request the capture shows the page made, in the form Headers reports it: names lower-case and sorted, repeats joined, values trimmed, as bytes. */
function expectedCall(x: AnalysedExchange): Call {
  const first = x.record.hops[0];
  if (!first) throw new Error('no request');
  const byName = new Map<string, string[]>();
  for (const h of x.record.authorHeaders) {
    const name = h.name.toLowerCase();
    byName.set(name, [...(byName.get(name) ?? []), latin1OfUtf8(h.value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, ''))]);
  }
  const body = x.bodies[0]?.text ?? null;
  return {
    url: wireUrl(first.url),
    method: normaliseMethod(first.method),
    headers: [...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([n, v]) => [n, v.join(', ')]),
    body: body === '' ? null : body,
  };
}

async function run(snippet: string): Promise<Call[]> {
  const calls: Call[] = [];
  // The realm has JavaScript's built-ins and `fetch`, nothing else: no Headers, no window, no require.
  await runInNewContext(`(async () => {\n${snippet}\n})()`, { fetch: recordingFetch(calls) });
  return calls;
}

/** Runs the exchange's snippet; returns 'refused' when the export said no, with its one-line reason checked. */
async function check(x: AnalysedExchange): Promise<'ran' | 'refused'> {
  const out = exportExchange(x, 'fetch', { redact: false });
  if (!out.ok) {
    expect(out.reason).not.toMatch(/\n/);
    return 'refused';
  }
  const calls = await run(out.value);
  expect(calls).toEqual([expectedCall(x)]);
  return 'ran';
}

function fixtureHars(): string[] {
  const out: string[] = [];
  for (const dir of ['test/fixtures/chromium', 'test/fixtures/chromium-under-load']) {
    for (const f of readdirSync(dir)) {
      if (!f.endsWith('.json')) continue;
      const fixture = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as { har?: unknown };
      if (fixture.har !== undefined) out.push(JSON.stringify(fixture.har));
    }
  }
  return out;
}

describe('fetch() snippets run and make exactly the captured request', () => {
  test('every exchange of the recorded Chromium captures', async () => {
    let ran = 0;
    for (const text of fixtureHars()) {
      for (const x of analyseHarText(text).exchanges) if (x.evaluation.verdict !== 'not-cors' && (await check(x)) === 'ran') ran++;
    }
    expect(ran).toBeGreaterThan(250);
  });

  const PIECES = ['é', '漢字', '😀', '\ud800', '"', "'", '\\', '`', '${x}', '</script>', '\u2028', '\u0001', '\u007f', '\u0085', '\u202e', ' ', '\t', 'a', '*/', '//'];
  const hostile = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((p) => p.join(''));
  const arb = fc.record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'patch', 'X-Custom'),
    headers: fc.array(fc.tuple(fc.constantFrom('X-A', 'X-B', 'Content-Type', 'Authorization', 'x-a'), hostile), { maxLength: 5 }),
    body: fc.option(hostile, { nil: null }),
    path: hostile,
  });

  test('300 hostile requests: non-ASCII values sent as their UTF-8 bytes, nothing the capture lacks', async () => {
    const counts = { ran: 0, refused: 0 };
    const cases = fc.sample(arb, { numRuns: 300, seed: 77 });
    for (const [i, c] of cases.entries()) {
      const url = `http://127.0.0.1:8002/f${i}/${encodeURIComponent(c.path.replace(/\ud800/g, ''))}`;
      const text = har([
        {
          method: c.method,
          url,
          start: 0,
          status: 0,
          requestHeaders: [['Origin', 'http://127.0.0.1:8001'], ...c.headers],
          error: 'net::ERR_FAILED',
          ...(c.body !== null && !/^(GET|HEAD)$/i.test(c.method) ? { body: { mimeType: 'text/plain', text: c.body } } : {}),
        },
      ]);
      for (const x of analyseHarText(text).exchanges) counts[await check(x)]++;
    }
    // A value with a raw control is still sendable by fetch() (only CR, LF and NUL are not): nearly all run.
    expect(counts.ran).toBeGreaterThan(280);
  });

  test('a value holding a line feed is refused in one line, never written into a snippet that would throw', async () => {
    const text = har([{ method: 'GET', url: 'http://127.0.0.1:8002/x', start: 0, status: 0, requestHeaders: [['Origin', 'http://127.0.0.1:8001'], ['X-A', 'a\nb']], error: 'net::ERR_FAILED' }]);
    const [x] = analyseHarText(text).exchanges;
    expect(x && (await check(x))).toBe('refused');
  });
});
