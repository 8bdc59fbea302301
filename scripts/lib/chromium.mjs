// Launch Chromium with the built extension and DevTools open, the way that works headless
// (see /work/shared/e2e-in-chromium.md), and find the DevTools window, the extension's devtools
// page frame and the inspected tab. Shared by the fixture recorder and the e2e tests.
import { spawn, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** The dev build's id, fixed by the `key` in manifest.json. */
export const EXTENSION_ID = 'eaacmpchdkpdboccncjidafdaldkgdpo';
export const DEVTOOLS_PAGE_PREFIX = `chrome-extension://${EXTENSION_ID}/`;

/**
 * The id Chromium gives an unpacked extension without a `key` (the store archive's): the SHA-256 of its absolute,
 * symlink-free path, the first 32 hex digits written with the letters a-p (Chromium's GenerateIdForPath).
 */
export function unpackedExtensionId(dir) {
  const hex = crypto.createHash('sha256').update(fs.realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** Poll `fn` until it returns a truthy value; throw `what` after `ms`. */
export async function waitFor(what, fn, ms = 15000, every = 50) {
  const end = Date.now() + ms;
  let lastErr;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) { lastErr = e; }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}${lastErr ? ` (last error: ${lastErr.message ?? lastErr})` : ''}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/**
 * The browser to drive: $CORS_LENS_CHROMIUM, else a Chromium that Playwright installed, else chromium /
 * chromium-browser on PATH. Branded Google Chrome is never picked: it ignores --load-extension.
 */
export function findChromium() {
  const env = process.env.CORS_LENS_CHROMIUM;
  if (env) {
    return fs.existsSync(env) ? env : null;
  }
  try {
    const bundled = chromium.executablePath();
    if (bundled && fs.existsSync(bundled)) return bundled;
  } catch { /* Playwright has no browser of its own here */ }
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const p = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (p) return p;
    } catch { /* not on PATH */ }
  }
  return null;
}

/**
 * Start Chromium with the extension and DevTools open on about:blank, connect over CDP and wait
 * until the DevTools window and the extension's devtools page are up.
 * `headless: false` opens a real window (npm start on a desktop). `extensionId` is the dev build's unless told.
 * @param {{extensionDir: string, executable: string, log?: (s: string) => void, headless?: boolean, extensionId?: string}} o
 */
export async function launchWithDevtools({ extensionDir, executable, log = () => {}, headless = true, theme = 'light', undocked = false, extensionId = EXTENSION_ID }) {
  const devtoolsPagePrefix = `chrome-extension://${extensionId}/`;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lens-chromium-'));
  // DevTools reads its settings from the profile: the theme (which devtools.panels.themeName reports to the
  // panel) and the dock state (undocked gives the panel a whole window, for screenshots).
  // Chromium 156's DevTools did not apply uiTheme "dark" from the profile; following the system theme with
  // --force-dark-mode does (and is what most dark-theme users have).
  const devtoolsPrefs = { uiTheme: JSON.stringify(theme === 'dark' ? 'systemPreference' : 'default'), ...(undocked ? { currentDockState: '"undocked"' } : {}) };
  fs.mkdirSync(path.join(userDataDir, 'Default'), { recursive: true });
  // Saving a second PNG card from the panel would otherwise wait on Chromium's "download multiple files" prompt.
  const profile = { default_content_setting_values: { automatic_downloads: 1 } };
  fs.writeFileSync(path.join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ devtools: { preferences: devtoolsPrefs }, profile }));
  const args = [
    ...(headless ? ['--headless'] : []), '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--remote-debugging-port=0',
    `--user-data-dir=${userDataDir}`,
    `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
    ...(theme === 'dark' ? ['--force-dark-mode'] : []),
    '--window-size=1440,900', '--auto-open-devtools-for-tabs', 'about:blank',
  ];
  const proc = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
  let exited = false;
  proc.on('exit', () => { exited = true; });
  const cleanup = async (browser) => {
    try { await browser?.close(); } catch { /* already gone */ }
    if (!exited) {
      proc.kill('SIGTERM');
      await waitFor('Chromium to exit', () => exited, 5000).catch(() => proc.kill('SIGKILL'));
    }
    // Chromium's helper processes can still be writing into the profile for a moment after the browser exits
    // (seen as ENOTEMPTY under load): retry, and never let a leftover temp directory fail a run.
    try {
      fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch (e) {
      log(`could not remove ${userDataDir}: ${e instanceof Error ? e.message : e}`);
    }
  };
  try {
    const portFile = path.join(userDataDir, 'DevToolsActivePort');
    const port = await waitFor('DevToolsActivePort', () => {
      if (exited) throw new Error(`Chromium exited early: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
      const t = fs.existsSync(portFile) && fs.readFileSync(portFile, 'utf8').split('\n')[0];
      return t && Number(t);
    }, 20000);
    log(`Chromium listening for CDP on ${port}`);
    // The DevTools window first shows up as a target of type "other" and only later as a "page";
    // Playwright classifies targets when it attaches and never looks again, so connect only once
    // the DevTools window is a page and the extension's devtools page iframe exists.
    await waitFor('the DevTools window and the extension devtools page (in /json/list)', async () => {
      if (exited) throw new Error('Chromium exited');
      const list = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
      return list.some((t) => t.type === 'page' && t.url.startsWith('devtools://devtools/bundled/devtools_app.html'))
        && list.some((t) => t.url.startsWith(devtoolsPagePrefix));
    }, 20000);
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const context = browser.contexts()[0];
    const devtools = await waitFor('the DevTools window', () => context.pages().find((p) => p.url().startsWith('devtools://devtools/bundled/devtools_app.html')));
    const inspected = await waitFor('the inspected tab', () => context.pages().find((p) => !p.url().startsWith('devtools://')));
    const extFrame = await waitFor("the extension's devtools page frame", async () => {
      const f = devtools.frames().find((fr) => fr.url().startsWith(devtoolsPagePrefix) && fr.url().includes('devtools'));
      return f && (await f.evaluate(() => !!(globalThis.chrome?.devtools?.network?.getHAR))) && f;
    }, 20000);
    log(`extension devtools page: ${extFrame.url()}`);
    return { browser, context, devtools, inspected, extFrame, userDataDir, extensionId, close: () => cleanup(browser) };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

export const PANEL_URL = `chrome-extension://${EXTENSION_ID}/panel/index.html`;

/**
 * Show the CORS panel in the DevTools window and return its frame once the app inside has rendered. The panel id
 * is the extension origin followed by the panel title without spaces (e2e-in-chromium.md). DevTools creates the
 * panel only after the devtools page has run, so showPanel is retried until the frame exists.
 */
export async function showPanel(devtools, ms = 20000, extensionId = EXTENSION_ID) {
  const panelUrl = `chrome-extension://${extensionId}/panel/index.html`;
  return waitFor('the CORS panel to render', async () => {
    await devtools.evaluate((id) => globalThis.DevToolsAPI.showPanel(id), `chrome-extension://${extensionId}CORS`);
    const frame = devtools.frames().find((f) => f.url().startsWith(panelUrl));
    return frame && (await frame.locator('.app[data-ready="true"]').count()) > 0 && frame;
  }, ms, 100);
}
