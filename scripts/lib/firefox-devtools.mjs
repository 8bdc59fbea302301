// Reaching the extension's devtools page in Firefox from WebDriver BiDi. Needs Firefox started with
// --devtools (a toolbox per tab, which starts the extension's devtools_page) and --remote-allow-system-access
// (BiDi script.evaluate in the browser window, `"moz:scope": "chrome"`).
//
// The devtools page is a hidden extension page in the extension process, not a BiDi browsing context. From
// the browser window we find it among the extension's views (viewType "devtools_page") and load a frame
// script into its <browser>: the frame script calls the page's own `browser.devtools.network` API, so what it
// returns is exactly what the extension gets. It registers an onRequestFinished listener and calls getHAR() at
// once: Firefox's network log for extensions starts collecting when one of the two is first used, and
// onRequestFinished only reports requests finished after its listener was added.
//
// The browser window also keeps a Services.console listener: every CORS message with its key (the message
// category), warnings included (BiDi's log.entryAdded forwards errors only), and reads the Network Monitor's
// own per-request record behind getHAR() (its `blockedReason`, 1001..1015 for CORS).

/** Runs in the browser window (chrome scope). `__EXTID__` is replaced by the extension id. */
const CHROME_SETUP = `(async () => {
  const extId = __EXTID__;
  const policy = WebExtensionPolicy.getByID(extId);
  if (!policy) throw new Error('extension ' + extId + ' is not installed');
  const ext = policy.extension;
  let view;
  for (let i = 0; i < 200 && !view; i++) {
    view = [...ext.views].find((v) => v.viewType === 'devtools_page' && v.xulBrowser);
    if (!view) await new Promise((r) => setTimeout(r, 50));
  }
  if (!view) throw new Error('the devtools page of ' + extId + ' did not start (is Firefox running with --devtools?)');
  const mm = view.xulBrowser.messageManager;
  const consoleMsgs = [];
  const listener = { observe(m) {
    let e;
    try { e = m.QueryInterface(Ci.nsIScriptError); } catch { return; }
    if (!/^CORS/.test(e.category)) return;
    consoleMsgs.push({ category: e.category, text: e.errorMessage, warning: !!(e.flags & Ci.nsIScriptError.warningFlag), timeStamp: e.timeStamp });
  } };
  Services.console.registerListener(listener);
  let seq = 0;
  const pending = new Map();
  mm.addMessageListener('corslens:reply', (m) => {
    const p = pending.get(m.data.seq);
    if (!p) return;
    pending.delete(m.data.seq);
    if (m.data.error) p.reject(new Error(m.data.error)); else p.resolve(m.data.value);
  });
  const ask = (cmd) => new Promise((resolve, reject) => {
    const s = ++seq;
    pending.set(s, { resolve, reject });
    mm.sendAsyncMessage('corslens:cmd', { seq: s, cmd });
  });
  // The frame script, in the devtools page's process. Values cross as JSON text made in the page itself.
  const frameScript = function () {
    const w = content.wrappedJSObject;
    const net = w.browser.devtools.network;
    const finished = [];
    net.onRequestFinished.addListener(Cu.exportFunction((e) => { finished.push('{"receivedAt":' + Date.now() + ',"entry":' + w.JSON.stringify(e) + '}'); }, content));
    const first = net.getHAR();
    addMessageListener('corslens:cmd', (m) => {
      const { seq, cmd } = m.data;
      const reply = (value) => sendAsyncMessage('corslens:reply', { seq, value });
      const fail = (e) => sendAsyncMessage('corslens:reply', { seq, error: String(e) });
      try {
        if (cmd === 'getHAR') net.getHAR().then(Cu.exportFunction((h) => reply(w.JSON.stringify(h)), content), Cu.exportFunction(fail, content));
        else if (cmd === 'finished') reply('[' + finished.join(',') + ']');
        else if (cmd === 'clearFinished') { finished.length = 0; reply('ok'); }
        else if (cmd === 'location') reply(String(content.location.href));
        else fail('unknown command ' + cmd);
      } catch (e) { fail(e); }
    });
    first.then(Cu.exportFunction(() => sendAsyncMessage('corslens:ready', {}), content), Cu.exportFunction((e) => sendAsyncMessage('corslens:ready', { error: String(e) }), content));
  };
  const ready = new Promise((resolve, reject) => {
    const l = (m) => { mm.removeMessageListener('corslens:ready', l); if (m.data.error) reject(new Error(m.data.error)); else resolve(); };
    mm.addMessageListener('corslens:ready', l);
  });
  mm.loadFrameScript('data:,' + encodeURIComponent('(' + frameScript + ')()'), false);
  await ready;
  const toolbox = view.devToolsToolbox;
  window.__corsLensRecorder = {
    getHAR: () => ask('getHAR'),
    finished: () => ask('finished'),
    clearFinished: () => ask('clearFinished'),
    location: () => ask('location'),
    console: () => JSON.stringify(consoleMsgs),
    clearConsole: () => { consoleMsgs.length = 0; return 'ok'; },
    netmonitor: async () => {
      const api = await toolbox.getNetMonitorAPI();
      return JSON.stringify(api.store.getState().requests.requests.map((r) => ({
        id: r.id, method: r.method, url: r.url, status: r.status ?? null, blockedReason: r.blockedReason ?? null,
        cause: r.cause?.type ?? null, isXHR: !!r.isXHR, startedMs: r.startedMs ?? null,
      })));
    },
  };
  return view.uri.spec;
})()`;

/**
 * @param {import('./bidi.mjs').Bidi} bidi
 * @param {string} extensionId
 */
export async function attachDevtoolsPage(bidi, extensionId) {
  const { contexts } = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const win = contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml') ?? contexts[0];
  if (!win) throw new Error('no browser window in chrome scope (is Firefox running with --remote-allow-system-access?)');
  /** @param {string} expression */
  const evaluate = async (expression) => {
    const r = await bidi.send('script.evaluate', { expression, target: { context: win.context }, awaitPromise: true, resultOwnership: 'none' });
    if (r.type === 'exception') throw new Error(`chrome-scope evaluation failed: ${r.exceptionDetails?.text ?? JSON.stringify(r.exceptionDetails).slice(0, 500)}`);
    return r.result?.value;
  };
  const pageUrl = await evaluate(CHROME_SETUP.replace('__EXTID__', JSON.stringify(extensionId)));
  const call = (name) => evaluate(`window.__corsLensRecorder.${name}()`);
  return {
    /** the devtools page's URL (moz-extension://<uuid>/src/devtools/devtools.html) */
    pageUrl,
    /** browser.devtools.network.getHAR() in the devtools page: the HAR log object */
    getHAR: async () => JSON.parse(await call('getHAR')),
    /** every onRequestFinished entry the devtools page received since the last clear: {receivedAt, entry} */
    finished: async () => JSON.parse(await call('finished')),
    clearFinished: () => call('clearFinished'),
    /** CORS messages from Services.console: {category (the key), text, warning, timeStamp} */
    console: async () => JSON.parse(await call('console')),
    clearConsole: () => call('clearConsole'),
    /** the Network Monitor's request records behind getHAR(): {id, method, url, status, blockedReason, cause, ...} */
    netmonitor: async () => JSON.parse(await call('netmonitor')),
  };
}
