/**
 * `npm run package`: the store archives, opened as a store or a user would. The packaging runs on the build that
 * `npm test` has just made; each archive is read with a reader of our own (test/support/unzip.ts) and checked for
 * what the stores insist on (no `key`, the version, a 128 px icon the manifest names); then the Chrome archive,
 * unpacked, is loaded in Chromium with DevTools open, and the Firefox archive is installed as the file it is in
 * Firefox ESR, and in both the CORS panel lists a blocked request; and `web-ext lint`, what addons.mozilla.org runs
 * on upload, reads the Firefox archive with no error.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import webExt from 'web-ext';
// @ts-expect-error: plain ES module without types
import { packageRelease } from '../../scripts/lib/package.mjs';
// @ts-expect-error: plain ES module without types
import { EXTENSION_ID, findChromium, launchWithDevtools, showPanel, unpackedExtensionId, waitFor } from '../../scripts/lib/chromium.mjs';
// @ts-expect-error: plain ES module without types
import { findFirefox, launchFirefox } from '../../scripts/lib/firefox.mjs';
// @ts-expect-error: plain ES module without types
import { FIREFOX_ADDON_ID } from '../../scripts/lib/firefox-build.mjs';
// @ts-expect-error: plain ES module without types
import { pngSize } from '../../scripts/lib/png.mjs';
// @ts-expect-error: plain ES module without types
import { startZoo } from '../zoo/server.mjs';
import { openZoo, type Session, type Zoo } from '../support/e2e';
import { extractZip } from '../support/unzip';

interface Release {
  version: string;
  chrome: string;
  firefox: string;
  sums: string;
}

interface Manifest {
  version?: string;
  key?: string;
  icons?: Record<string, string>;
  devtools_page?: string;
  browser_specific_settings?: { gecko?: { id?: string } };
}

const root = join(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
/** A zoo case Chrome and Firefox both block (no Access-Control-Allow-Origin), so a row says the panel works. */
const BLOCKED_CASE = 's-get-no-acao';

describe('npm run package: store archives that load', () => {
  const temps: string[] = [];
  const temp = (what: string) => {
    const d = mkdtempSync(join(tmpdir(), `cors-lens-${what}-`));
    temps.push(d);
    return d;
  };
  let release: Release;
  const unpacked: Record<'chrome' | 'firefox', string> = { chrome: '', firefox: '' };
  let zoo: Zoo;

  beforeAll(async () => {
    release = await packageRelease({ root, outDir: temp('release') });
    for (const k of ['chrome', 'firefox'] as const) {
      unpacked[k] = temp(`unpacked-${k}`);
      extractZip(readFileSync(release[k]), unpacked[k]);
    }
    zoo = await startZoo();
  }, 30_000);
  afterAll(async () => {
    await zoo?.close();
    for (const d of temps) rmSync(d, { recursive: true, force: true });
  });

  const manifestOf = (k: 'chrome' | 'firefox') => JSON.parse(readFileSync(join(unpacked[k], 'manifest.json'), 'utf8')) as Manifest;

  test('the archives are named with package.json\'s version, and the sums file has the SHA-256 of each', () => {
    expect([release.chrome, release.firefox, release.sums].map((f) => basename(f)))
      .toEqual([`cors-lens-${version}-chrome.zip`, `cors-lens-${version}-firefox.zip`, `cors-lens-${version}.sha256`]);
    const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
    expect(readFileSync(release.sums, 'utf8')).toBe(`${sha(release.chrome)}  ${basename(release.chrome)}\n${sha(release.firefox)}  ${basename(release.firefox)}\n`);
  });

  test.each(['chrome', 'firefox'] as const)('the %s archive: the version, no key, a 128 px icon and every file the manifest names', (k) => {
    const m = manifestOf(k);
    expect(m.version).toBe(version);
    expect(m).not.toHaveProperty('key');
    expect(pngSize(readFileSync(join(unpacked[k], m.icons?.['128'] ?? 'no 128 px icon named')))).toEqual({ width: 128, height: 128 });
    for (const file of [...Object.values(m.icons ?? {}), m.devtools_page ?? 'no devtools_page', 'panel/index.html']) {
      expect(existsSync(join(unpacked[k], file)), file).toBe(true);
    }
  });

  test('the Firefox archive names its add-on id; the Chrome one has nothing of Firefox\'s', () => {
    expect(manifestOf('firefox').browser_specific_settings?.gecko?.id).toBe(FIREFOX_ADDON_ID);
    expect(manifestOf('chrome')).not.toHaveProperty('browser_specific_settings');
  });

  test('the Chrome archive, unpacked, loads in Chromium: its icon in chrome://extensions, the CORS panel lists a blocked request', async () => {
    // Without `key` Chromium derives the id from the folder's path; that it is not the dev build's id shows no key
    // was in effect.
    const extensionId = unpackedExtensionId(unpacked.chrome);
    expect(extensionId).not.toBe(EXTENSION_ID);
    const s = (await launchWithDevtools({ extensionDir: unpacked.chrome, executable: findChromium(), extensionId })) as Session & { context: BrowserContext };
    try {
      await openZoo(s.inspected, zoo);
      const panel = await showPanel(s.devtools, 20_000, extensionId);
      await s.inspected.evaluate((id) => (window as unknown as { runCase(c: string, n: string): Promise<unknown> }).runCase(id, 'package'), BLOCKED_CASE);
      const row = panel.locator(`.rows .row[data-url*="${BLOCKED_CASE}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-verdict')).toBe('blocked');

      // chrome://extensions draws the manifest's icon (a grey puzzle piece when there is none): the top of ours
      // is its blue tile.
      const page = await s.context.newPage();
      await page.goto('chrome://extensions');
      const icon = page.locator(`extensions-item#${extensionId} img#icon`);
      const rgb = await icon.evaluate(async (img: HTMLImageElement) => {
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const g = c.getContext('2d')!;
        g.drawImage(img, 0, 0);
        return [...g.getImageData(Math.round(c.width / 2), Math.round(c.height / 12), 1, 1).data.slice(0, 3)];
      });
      expect(rgb[2]).toBeGreaterThan(180);
      expect(rgb[0]).toBeLessThan(80);
    } finally {
      await s.close();
    }
  });

  test('the Firefox archive installs as it is in Firefox ESR: its icon on the CORS tab and in the add-on list, the panel lists a blocked request', async () => {
    const ff = await launchFirefox({ extensionDir: release.firefox, executable: findFirefox() });
    try {
      expect(ff.extensionId).toBe(FIREFOX_ADDON_ID);
      await ff.waitForDevtoolsPage();
      await ff.navigate(`${zoo.pageOrigin}/`);
      await waitFor('the zoo page', () => ff.inPage('window.zooReady === true'));
      await ff.showPanel();
      await ff.inPage(`window.runCase(${JSON.stringify(BLOCKED_CASE)}, 'package')`);
      const verdict = await waitFor('the blocked row', () => ff.inPanel(`document.querySelector('.rows .row[data-url*="${BLOCKED_CASE}"]')?.dataset.verdict ?? null`));
      expect(verdict).toBe('blocked');

      // The tab's <img> has loaded the archive's PNG; about:addons shows the add-on's icons, read here from the
      // add-on manager it asks.
      const icons = await ff.inChrome(`
        const img = toolbox.doc.getElementById('toolbox-tab-' + tool.id).querySelector('img');
        await img.decode();
        const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
        const addon = await AddonManager.getAddonByID(${JSON.stringify(FIREFOX_ADDON_ID)});
        return { tab: img.src.replace(/^moz-extension:\\/\\/[^/]+/, ''), width: img.naturalWidth, listed: Object.keys(addon.icons).sort((a, b) => a - b) };
      `);
      expect(icons).toEqual({ tab: '/icons/icon-32.png', width: 32, listed: ['16', '32', '48', '96', '128'] });
    } finally {
      await ff.close();
    }
  }, 60_000);

  test('web-ext lint on the Firefox archive: no errors (its warnings are firefox-lint.test.ts\'s three)', async () => {
    const result = (await webExt.cmd.lint({ sourceDir: release.firefox, output: 'none' }, { shouldExitProgram: false })) as { errors: unknown[]; warnings: { code: string }[] };
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.code).sort()).toEqual(['KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION', 'UNSAFE_VAR_ASSIGNMENT', 'UNSAFE_VAR_ASSIGNMENT']);
  });
});
