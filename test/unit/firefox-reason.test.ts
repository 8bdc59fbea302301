/**
 * The Firefox reason key CORS Lens names for a failure is the one Firefox itself gives: scored on the zoo
 * recorded in Firefox ESR 153 (test/fixtures/firefox), the engine reading Firefox's own HAR, Firefox's console
 * verdict as the truth. Blocked-or-not must agree too, or be said with less than confidence.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { explain, firefoxReason } from '../../src/explain';
import { analyseHar } from '../../src/har';
import { rowOf } from '../../panel/rows';

interface FirefoxVerdict {
  readonly url: string;
  readonly method: string;
  readonly caseId: string;
  readonly blocked: boolean;
  readonly reason: string | null;
}

const files = readdirSync('test/fixtures/firefox').filter((f) => f.endsWith('.json') && f !== 'summary.json');
let named = 0;

describe('Firefox verdicts on Firefox captures', () => {
  test.each(files)('%s: blocked as Firefox blocked, never a confident wrong verdict, and Firefox\'s own reason key', (file) => {
    const fixture = JSON.parse(readFileSync(`test/fixtures/firefox/${file}`, 'utf8')) as { har: unknown; firefox: FirefoxVerdict[] };
    const exchanges = analyseHar(fixture.har).exchanges;
    const wrong: string[] = [];
    let keys = 0;
    for (const r of fixture.firefox) {
      const mine = exchanges.filter((x) => x.url === r.url && x.method === r.method);
      if (mine.length === 0) continue;
      const confident = mine.filter((x) => x.evaluation.verdict !== 'unknown' && x.evaluation.confidence !== 'uncertain');
      if (confident.length > 0 && !mine.some((x) => (x.evaluation.verdict === 'blocked') === r.blocked)) {
        wrong.push(`${r.caseId}: Firefox ${r.blocked ? r.reason : 'passed'}, CORS Lens ${mine.map((x) => x.evaluation.verdict).join('/')}`);
      }
      const blocked = mine.find((x) => x.evaluation.verdict === 'blocked' && x.evaluation.error !== null);
      if (r.blocked && r.reason && blocked) {
        keys++;
        const named = firefoxReason(blocked)?.key;
        if (named !== r.reason) wrong.push(`${r.caseId}: Firefox ${r.reason}, CORS Lens names ${named}`);
        // The panel's row names it the same way (data-reason).
        if (rowOf(blocked).reason !== r.reason) wrong.push(`${r.caseId}: the row's reason is ${rowOf(blocked).reason}`);
      }
    }
    expect(wrong).toEqual([]);
    named += keys;
  });

  test('the reason keys compared cover the blocked requests of the zoo', () => {
    // Runs after the table above (vitest runs a file's tests in order).
    expect(named).toBeGreaterThan(100);
  });
});

describe("Firefox's own words for a Firefox capture", () => {
  test('the console line names the URL and the argument Firefox named, and links its MDN page', () => {
    let checked = 0;
    for (const file of files) {
      const fixture = JSON.parse(readFileSync(`test/fixtures/firefox/${file}`, 'utf8')) as { har: unknown; console: { key: string; arg: string | null; url: string; caseId: string }[]; firefox: FirefoxVerdict[] };
      const exchanges = analyseHar(fixture.har).exchanges;
      for (const r of fixture.firefox) {
        const x = exchanges.find((y) => y.url === r.url && y.method === r.method && y.evaluation.verdict === 'blocked' && y.evaluation.error !== null);
        if (!x || !r.blocked || !r.reason) continue;
        const seen = fixture.console.find((m) => m.caseId === r.caseId && m.key === r.reason);
        const e = explain(x);
        expect(e.consoleBrowser, r.caseId).toBe('Firefox');
        expect(e.consoleMessage, r.caseId).toMatch(/^Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at/);
        expect(e.consoleDocs, r.caseId).toBe(`https://developer.mozilla.org/docs/Web/HTTP/Guides/CORS/Errors/${r.reason.replace(/\d+$/, '')}`);
        if (seen) {
          expect(e.consoleMessage, r.caseId).toContain(seen.url);
          if (seen.arg !== null && seen.arg !== '(null)') expect(firefoxReason(x)?.arg, r.caseId).toBe(seen.arg);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

test("an allowed exchange of a Firefox capture passes Firefox's checks, in those words", () => {
  const fixture = JSON.parse(readFileSync('test/fixtures/firefox/simple.json', 'utf8')) as { har: unknown };
  const allowed = analyseHar(fixture.har).exchanges.filter((x) => x.evaluation.verdict === 'allowed');
  expect(allowed.length).toBeGreaterThan(5);
  for (const x of allowed) expect(explain(x).headline).toContain("passes Firefox's CORS checks");
});
