// Firefox with the built add-on and DevTools open, driven over WebDriver BiDi (no geckodriver: see
// /work/shared/firefox-facts.md). The CORS panel lives in DevTools, which is browser chrome, so reaching it takes
// privileged script: Firefox is started with --remote-allow-system-access and the toolbox is driven with
// script.evaluate in the browser window's chrome-scope context. The panel page itself runs in the extension
// process, out of reach of chrome-scope script; a one-off frame script loaded into its <browser> reads it.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectBidi } from './bidi.mjs';
import { waitFor } from './chromium.mjs';

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

// Chrome-scope prelude: the toolbox of the (only) tab and the CORS tool in it. The tool id is not stable
// ("webext-devtools-panel-<addon>-<n>"), the label is the title the devtools page gave panels.create.
const TOOLBOX = `
  const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
  const { gDevTools } = require('devtools/client/framework/devtools');
  const toolbox = gDevTools.getToolboxes()[0];
  const tool = toolbox?.getAdditionalTools().find((t) => t.label === 'CORS');
  const panelBrowser = () => toolbox.doc.getElementById('toolbox-panel-iframe-' + tool.id)?.contentDocument?.querySelector('browser');
`;

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
      try { await Promise.race([bidi?.send('browser.close'), new Promise((r) => setTimeout(r, 3000))]); } catch { /* already closing */ }
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
    const url = await Promise.race([gotUrl, new Promise((_, rej) => setTimeout(() => rej(new Error('Firefox did not start WebDriver BiDi within 30 s')), 30000))]);
    log(`Firefox listening for BiDi on ${url}`);
    bidi = await connectBidi(`${url}/session`);
    const session = await bidi.send('session.new', { capabilities: {} });
    const type = /\.(zip|xpi)$/i.test(extensionDir) ? 'archivePath' : 'path';
    const { extension } = await bidi.send('webExtension.install', { extensionData: { type, path: path.resolve(extensionDir) } });
    const tab = (await bidi.send('browsingContext.getTree', { maxDepth: 0 })).contexts[0].context;
    const chromeWindow = (await bidi.send('browsingContext.getTree', { maxDepth: 0, 'moz:scope': 'chrome' })).contexts
      .find((c) => c.url === 'chrome://browser/content/browser.xhtml').context;
    const b = bidi;

    /** Evaluate `body` (the statements of an async function, the toolbox prelude in scope) in chrome scope; JSON out. */
    const inChrome = async (body) => {
      const r = await b.send('script.evaluate', {
        expression: `(async () => { ${TOOLBOX} return JSON.stringify(await (async () => { ${body} })()); })()`,
        target: { context: chromeWindow }, awaitPromise: true, resultOwnership: 'none', 'moz:scope': 'chrome',
      });
      if (r.type !== 'success') throw new Error(`chrome-scope script failed: ${r.exceptionDetails?.text ?? JSON.stringify(r)}`);
      return r.result.value === undefined ? undefined : JSON.parse(r.result.value);
    };
    /** Evaluate `expression` in the inspected tab, awaiting a promise; its JSON-able value out. */
    const inPage = async (expression) => {
      const r = await b.send('script.evaluate', { expression: `(async () => JSON.stringify(await (${expression})))()`, target: { context: tab }, awaitPromise: true, resultOwnership: 'none' });
      if (r.type !== 'success') throw new Error(`page script failed: ${r.exceptionDetails?.text ?? JSON.stringify(r)}`);
      return r.result.value === undefined ? undefined : JSON.parse(r.result.value);
    };
    /**
     * Evaluate `expression` (`document` is the panel's) inside the CORS panel page: a frame script, loaded once into
     * the panel's <browser>, computes it in the extension process and posts the JSON back.
     */
    const inPanel = (expression) => inChrome(`
      const browser = panelBrowser();
      if (!browser) throw new Error('the CORS panel has not been opened');
      const mm = browser.messageManager;
      const name = 'cors-lens-e2e:' + Math.random().toString(36).slice(2);
      const script = 'sendAsyncMessage(' + JSON.stringify(name) + ', (() => { try { const document = content.document; return { ok: JSON.stringify(' + ${JSON.stringify(expression)} + ') }; } catch (e) { return { error: String(e) }; } })())';
      const answer = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => { mm.removeMessageListener(name, on); reject(new Error('no answer from the panel')); }, 5000);
        const on = (m) => { clearTimeout(timer); mm.removeMessageListener(name, on); resolve(m.data); };
        mm.addMessageListener(name, on);
        mm.loadFrameScript('data:,' + encodeURIComponent(script), false);
      });
      if (answer.error) throw new Error('in the panel: ' + answer.error);
      return answer.ok === undefined ? undefined : JSON.parse(answer.ok);
    `);
    return {
      bidi: b, session, extensionId: extension, tab, chromeWindow, profile, inChrome, inPage, inPanel, close,
      /** The CORS tool is in the toolbox and the devtools page has asked for the network log (see src/devtools). */
      waitForDevtoolsPage: (ms = 20000) => waitFor('the CORS tool and the devtools page\'s network log', () => inChrome('return !!tool && !!toolbox._netMonitorAPI;'), ms, 50),
      /** Select the CORS tool and wait until the panel page has rendered the app. */
      showPanel: async (ms = 20000) => {
        await inChrome('await toolbox.selectTool(tool.id); return true;');
        await waitFor('the CORS panel to render', () => inPanel(`document.querySelector('.app[data-ready="true"]') !== null`).catch(() => false), ms, 100);
      },
      /**
       * The panel as a PNG (BiDi captureScreenshot refuses chrome contexts; drawSnapshot paints the remote page), and
       * the luminance (0-255) of its top-left corner's background, for the theme checks.
       */
      snapshotPanel: async () => {
        const r = await inChrome(`
          const bitmap = await panelBrowser().browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
          const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
          canvas.width = bitmap.width;
          canvas.height = bitmap.height;
          const g = canvas.getContext('2d');
          g.drawImage(bitmap, 0, 0);
          const [r, gr, b] = g.getImageData(canvas.width - 3, canvas.height - 3, 1, 1).data;
          return { width: bitmap.width, height: bitmap.height, corner: Math.round(0.2126 * r + 0.7152 * gr + 0.0722 * b), png: canvas.toDataURL('image/png').split(',')[1] };
        `);
        return { ...r, png: Buffer.from(r.png, 'base64') };
      },
      setPref: (name, value) => inChrome(`Services.prefs.set${typeof value === 'number' ? 'Int' : typeof value === 'boolean' ? 'Bool' : 'String'}Pref(${JSON.stringify(name)}, ${JSON.stringify(value)}); return true;`),
      navigate: (url) => b.send('browsingContext.navigate', { context: tab, url, wait: 'complete' }),
    };
  } catch (e) {
    await close();
    throw e;
  }
}
