/**
 * The hand-picked captures from design.md's samples (Chromium 156, including the only HTTP/2 capture) against
 * what Chromium itself reported for the same run (cdp-loadingFailed-by-case.json).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyseHarText } from '../../src/har';

const dir = join(import.meta.dirname, '../fixtures/samples');
const chrome = JSON.parse(readFileSync(join(dir, 'cdp-loadingFailed-by-case.json'), 'utf8')) as { url: string; corsErrorStatus?: { corsError: string; failedParameter: string } }[];
const failedByUrl = new Map(chrome.filter((c) => c.corsErrorStatus).map((c) => [c.url, c.corsErrorStatus]));
const hars = readdirSync(dir).filter((f) => f.startsWith('har-'));

describe('sample captures agree with what Chromium reported', () => {
  test.each(hars)('%s', (file) => {
    const analysis = analyseHarText(readFileSync(join(dir, file), 'utf8'));
    expect(analysis.exchanges.length).toBeGreaterThan(0);
    for (const x of analysis.exchanges) {
      // Chrome reports a redirected request's failure under its final URL.
      const finalUrl = x.record.hops[x.record.hops.length - 1]?.url ?? x.url;
      const expected = failedByUrl.get(finalUrl);
      if (expected) {
        expect(x.evaluation.verdict).toBe('blocked');
        expect(x.evaluation.error).toMatchObject({ code: expected.corsError, failedParameter: expected.failedParameter });
      } else {
        expect(x.evaluation.verdict).toBe('allowed');
      }
    }
  });

  test('HTTP/2: lower-case names and pseudo-headers neither break pairing nor cause a preflight', () => {
    const [get, put] = analyseHarText(readFileSync(join(dir, 'har-h-http2-entries.json'), 'utf8')).exchanges;
    expect(get?.evaluation.error?.code).toBe('MissingAllowOriginHeader');
    expect(put?.preflightEntries).toEqual([1]);
    // `priority: u=1, i` is added by the network stack on HTTP/2; it is not a reason for the preflight.
    expect(put?.evaluation.preflightReasons.map((r) => (r.kind === 'header' ? r.name : r.method))).toEqual(['PUT', 'content-type']);
  });
});
