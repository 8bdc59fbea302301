/**
 * The other browser's verdict, checked against that browser itself: the zoo was recorded in both Chromium 156
 * (test/fixtures/chromium) and Firefox ESR 153 (test/fixtures/firefox). Each Chrome capture is judged as Firefox
 * would judge it and compared with what Firefox decided on the same case, and each Firefox capture the other way
 * round. "depends" is allowed (the capture cannot show what the other browser would have received); a definite
 * answer must be the other browser's own.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { otherBrowserDiffers, otherBrowserView } from '../../../src/explain';
import { type AnalysedExchange, analyseHar } from '../../../src/har';

interface Truth {
  readonly caseId: string;
  readonly method: string;
  readonly url: string;
  readonly blocked: boolean | null;
  readonly reason: string | null;
}
interface ChromeRecord { caseId: string; method: string; url: string; corsError: string | null; outcome: string | null; errorText: string | null }
interface FirefoxRecord { caseId: string; method: string; url: string; blocked: boolean; reason: string | null; outcome: string | null }

const GROUPS = ['simple', 'credentials', 'triggers', 'preflight', 'actual', 'redirects', 'maxage', 'interleave', 'misc'];
const load = (dir: string, group: string) => JSON.parse(readFileSync(`test/fixtures/${dir}/${group}.json`, 'utf8')) as { har: unknown; chrome?: ChromeRecord[]; firefox?: FirefoxRecord[] };
const caseOf = (url: string) => /\/c\/([^/]+)\//.exec(url)?.[1] ?? '';
const pathOf = (url: string) => new URL(url).pathname;

function chromeTruth(r: ChromeRecord): Truth {
  // A network error (no CORS check ran) says nothing about CORS rules.
  const network = r.corsError === null && r.outcome === 'failed' && r.errorText !== 'net::ERR_FAILED';
  return { caseId: r.caseId, method: r.method, url: r.url, blocked: network ? null : r.corsError !== null, reason: r.corsError };
}
function firefoxTruth(r: FirefoxRecord): Truth {
  // Firefox logs network failures as CORSDidNotSucceed2: not a CORS rule either.
  const network = r.reason === 'CORSDidNotSucceed2' || (r.outcome === 'failed' && !r.blocked);
  return { caseId: r.caseId, method: r.method, url: r.url, blocked: network ? null : r.blocked, reason: r.reason };
}

function compare(exchanges: readonly AnalysedExchange[], truth: readonly Truth[]): { compared: number; depends: number; wrong: string[] } {
  let compared = 0;
  let depends = 0;
  const wrong: string[] = [];
  for (const x of exchanges) {
    const view = otherBrowserView(x);
    if (!view) continue;
    if (view.verdict === 'depends') {
      depends++;
      continue;
    }
    const same = truth.filter((t) => t.caseId === caseOf(x.url) && t.method === x.method && pathOf(t.url) === pathOf(x.url) && t.blocked !== null);
    if (same.length === 0) continue;
    compared++;
    const blocked = view.verdict === 'blocked';
    if (!same.some((t) => t.blocked === blocked)) wrong.push(`${caseOf(x.url)} ${x.method}: CORS Lens says ${view.browser} ${view.verdict}, ${view.browser} ${same[0]?.blocked ? `blocked (${same[0]?.reason})` : 'allowed'}`);
    else if (blocked && view.browser === 'firefox' && view.reason && !same.some((t) => t.reason === view.reason)) wrong.push(`${caseOf(x.url)}: CORS Lens names ${view.reason}, Firefox ${same.map((t) => t.reason).join('/')}`);
  }
  return { compared, depends, wrong };
}

describe("the other browser's verdict against that browser's own recording of the same case", () => {
  const totals = { chromeAsFirefox: 0, firefoxAsChrome: 0 };
  test.each(GROUPS)('%s', (group) => {
    const chrome = load('chromium', group);
    const firefox = load('firefox', group);
    const a = compare(analyseHar(chrome.har).exchanges, (firefox.firefox ?? []).map(firefoxTruth));
    const b = compare(analyseHar(firefox.har).exchanges, (chrome.chrome ?? []).map(chromeTruth));
    expect(a.wrong, 'a Chrome capture judged as Firefox').toEqual([]);
    expect(b.wrong, 'a Firefox capture judged as Chrome').toEqual([]);
    totals.chromeAsFirefox += a.compared;
    totals.firefoxAsChrome += b.compared;
  });
  test('most exchanges get a definite answer', () => {
    expect(totals.chromeAsFirefox).toBeGreaterThan(150);
    expect(totals.firefoxAsChrome).toBeGreaterThan(150);
  });
});

describe('otherBrowserDiffers: what the list filters on, without keeping the view', () => {
  test.each(GROUPS.flatMap((g) => [['chromium', g], ['firefox', g]]))('%s/%s: the same answer as the view', (dir, group) => {
    for (const x of analyseHar(load(dir, group).har).exchanges) {
      // Asked first, before any view is cached for the exchange.
      const differs = otherBrowserDiffers(x);
      expect(differs, `${x.method} ${x.url}`).toBe(otherBrowserView(x)?.differs === true);
    }
  });
});
