#!/usr/bin/env node
// `npm start`: CORS Lens for real. Serves the demo (the zoo: a page and an API on loopback origins with
// broken and working CORS endpoints), opens Chromium with the built extension loaded and DevTools on the demo,
// shows the CORS panel, runs a handful of cases, and prints the engine's diagnosis of the HAR the extension
// received. With a display Chromium stays open until Ctrl-C; without one it runs headless, writes screenshots
// of DevTools with the panel to ./screenshots/, and exits.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startZoo } from '../test/zoo/server.mjs';
import { EXTENSION_ID, findChromium, launchWithDevtools, waitFor } from './lib/chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_CASES = [
  ['s-get-exact', 'GET, Access-Control-Allow-Origin names the page: allowed'],
  ['s-get-no-acao', 'GET, no Access-Control-Allow-Origin: blocked'],
  ['s-get-localhost', 'GET, server allows http://localhost instead of 127.0.0.1: blocked'],
  ['s-get-two-identical', 'GET, proxy and app both add the header: blocked'],
  ['s-get-500-no-acao', 'GET answered 500 without CORS headers: blocked, hides the real error'],
  ['cr-star-acac', "credentials: 'include' with Access-Control-Allow-Origin *: blocked"],
  ['t-three-headers-one-allowed', 'GET with three custom headers, the preflight allows one: blocked'],
  ['r-cross-to-third-page', 'redirect to a third origin, Origin becomes null: blocked'],
  ['m-600-twice', 'PUT twice with Access-Control-Max-Age: 600, second preflight from cache: allowed'],
  ['w-auth-star', 'Authorization covered by Allow-Headers *: allowed, with a deprecation warning'],
];

async function main() {
  const executable = findChromium();
  if (!executable) {
    console.error('No Chromium found: install one with `apt-get install -y chromium` (as root), or set CORS_LENS_CHROMIUM to a Chromium executable.');
    process.exit(1);
  }
  const extensionDir = path.join(root, 'dist/extension');
  const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const zoo = await startZoo();
  console.log(`demo: page ${zoo.pageOrigin}, API ${zoo.apiOrigin}`);
  const session = await launchWithDevtools({ extensionDir, executable, headless, log: (s) => console.log(s) });
  const stop = async () => {
    await session.close();
    await zoo.close();
  };
  try {
    const { devtools, inspected, extFrame } = session;
    await inspected.goto(`${zoo.pageOrigin}/`);
    await waitFor('the demo page', () => inspected.evaluate(() => typeof window.runCase === 'function'), 15000);
    // The panel id is the extension origin followed by the panel title without spaces (e2e-in-chromium.md).
    await devtools.evaluate((id) => globalThis.DevToolsAPI.showPanel(id), `chrome-extension://${EXTENSION_ID}CORS`);
    for (const [id, what] of DEMO_CASES) {
      const result = await inspected.evaluate(([c, n]) => window.runCase(c, n), [id, `demo-${Date.now()}`]);
      console.log(`  ran ${id}: ${what}${JSON.stringify(result).includes('error') ? '  (fetch failed in the page)' : ''}`);
    }
    const har = await extFrame.evaluate(() => new Promise((resolve) => chrome.devtools.network.getHAR(resolve)));
    const harFile = path.join(root, 'screenshots', 'demo.har');
    fs.mkdirSync(path.dirname(harFile), { recursive: true });
    fs.writeFileSync(harFile, JSON.stringify({ log: har }, null, 1));
    const { run } = await import('../dist/cli/cors-lens.mjs');
    console.log(`\nCORS Lens on the ${har.entries.length} requests the extension captured (${path.relative(root, harFile)}):\n`);
    run(['check', harFile], { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), isTty: process.stdout.isTTY === true, env: process.env });
    if (headless) {
      const shot = path.join(root, 'screenshots', 'devtools-cors-panel.png');
      await devtools.screenshot({ path: shot });
      console.log(`\nno display: ran headless; screenshot of DevTools with the CORS panel: ${path.relative(root, shot)}`);
      await stop();
      return;
    }
    console.log('\nChromium is open with DevTools on the demo. Press Ctrl-C to stop.');
    await new Promise((resolve) => process.once('SIGINT', resolve));
    await stop();
  } catch (e) {
    await stop();
    throw e;
  }
}

main().catch((e) => {
  console.error(`npm start failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
