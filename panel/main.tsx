/**
 * Entry point of the panel page. Inside DevTools it captures the inspected page's network log; opened on its
 * own (no devtools API) it still analyses imported HAR files.
 */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { App } from './app';
import { startCapture } from './capture';
import { liveProducer } from './live-producer';
import { CaptureStore } from './store';
import { applyTheme, devtoolsTheme, followThemeChanges } from './theme';
import './styles.css';

const producer = liveProducer(location.protocol);
const firefox = producer.facts.family === 'firefox';
const store = new CaptureStore({ producer });
const network = typeof chrome !== 'undefined' && chrome.devtools?.network ? browser.devtools.network : null;

applyTheme(devtoolsTheme());
followThemeChanges();
const root = document.getElementById('app');
if (root) render(<App store={store} live={network !== null} />, root);

if (network) {
  // Chrome reports some requests before it has merged all their events; later reads of the log complete them.
  // Firefox's live entries equal its getHAR() entries, so its later reads look for requests never reported instead.
  // On the root element for scripts driving the panel, as for Firefox's backfill below: whether a read is due.
  if (!firefox) store.setRefetch(async () => ((await network.getHAR()) as { entries?: unknown[] }).entries ?? [], (state) => { document.documentElement.dataset.logRead = state; });
  void startCapture(
    {
      getHAR: () => network.getHAR() as Promise<{ entries?: unknown[]; pages?: unknown[] }>,
      onRequestFinished: network.onRequestFinished as unknown as { addListener(fn: (entry: unknown) => void): void },
      onNavigated: network.onNavigated,
    },
    { entries: (entries, pages) => store.add(entries, pages), missed: (entries) => store.addMissed(entries), navigated: () => store.navigated() },
    // On the root element for scripts driving the panel: Firefox records nothing the page starts during a read.
    { backfill: firefox, onBackfill: (state) => { document.documentElement.dataset.backfill = state; } },
  );
}
