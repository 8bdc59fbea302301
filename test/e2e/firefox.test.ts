/**
 * The CORS panel in real Firefox ESR: dist/firefox installed over WebDriver BiDi (webExtension.install), DevTools
 * open on the zoo page (--devtools), the CORS tool selected in the toolbox and the panel read through chrome-scope
 * script (scripts/lib/firefox.mjs says how). Proves the add-on loads, its panel appears and lists the inspected
 * page's requests, those made before it was opened and those made after, and follows DevTools' theme; writes
 * light and dark screenshots to test-results/screenshots/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
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

interface RowData {
  verdict: string;
  code: string;
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
  setPref(name: string, value: string | number | boolean): Promise<unknown>;
  navigate(url: string): Promise<unknown>;
  close(): Promise<void>;
}

const root = join(import.meta.dirname, '../..');
const shots = join(root, 'test-results/screenshots');
const ROWS = `[...document.querySelectorAll('.rows .row')].map((e) => ({ verdict: e.dataset.verdict ?? '', code: e.dataset.code ?? '', method: e.dataset.method ?? '', url: e.dataset.url ?? '' }))`;

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
});
