/**
 * The README's Playwright example, run: a page on one zoo origin makes one request the API blocks (no
 * Access-Control-Allow-Origin) and one it allows; Playwright records the HAR with recordHar, and the README's
 * helper, importing the built package by its name, must name exactly the blocked request with CORS Lens's
 * explanation, so the README's `expect(failures, failures.join('\n')).toEqual([])` fails with that explanation.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { analyseHarText, explain } from 'cors-lens';
// @ts-expect-error: plain ES module without types
import { findChromium } from '../../scripts/lib/chromium.mjs';
// @ts-expect-error: plain ES module without types
import { startZoo } from '../zoo/server.mjs';
import { corsFailures } from '../support/cors-failures';
import type { Zoo } from '../support/e2e';

const root = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'cors-lens-playwright-'));
const har = join(work, 'capture.har');
let zoo: Zoo;
let browser: Browser;
let blockedUrl: string;

beforeAll(async () => {
  zoo = (await startZoo()) as Zoo;
  const executablePath = findChromium() as string | null;
  if (!executablePath) throw new Error('no Chromium: set CORS_LENS_CHROMIUM or apt-get install -y chromium');
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  const context = await browser.newContext({ recordHar: { path: har } });
  const page = await context.newPage();
  await page.goto(`${zoo.pageOrigin}/`);
  blockedUrl = `${zoo.apiOrigin}/c/s-get-no-acao/a?n=readme`;
  const allowedUrl = `${zoo.apiOrigin}/c/s-get-exact/a?n=readme`;
  // Both settle before the HAR is written: the page reports each one's outcome.
  const outcomes = await page.evaluate(
    (urls) => Promise.all(urls.map((u) => fetch(u).then((r) => `status ${r.status}`, (e: unknown) => String(e)))),
    [blockedUrl, allowedUrl],
  );
  expect(outcomes).toEqual(['TypeError: Failed to fetch', 'status 200']);
  await context.close();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await zoo?.close();
  rmSync(work, { recursive: true, force: true });
});

test('the helper finds exactly the blocked request, with the explanation as its message', () => {
  const exchange = analyseHarText(readFileSync(har, 'utf8')).exchanges.find((x) => x.url === blockedUrl);
  expect(exchange?.evaluation.verdict).toMatch(/^(blocked|unknown)$/);
  const explanation = exchange ? explain(exchange).headline : '';
  expect(explanation).not.toBe('');
  expect(corsFailures(har)).toEqual([`GET ${blockedUrl}: ${explanation}`]);
});

test("the README's assertion fails, and its message is the explanation", () => {
  const failures = corsFailures(har);
  expect(() => expect(failures, failures.join('\n')).toEqual([])).toThrow(`${failures[0]}: expected`);
});

test('on the whole zoo recorded by Playwright, it names every request Chrome blocked, and 2 other failures', () => {
  // test/fixtures/producers/playwright: 268 requests with Chrome's own verdict per request (its README).
  // Identical requests (same method and URL) are counted as a multiset, as the producer matrix does.
  const dir = join(root, 'test/fixtures/producers/playwright');
  let blocked = 0;
  let named = 0;
  const others: string[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const fixture = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { har: unknown; chrome: { method: string; url: string; caseId: string; corsError: string | null }[] };
    const file = join(work, name);
    writeFileSync(file, JSON.stringify(fixture.har));
    const flagged = corsFailures(file).map((f) => f.slice(0, f.indexOf(': ')));
    for (const key of new Set(fixture.chrome.map((r) => `${r.method} ${r.url}`))) {
      const chrome = fixture.chrome.filter((r) => `${r.method} ${r.url}` === key);
      const b = chrome.filter((r) => r.corsError).length;
      const f = flagged.filter((k) => k === key).length;
      blocked += b;
      named += Math.min(b, f);
      if (f > b) others.push((chrome[0] as { caseId: string }).caseId);
    }
  }
  expect({ blocked, named }).toEqual({ blocked: 107, named: 107 });
  // Both failed on a redirect for a reason other than CORS (redirect: 'error'; mode same-origin), which
  // Playwright's HAR cannot tell from a CORS failure.
  expect(others.sort()).toEqual(['r-error-mode', 'r-mode-same-origin']);
});

test('the test imported the built package, not the sources', async () => {
  // Through package.json "exports", as in a user's project: the build under test is dist/cli/index.mjs.
  expect(import.meta.resolve('cors-lens')).toBe(`file://${join(root, 'dist/cli/index.mjs')}`);
});

test('the README shows this helper word for word', () => {
  const helper = readFileSync(join(root, 'test/support/cors-failures.ts'), 'utf8');
  const body = helper.slice(helper.indexOf("import { readFileSync } from 'node:fs';"));
  expect(body).toMatch(/^import[\s\S]*export function corsFailures/);
  // A boolean, so a failure does not print the whole README.
  expect(readFileSync(join(root, 'README.md'), 'utf8').includes(body.trimEnd()), 'README.md lacks test/support/cors-failures.ts from its imports on').toBe(true);
});
