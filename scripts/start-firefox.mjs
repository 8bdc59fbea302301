// `npm start -- --firefox`: the demo in Firefox, as `npm start` runs it in Chromium (scripts/start.mjs). Serves the
// demo, starts Firefox with DevTools open (--devtools) and the add-on (dist/firefox) installed over WebDriver BiDi
// (webExtension.install), shows the CORS panel and clicks the "Start here" cases. With a display Firefox stays open
// until Ctrl-C; without one it runs headless, photographs the panel into ./screenshots/ (firefox-*.png) and exits.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASES, FEATURED, startZoo } from '../test/zoo/server.mjs';
import { waitFor } from './lib/chromium.mjs';
import { attachDevtoolsPage } from './lib/firefox-devtools.mjs';
import { launchFirefox } from './lib/firefox.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shotsDir = path.join(root, 'screenshots');

/** @param {string} executable a Firefox 140 or later (scripts/lib/firefox-check.mjs) */
export async function startFirefox(executable) {
  const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const zoo = await startZoo();
  console.log(`demo: page ${zoo.pageOrigin}/ (a menu of ${CASES.length} cases), API ${zoo.apiOrigin}`);
  const ff = await launchFirefox({ extensionDir: path.join(root, 'dist/firefox'), executable, headless });
  const stop = async () => {
    await ff.close();
    await zoo.close();
  };
  try {
    await ff.waitForDevtoolsPage();
    await waitFor('the demo page', async () => {
      await ff.navigate(`${zoo.pageOrigin}/`);
      return ff.inPage('window.zooReady === true');
    }, 30000, 100);
    await ff.showPanel();
    console.log('Firefox is up with the add-on installed and the CORS panel shown in DevTools.');
    // The credentialed cases send the demo's cookie, as a logged-in page would.
    await ff.bidi.send('storage.setCookie', { cookie: { name: 'zoo_session', value: { type: 'string', value: 'abc123' }, domain: '127.0.0.1', path: '/' } });
    for (const id of FEATURED) {
      const out = `button[data-case="${id}"] ~ span.out`;
      await ff.clickInPage(`button[data-case="${id}"]`);
      const text = await waitFor(`case ${id} to finish`, async () => {
        const t = await ff.inPage(`document.querySelector(${JSON.stringify(out)})?.textContent ?? ''`);
        return !['', '…'].includes(t) && t;
      }, 15000, 50);
      console.log(`  clicked ${id}: ${text}`);
    }
    // Firefox does not report a request blocked at its preflight live; the panel reads it from the log once the
    // page is quiet (panel/missed-requests.ts).
    await waitFor('the panel to list the demo requests', async () => (
      await ff.inPanel(`Number(document.querySelector('.app')?.dataset.total ?? 0) >= ${FEATURED.length} && (document.documentElement.dataset.backfill ?? 'idle') === 'idle'`)
    ), 15000, 100);
    const blocked = Number(await ff.inPanel(`document.querySelector('.summary')?.dataset.blocked ?? 0`));
    const total = await ff.inPanel(`document.querySelectorAll('.rows .row').length`);
    console.log(`\nThe CORS panel lists ${total} exchanges, ${blocked} blocked.`);

    fs.mkdirSync(shotsDir, { recursive: true });
    const devtools = await attachDevtoolsPage(ff.bidi, ff.extensionId);
    const harFile = path.join(shotsDir, 'firefox-demo.har');
    fs.writeFileSync(harFile, JSON.stringify({ log: await devtools.getHAR() }, null, 1));
    console.log(`The same capture as Firefox's HAR file: ${path.relative(root, harFile)} (try: npm run cors-lens -- check ${path.relative(root, harFile)})`);

    const firstBlocked = '.rows .row[data-verdict="blocked"]';
    if (headless) {
      const list = path.join(shotsDir, 'firefox-panel-list.png');
      fs.writeFileSync(list, (await ff.snapshotPanel()).png);
      await ff.click(firstBlocked);
      await waitFor('the detail of a blocked exchange', () => ff.inPanel(`document.querySelector('.detail') !== null`));
      const detail = path.join(shotsDir, 'firefox-panel-blocked-detail.png');
      fs.writeFileSync(detail, (await ff.snapshotPanel()).png);
      await ff.inPage('window.scrollTo(0, 0)');
      const page = path.join(shotsDir, 'firefox-demo-page.png');
      fs.writeFileSync(page, await ff.screenshotPage());
      console.log(`\nNo display, so Firefox ran headless. Screenshots in ${path.relative(root, shotsDir)}/:`);
      for (const f of [list, detail, page]) console.log(`  ${path.relative(root, f)}`);
      await stop();
      return;
    }
    await ff.click(firstBlocked);
    console.log('\nClick more cases in the demo page and watch the CORS panel. Press Ctrl-C to stop.');
    await new Promise((resolve) => process.once('SIGINT', resolve));
    await stop();
  } catch (e) {
    await stop();
    throw e;
  }
}
