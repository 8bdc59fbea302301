import browser from 'webextension-polyfill';

// The devtools page lives as long as DevTools is open for the tab; its job is to add the panel.
// The panel title doubles as part of the id DevTools gives the panel ("chrome-extension://<id>CORS").
void browser.devtools.panels.create('CORS', '/icons/icon-32.png', '/panel/index.html');

// Firefox records the inspected page's network for extensions only once something asks for it: a panel that
// starts listening when the user first opens it finds getHAR() empty, while Chrome has logged every request since
// DevTools opened. Asking at start-up (a listener and one getHAR()) starts Firefox's log, so the panel lists what
// happened before it was opened, as in Chrome (firefox-facts.md). Firefox only (its extension pages are
// moz-extension: URLs): Chrome would send every finished request to this page for nothing.
if (location.protocol === 'moz-extension:') {
  browser.devtools.network.onRequestFinished.addListener(() => {});
  void browser.devtools.network.getHAR().catch(() => {});
}
