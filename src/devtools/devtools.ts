import browser from 'webextension-polyfill';

// The devtools page lives as long as DevTools is open for the tab; its only job is to add the panel.
// The panel title doubles as part of the id DevTools gives the panel ("chrome-extension://<id>CORS").
void browser.devtools.panels.create('CORS', '', '/panel/index.html');
