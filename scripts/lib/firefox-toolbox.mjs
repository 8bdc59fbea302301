// The DevTools toolbox of a Firefox driven over WebDriver BiDi, and the CORS panel in it. The toolbox is browser
// chrome, so reaching it takes privileged script: Firefox must run with --remote-allow-system-access, and
// script.evaluate targets the browser window's chrome-scope context. The panel page itself runs in the extension
// process, out of reach of chrome-scope script; frame scripts loaded into its <browser> read and drive it.
// Shared by the e2e tests (scripts/lib/firefox.mjs), the recorder (--panel) and `npm start -- --firefox`.
import { waitFor } from './chromium.mjs';

// Chrome-scope prelude: the toolbox of the (only) tab and the CORS tool in it. The tool id is not stable
// ("webext-devtools-panel-<addon>-<n>"), the label is the title the devtools page gave panels.create.
const TOOLBOX = `
  const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
  const { gDevTools } = require('devtools/client/framework/devtools');
  const toolbox = gDevTools.getToolboxes()[0];
  const tool = toolbox?.getAdditionalTools().find((t) => t.label === 'CORS');
  const panelBrowser = () => toolbox.doc.getElementById('toolbox-panel-iframe-' + tool.id)?.contentDocument?.querySelector('browser');
`;

/** The browser window's chrome-scope context, to pass to `toolboxDriver`. @param {{send: (m: string, p?: object) => Promise<any>}} bidi */
export async function chromeWindowOf(bidi) {
  const { contexts } = await bidi.send('browsingContext.getTree', { maxDepth: 0, 'moz:scope': 'chrome' });
  const win = contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!win) throw new Error('no browser window in chrome scope (is Firefox running with --remote-allow-system-access?)');
  return win.context;
}

/**
 * @param {{send: (m: string, p?: object) => Promise<any>}} bidi
 * @param {string} chromeWindow  from chromeWindowOf
 */
export function toolboxDriver(bidi, chromeWindow) {
  /** Evaluate `body` (the statements of an async function, the toolbox prelude in scope) in chrome scope; JSON out. */
  const inChrome = async (body) => {
    const r = await bidi.send('script.evaluate', {
      expression: `(async () => { ${TOOLBOX} return JSON.stringify(await (async () => { ${body} })()); })()`,
      target: { context: chromeWindow }, awaitPromise: true, resultOwnership: 'none', 'moz:scope': 'chrome',
    });
    if (r.type !== 'success') throw new Error(`chrome-scope script failed: ${r.exceptionDetails?.text ?? JSON.stringify(r)}`);
    return r.result.value === undefined ? undefined : JSON.parse(r.result.value);
  };

  /**
   * Run `body` (the statements of an async function) inside the CORS panel page, in a frame script loaded into the
   * panel's <browser>: `content` is the panel's window and `document` its document (both through Xray wrappers).
   * What it returns comes back as JSON.
   */
  const inPanelFrame = (body, timeoutMs = 10000) => inChrome(`
    const browser = panelBrowser();
    if (!browser) throw new Error('the CORS panel has not been opened');
    const mm = browser.messageManager;
    const name = 'cors-lens-e2e:' + Math.random().toString(36).slice(2);
    const script = '(async () => { const document = content.document; ' + ${JSON.stringify(body)} + ' })()'
      + '.then((v) => sendAsyncMessage(' + JSON.stringify(name) + ', { ok: JSON.stringify(v) }), (e) => sendAsyncMessage(' + JSON.stringify(name) + ', { error: String(e) }))';
    const answer = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => { mm.removeMessageListener(name, on); reject(new Error('no answer from the panel')); }, ${timeoutMs});
      const on = (m) => { clearTimeout(timer); mm.removeMessageListener(name, on); resolve(m.data); };
      mm.addMessageListener(name, on);
      mm.loadFrameScript('data:,' + encodeURIComponent(script), false);
    });
    if (answer.error) throw new Error('in the panel: ' + answer.error);
    return answer.ok === undefined ? undefined : JSON.parse(answer.ok);
  `);

  /** Evaluate `expression` (`document` is the panel's) inside the CORS panel page. */
  const inPanel = (expression) => inPanelFrame(`return (${expression});`);

  return {
    inChrome,
    inPanel,
    inPanelFrame,
    /** The CORS tool is in the toolbox and the devtools page has asked for the network log (see src/devtools). */
    waitForDevtoolsPage: (ms = 20000) => waitFor('the CORS tool and the devtools page\'s network log', () => inChrome('return !!tool && !!toolbox._netMonitorAPI;'), ms, 50),
    /** Select the CORS tool and wait until the panel page has rendered the app. */
    showPanel: async (ms = 20000) => {
      await inChrome('await toolbox.selectTool(tool.id); return true;');
      await waitFor('the CORS panel to render', () => inPanel(`document.querySelector('.app[data-ready="true"]') !== null`).catch(() => false), ms, 100);
    },
    /**
     * A click as a user makes it, on the first element matching `selector`: trusted mouse events at its centre, so
     * what needs a user gesture (writing the clipboard) works as it does for a person.
     */
    click: (selector, clicks = 1) => inPanelFrame(`
      const el = document.querySelector(${JSON.stringify(selector)});
      if (!el) throw new Error('nothing matches ' + ${JSON.stringify(selector)});
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      // Window.synthesizeMouseEvent (chrome only): what Firefox's own test harness clicks with.
      const mouse = { button: 0, clickCount: ${clicks}, identifier: content.windowUtils.DEFAULT_MOUSE_POINTER_ID };
      content.synthesizeMouseEvent('mousedown', x, y, mouse, { isDOMEventSynthesized: false });
      content.synthesizeMouseEvent('mouseup', x, y, mouse, { isDOMEventSynthesized: false });
      return true;
    `),
    /** Hand the panel's "Import HAR…" file input a file, as choosing it in the file picker does. */
    chooseFile: (name, text) => inPanelFrame(`
      const input = document.querySelector('input[type="file"]');
      if (!input) throw new Error('no file input in the panel');
      const transfer = new content.DataTransfer();
      transfer.items.add(new content.File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new content.Event('change', { bubbles: true }));
      return input.files.length;
    `),
    /** The system clipboard's text (Firefox's own, also when headless). */
    clipboardText: () => inChrome(`
      const t = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
      t.init(null);
      t.addDataFlavor('text/plain');
      Services.clipboard.getData(t, Services.clipboard.kGlobalClipboard, window.browsingContext.currentWindowContext);
      const out = {};
      try { t.getTransferData('text/plain', out); } catch { return ''; }
      return out.value.QueryInterface(Ci.nsISupportsString).data;
    `),
    /**
     * The panel as a PNG (BiDi captureScreenshot refuses chrome contexts; drawSnapshot paints the remote page), and
     * the luminance (0-255) of its bottom-right corner's background, for the theme checks.
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
  };
}
