/**
 * Chrome's console line, checked against what Chromium 156 printed for the same cases
 * (test/fixtures/samples/cdp-console-log-entries.json, with the codes from cdp-loadingFailed-by-case.json).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CorsErrorCode } from '../../src/cors';
import { chromeConsoleMessage, explain } from '../../src/explain';
import { analyseHarText } from '../../src/har';

const SAMPLES = new URL('../fixtures/samples/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, SAMPLES), 'utf8');

interface ConsoleEntry { source: string; text: string }
interface LoadingFailed { url: string; corsErrorStatus?: { corsError: string; failedParameter: string } }

const consoleTexts = (JSON.parse(read('cdp-console-log-entries.json')) as ConsoleEntry[])
  .filter((e) => e.source === 'javascript' && e.text.startsWith('Access to '))
  .map((e) => e.text);
const failures = (JSON.parse(read('cdp-loadingFailed-by-case.json')) as LoadingFailed[]).filter((f) => f.corsErrorStatus);

/** The line Chrome printed for a URL (the URL of the request that failed, after redirects). */
function printedFor(url: string): string {
  const found = consoleTexts.filter((t) => t.includes(`at '${url}'`));
  if (found.length !== 1) throw new Error(`expected one console line for ${url}, found ${found.length}`);
  return found[0] as string;
}

/** Where the two redirect cases started: the console names them in "(redirected from ...)". */
const REDIRECTED_FROM: Record<string, string> = {
  'http://127.0.0.1:8003/t-none': 'http://127.0.0.1:8002/c7b-redir-target-noacao?case=c7b',
  'http://127.0.0.1:8003/t-page-origin': 'http://127.0.0.1:8002/c7d-redir-target-echo?case=c7d',
};

describe('chromeConsoleMessage reproduces what Chrome 156 printed', () => {
  it('has a sample for most codes it can check', () => {
    expect(new Set(failures.map((f) => f.corsErrorStatus?.corsError)).size).toBeGreaterThanOrEqual(10);
  });
  for (const f of failures) {
    const status = f.corsErrorStatus as { corsError: string; failedParameter: string };
    it(`${status.corsError} at ${f.url}`, () => {
      const from = REDIRECTED_FROM[f.url];
      const message = chromeConsoleMessage({
        code: status.corsError as CorsErrorCode,
        failedParameter: status.failedParameter,
        url: f.url,
        ...(from ? { redirectedFrom: from } : {}),
        origin: 'http://127.0.0.1:8001',
      });
      expect(message).toBe(printedFor(f.url));
    });
  }
});

describe('chromeConsoleMessage: rules the samples do not show (Blink cors_error_string.cc)', () => {
  const base = { url: 'https://api.example/x', origin: 'https://app.example' } as const;
  it.each([
    ['MethodDisallowedByPreflightResponse', 'patch', "Method patch is not allowed by Access-Control-Allow-Methods in preflight response."],
    ['PreflightAllowOriginMismatch', 'https://app.example/', "Response to preflight request doesn't pass access control check: The 'Access-Control-Allow-Origin' header has a value 'https://app.example/' that is not equal to the supplied origin. Have the server send the header with a valid value."],
    ['InvalidAllowOriginValue', '', "The 'Access-Control-Allow-Origin' header contains the invalid value ''. Have the server send the header with a valid value."],
    ['InvalidAllowHeadersPreflightResponse', '', 'Cannot parse Access-Control-Allow-Headers response header field in preflight response.'],
    ['DisallowedByMode', '', 'Cross origin requests are not allowed by request mode.'],
  ] as const)('%s', (code, failedParameter, tail) => {
    expect(chromeConsoleMessage({ ...base, code, failedParameter })).toBe(
      `Access to fetch at 'https://api.example/x' from origin 'https://app.example' has been blocked by CORS policy: ${tail}`,
    );
  });

  it('names XMLHttpRequest, adds the withCredentials hint for XHR only, and drops the fetch-only sentence', () => {
    const xhr = chromeConsoleMessage({ ...base, code: 'WildcardOriginNotAllowed', failedParameter: '', resourceKind: 'XMLHttpRequest' });
    expect(xhr).toMatch(/^Access to XMLHttpRequest at /);
    expect(xhr).toMatch(/ The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute\.$/);
    const fetchMsg = chromeConsoleMessage({ ...base, code: 'WildcardOriginNotAllowed', failedParameter: '' });
    expect(fetchMsg).not.toContain('withCredentials');
    const xhrMismatch = chromeConsoleMessage({ ...base, code: 'AllowOriginMismatch', failedParameter: 'x', resourceKind: 'XMLHttpRequest' });
    expect(xhrMismatch).not.toContain('Have the server send');
  });

  it('keeps a failedParameter holding replacement patterns verbatim', () => {
    expect(chromeConsoleMessage({ ...base, code: 'AllowOriginMismatch', failedParameter: "$&$'$`" })).toContain("has a value '$&$'$`' that");
  });

  it('omits "(redirected from ...)" when the URL did not change', () => {
    expect(chromeConsoleMessage({ ...base, redirectedFrom: base.url, code: 'MissingAllowOriginHeader', failedParameter: '' })).not.toContain('redirected');
  });
});

describe('explain() on real captures prints the console line Chrome printed', () => {
  const hars = readdirSync(SAMPLES).filter((f) => f.startsWith('har-'));
  for (const file of hars) {
    it(file, () => {
      const blocked = analyseHarText(read(file)).exchanges.filter((x) => x.evaluation.verdict === 'blocked');
      for (const x of blocked) {
        const e = explain(x);
        const error = x.evaluation.error;
        if (!error) throw new Error('blocked without an error');
        const url = x.record.hops[error.hop]?.url ?? x.url;
        expect(e.consoleMessage).toBe(printedFor(url));
      }
    });
  }
  it('covers every blocked sample capture', () => {
    const n = hars.flatMap((f) => analyseHarText(read(f)).exchanges).filter((x) => x.evaluation.verdict === 'blocked').length;
    expect(n).toBeGreaterThanOrEqual(6);
  });
});
