/**
 * The CORS panel in real Firefox ESR: dist/firefox installed over WebDriver BiDi (webExtension.install), DevTools
 * open on the zoo page (--devtools), the CORS tool selected in the toolbox and the panel read through chrome-scope
 * script (scripts/lib/firefox.mjs says how). Proves the add-on loads, its panel appears and lists the inspected
 * page's requests, those made before it was opened and those made after, and follows DevTools' theme; writes
 * light and dark screenshots to test-results/screenshots/. Then what a user does with it: a blocked exchange's
 * detail (photographed too), its Markdown report copied to the clipboard, and a HAR file imported.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error: plain ES module without types
import { findFirefox, launchFirefox } from '../../scripts/lib/firefox.mjs';
// @ts-expect-error: plain ES module without types
import { waitFor } from '../../scripts/lib/chromium.mjs';
// @ts-expect-error: plain ES module without types
import { FIREFOX_ADDON_ID } from '../../scripts/lib/firefox-build.mjs';
// @ts-expect-error: plain ES module without types
import { startZoo } from '../zoo/server.mjs';
import type { Zoo } from '../support/e2e';
import { rowOf } from '../../panel/rows';
import { analyseHar } from '../../src/har';

interface RowData {
  verdict: string;
  code: string;
  reason: string;
  method: string;
  url: string;
}

interface Snapshot {
  width: number;
  height: number;
  corner: number;
  png: Buffer;
}

interface Firefox {
  extensionId: string;
  inPage<T>(expression: string): Promise<T>;
  inPanel<T>(expression: string): Promise<T>;
  waitForDevtoolsPage(): Promise<unknown>;
  showPanel(): Promise<void>;
  snapshotPanel(): Promise<Snapshot>;
  click(selector: string): Promise<unknown>;
  chooseFile(name: string, text: string): Promise<unknown>;
  clipboardText(): Promise<string>;
  setPref(name: string, value: string | number | boolean): Promise<unknown>;
  navigate(url: string): Promise<unknown>;
  close(): Promise<void>;
}

const root = join(import.meta.dirname, '../..');
const shots = join(root, 'test-results/screenshots');
const ROWS = `[...document.querySelectorAll('.rows .row')].map((e) => ({ verdict: e.dataset.verdict ?? '', code: e.dataset.code ?? '', reason: e.dataset.reason ?? '', method: e.dataset.method ?? '', url: e.dataset.url ?? '' }))`;

describe('the CORS panel in Firefox ESR', () => {
  let zoo: Zoo;
  let ff: Firefox;
  const run = (id: string, nonce: string) => ff.inPage(`window.runCase(${JSON.stringify(id)}, ${JSON.stringify(nonce)})`);
  const rows = () => ff.inPanel<RowData[]>(ROWS);
  const pathOf = (r: RowData) => new URL(r.url).pathname + new URL(r.url).search;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    zoo = await startZoo();
    ff = await launchFirefox({ extensionDir: join(root, 'dist/firefox'), executable: findFirefox() });
  }, 60_000);
  afterAll(async () => {
    await ff?.close();
    await zoo?.close();
  });

  test('the add-on installs under its own id and adds its devtools page to the open toolbox', async () => {
    expect(ff.extensionId).toBe(FIREFOX_ADDON_ID);
    await ff.waitForDevtoolsPage();
  });

  test('requests made before the panel was opened are listed, and later ones join them live', async () => {
    await ff.navigate(`${zoo.pageOrigin}/`);
    await waitFor('the zoo page', () => ff.inPage<boolean>('window.zooReady === true'));
    // DevTools is open on the page, the CORS panel not shown yet.
    await run('s-get-no-acao', 'before');
    await run('s-get-exact', 'before');
    await ff.showPanel();
    // Firefox records nothing the page starts while it answers getHAR() (test/fixtures/firefox/README.md): a user
    // sees the backlog listed before clicking on, and so does this test.
    await waitFor('the backlog', async () => (await rows()).length >= 2);
    await run('s-get-no-acao', 'after');
    await run('t-three-headers-one-allowed', 'after');
    const list = await waitFor('four rows', async () => {
      const r = await rows();
      return r.length >= 4 && r;
    });
    expect(list.map((r: RowData) => [r.verdict, r.code, r.method, pathOf(r)])).toEqual([
      ['blocked', 'MissingAllowOriginHeader', 'GET', '/c/s-get-no-acao/a?n=before'],
      ['allowed', '', 'GET', '/c/s-get-exact/a?n=before'],
      ['blocked', 'MissingAllowOriginHeader', 'GET', '/c/s-get-no-acao/a?n=after'],
      ['blocked', 'HeaderDisallowedByPreflightResponse', 'GET', '/c/t-three-headers-one-allowed/a?n=after'],
    ]);
    expect(list.every((r: RowData) => r.url.startsWith(zoo.apiOrigin))).toBe(true);
    const summary = await ff.inPanel<string>(`document.querySelector('.summary').dataset.blocked`);
    expect(Number(summary)).toBe(3);
  });

  test('follows DevTools\' theme, light and dark, and photographs both', async () => {
    // The failed preflight above makes the panel read the log once things are quiet; requests during it are lost.
    await waitFor('the panel to have read the log', async () => (await ff.inPanel<string>("document.documentElement.dataset.backfill ?? 'idle'")) === 'idle');
    for (const id of ['s-get-localhost', 'pf-401-cors', 's-get-500-no-acao']) await run(id, 'shots');
    await waitFor('seven rows', async () => (await rows()).length >= 7);

    expect(await ff.inPanel<string>('document.documentElement.dataset.theme')).toBe('light');
    const light = await ff.snapshotPanel();
    writeFileSync(join(shots, 'firefox-panel-light.png'), light.png);

    await ff.setPref('devtools.theme', 'dark');
    await waitFor('the panel to turn dark', async () => (await ff.inPanel<string>('document.documentElement.dataset.theme')) === 'dark');
    const dark = await ff.snapshotPanel();
    writeFileSync(join(shots, 'firefox-panel-dark.png'), dark.png);

    // The toolbox takes most of the 1440x900 window; the corner is the panel's own background.
    expect(light.width).toBeGreaterThan(1000);
    expect(light.height).toBeGreaterThan(300);
    expect(light.corner).toBeGreaterThan(200);
    expect(dark.corner).toBeLessThan(80);
  });

  test("a blocked exchange's detail, photographed, and its Markdown report copied to the clipboard", async () => {
    await ff.setPref('devtools.theme', 'light');
    await waitFor('the panel to turn light', async () => (await ff.inPanel<string>('document.documentElement.dataset.theme')) === 'light');
    // Firefox never reports this GET live (its preflight failed): the panel reads it from getHAR() once quiet.
    await waitFor('the panel to have read the log', async () => (await ff.inPanel<string>('document.documentElement.dataset.backfill')) === 'idle');
    await ff.click('.rows .row[data-verdict="blocked"][data-url*="t-three-headers-one-allowed"]');
    const detail = await waitFor('the detail of the blocked exchange', () =>
      ff.inPanel<{ verdict: string; code: string; text: string } | null>(`(() => { const d = document.querySelector('.detail'); return d && { verdict: d.dataset.verdict, code: d.dataset.code, text: d.textContent }; })()`),
    );
    expect(detail).toMatchObject({ verdict: 'blocked', code: 'HeaderDisallowedByPreflightResponse' });
    // Firefox's own words for a Firefox capture: its console line and its reason key.
    expect(detail.text).toContain('Cross-Origin Request Blocked');
    expect(detail.text).toContain('CORSMissingAllowHeaderFromPreflight2');
    const shot = await ff.snapshotPanel();
    writeFileSync(join(shots, 'firefox-panel-blocked-detail.png'), shot.png);
    expect(shot.corner).toBeGreaterThan(200);

    await ff.click('[data-export="markdown"]');
    await waitFor('the copy to be confirmed', async () => (await ff.inPanel<string>(`document.querySelector('.export-status')?.dataset.state ?? ''`)) === 'ok');
    const md = await ff.clipboardText();
    const url = (await rows()).find((r) => r.url.includes('t-three-headers-one-allowed'))?.url ?? '(no row)';
    expect(md).toMatch(/^## Blocked: `GET /);
    expect(md).toContain(url);
    expect(md).toContain('`CORSMissingAllowHeaderFromPreflight2`');
    // The request's own headers, which only its entry in getHAR() has.
    expect(md).not.toContain('The request itself is not in the capture');
    expect(md).toMatch(/\| `X-Zeta` \| `[^`]+` \|/i);
    expect(md).toContain(`Firefox/`);
  });

  test('the Server policy view in Firefox: the API\'s policy, with its proof, from Firefox\'s own capture', async () => {
    await ff.click('[data-view="policy"]');
    const view = await waitFor('the policy view', () =>
      ff.inPanel<{ target: string; passing: number; total: number; origins: string } | null>(
        `(() => { const v = document.querySelector('.policy-view'); const c = v && v.querySelector('.pass-count'); return c && { target: v.dataset.target, passing: Number(c.dataset.passing), total: Number(c.dataset.total), origins: v.querySelector('[data-field="origins"]').textContent }; })()`,
      ),
    );
    expect(view.total).toBeGreaterThan(0);
    expect(view.passing).toBeLessThanOrEqual(view.total);
    expect(view.origins).toBe(zoo.pageOrigin);
    await ff.click('[data-view="requests"]');
  });

  test('a HAR file imported in the panel is listed as the engine reads it, with Firefox\'s reason keys for a Firefox capture', async () => {
    const file = join(root, 'test/fixtures/firefox/preflight.json');
    const har = { log: (JSON.parse(readFileSync(file, 'utf8')) as { har: unknown }).har };
    await ff.chooseFile('firefox-preflight.har', JSON.stringify(har));
    await waitFor('the import', async () => (await ff.inPanel<string>(`document.querySelector('.app').dataset.source`)) === 'import');
    const expected = analyseHar(har).exchanges
      .filter((x) => x.evaluation.verdict !== 'not-cors')
      .map((x) => rowOf(x))
      .map((r) => [r.verdict, r.code, r.reason, r.method, r.url]);
    const got = await waitFor('the imported rows', async () => {
      const r = await rows();
      return r.length === expected.length && r;
    });
    expect(got.map((r: RowData) => [r.verdict, r.code, r.reason, r.method, r.url]).sort()).toEqual(expected.sort());
    expect(got.filter((r: RowData) => r.verdict === 'blocked').length).toBeGreaterThan(20);
    expect(got.some((r: RowData) => r.reason === 'CORSMissingAllowOrigin2' && r.code === 'PreflightMissingAllowOriginHeader')).toBe(true);
    await ff.click('.imported button');
    await waitFor('back to the live capture', async () => (await ff.inPanel<string>(`document.querySelector('.app').dataset.source`)) === 'live');
  });
});
