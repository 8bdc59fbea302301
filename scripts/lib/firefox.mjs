// Firefox with the built add-on and DevTools open, driven over WebDriver BiDi (no geckodriver: see
// /work/shared/firefox-facts.md). The CORS panel lives in DevTools, which is browser chrome: Firefox is started
// with --remote-allow-system-access and the toolbox is driven through scripts/lib/firefox-toolbox.mjs.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectBidi } from './bidi.mjs';
import { waitFor } from './chromium.mjs';
import { chromeWindowOf, toolboxDriver } from './firefox-toolbox.mjs';

/** The browser to drive: $CORS_LENS_FIREFOX, else firefox-esr or firefox on PATH. */
export function findFirefox() {
  const env = process.env.CORS_LENS_FIREFOX;
  if (env) return fs.existsSync(env) ? env : null;
  for (const name of ['firefox-esr', 'firefox']) {
    try {
      const p = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (p) return p;
    } catch { /* not on PATH */ }
  }
  return null;
}

/**
 * Start Firefox (fresh profile, headless unless told otherwise, DevTools open for every tab), open a BiDi session
 * and install the add-on in `extensionDir` as a temporary add-on. `extensionDir` may also be a .zip or .xpi (a
 * store archive), installed as the file it is, the way about:debugging's Load Temporary Add-on takes one.
 * @param {{extensionDir: string, executable: string, headless?: boolean, prefs?: Record<string, string|number|boolean>, log?: (s: string) => void}} o
 */
export async function launchFirefox({ extensionDir, executable, headless = true, prefs = {}, log = () => {} }) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lens-firefox-'));
  const allPrefs = {
    // Room for the panel: the toolbox docked at the bottom gets most of the window.
    'devtools.toolbox.footer.height': 560,
    'devtools.theme': 'light',
    ...prefs,
  };
  fs.writeFileSync(path.join(profile, 'user.js'), Object.entries(allPrefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`).join(''));
  const args = [
    ...(headless ? ['--headless'] : []), '--no-remote', '--profile', profile, '--remote-debugging-port=0',
    '--remote-allow-system-access', '--devtools', '--width', '1440', '--height', '900', 'about:blank',
  ];
  const proc = spawn(executable, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exited = false;
  const gotUrl = new Promise((resolve, reject) => {
    const scan = (d) => {
      output = (output + d).slice(-8000);
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output);
      if (m) resolve(m[1]);
    };
    proc.stdout.on('data', scan);
    proc.stderr.on('data', scan);
    proc.on('exit', (code) => { exited = true; reject(new Error(`Firefox exited (${code}) before BiDi listened: ${output.trim().split('\n').slice(-3).join(' | ')}`)); });
  });
  /** @type {Awaited<ReturnType<typeof connectBidi>> | undefined} */
  let bidi;
  const close = async () => {
    if (!exited) {
      let timer;
      try { await Promise.race([bidi?.send('browser.close'), new Promise((r) => { timer = setTimeout(r, 3000); })]); } catch { /* already closing */ }
      clearTimeout(timer);
      bidi?.close();
      await waitFor('Firefox to exit', () => exited, 5000).catch(() => proc.kill('SIGKILL'));
    }
    try {
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch (e) {
      log(`could not remove ${profile}: ${e instanceof Error ? e.message : e}`);
    }
  };
  try {
    // A timer left running would keep Node alive for the rest of its 30 s after Firefox is gone.
    let timer;
    const url = await Promise.race([gotUrl, new Promise((_, rej) => { timer = setTimeout(() => rej(new Error('Firefox did not start WebDriver BiDi within 30 s')), 30000); })])
      .finally(() => clearTimeout(timer));
    log(`Firefox listening for BiDi on ${url}`);
    bidi = await connectBidi(`${url}/session`);
    const session = await bidi.send('session.new', { capabilities: {} });
    const type = /\.(zip|xpi)$/i.test(extensionDir) ? 'archivePath' : 'path';
    const { extension } = await bidi.send('webExtension.install', { extensionData: { type, path: path.resolve(extensionDir) } });
    const tab = (await bidi.send('browsingContext.getTree', { maxDepth: 0 })).contexts[0].context;
    const chromeWindow = await chromeWindowOf(bidi);
    const b = bidi;
    const driver = toolboxDriver(b, chromeWindow);

    /** Evaluate `expression` in the inspected tab, awaiting a promise; its JSON-able value out. */
    const inPage = async (expression) => {
      const r = await b.send('script.evaluate', { expression: `(async () => JSON.stringify(await (${expression})))()`, target: { context: tab }, awaitPromise: true, resultOwnership: 'none' });
      if (r.type !== 'success') throw new Error(`page script failed: ${r.exceptionDetails?.text ?? JSON.stringify(r)}`);
      return r.result.value === undefined ? undefined : JSON.parse(r.result.value);
    };
    return {
      ...driver, bidi: b, session, extensionId: extension, tab, chromeWindow, profile, inPage, close,
      navigate: (url) => b.send('browsingContext.navigate', { context: tab, url, wait: 'complete' }),
      /** Click the first element of the inspected page matching `selector` with real input (BiDi input actions). */
      clickInPage: async (selector) => {
        const r = await b.send('script.evaluate', {
          expression: `(() => { const e = document.querySelector(${JSON.stringify(selector)}); e?.scrollIntoView({ block: 'center' }); return e; })()`,
          target: { context: tab }, awaitPromise: false, resultOwnership: 'root',
        });
        const sharedId = r.result?.sharedId;
        if (!sharedId) throw new Error(`nothing in the page matches ${selector}`);
        await b.send('input.performActions', {
          context: tab,
          actions: [{ type: 'pointer', id: 'mouse', actions: [
            { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: { sharedId } } },
            { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 },
          ] }],
        });
      },
      /** The inspected tab as a PNG. */
      screenshotPage: async () => Buffer.from((await b.send('browsingContext.captureScreenshot', { context: tab })).data, 'base64'),
    };
  } catch (e) {
    await close();
    throw e;
  }
}
