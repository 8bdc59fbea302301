#!/usr/bin/env node
// `npm start`: CORS Lens for real. Serves the demo (a page and an API on two loopback origins, the page a menu
// of broken and working CORS cases), opens Chromium with the built extension loaded and DevTools on the demo,
// shows the CORS panel and clicks the "Start here" cases. With a display Chromium stays open for you to click
// more, until Ctrl-C; without one it runs headless, writes screenshots of the panel to ./screenshots/, and exits.
// `npm start -- --firefox` does the same in Firefox (scripts/start-firefox.mjs).
//
// The browser is checked before the build, so a missing one costs one sentence, not a build: here rather than in
// package.json, because npm hands `--firefox` to the last command of a script only.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASES, FEATURED, startZoo } from '../test/zoo/server.mjs';
import { findChromium, launchWithDevtools, showPanel, waitFor } from './lib/chromium.mjs';
import { checkFirefox } from './lib/firefox-check.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shotsDir = path.join(root, 'screenshots');

function build() {
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}

async function main(argv) {
  const unknown = argv.filter((a) => a !== '--firefox');
  if (unknown.length > 0) {
    console.error(`npm start: unknown argument ${unknown[0]} (the only one is --firefox: npm start -- --firefox)`);
    process.exit(1);
  }
  if (argv.includes('--firefox')) {
    const firefox = checkFirefox();
    if ('problem' in firefox) {
      console.error(firefox.problem);
      process.exit(1);
    }
    console.error(`Firefox: ${firefox.executable} (${firefox.version})`);
    build();
    const { startFirefox } = await import('./start-firefox.mjs');
    await startFirefox(firefox.executable);
    return;
  }
  const executable = findChromium();
  if (!executable) {
    console.error('No Chromium found: install one with `apt-get install -y chromium` (as root, after apt-get update), or set CORS_LENS_CHROMIUM to a Chromium executable.');
    process.exit(1);
  }
  console.error(`Chromium: ${executable}`);
  build();
  const extensionDir = path.join(root, 'dist/extension');
  const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const zoo = await startZoo();
  console.log(`demo: page ${zoo.pageOrigin}/ (a menu of ${CASES.length} cases), API ${zoo.apiOrigin}`);
  // Headless, DevTools gets a window of its own so the screenshots show the panel at full size.
  const session = await launchWithDevtools({ extensionDir, executable, headless, undocked: headless, log: () => {} });
  const stop = async () => {
    await session.close();
    await zoo.close();
  };
  try {
    const { devtools, inspected, extFrame } = session;
    // Start-up race (e2e-in-chromium.md): the extension is up; navigate until the demo page really is.
    await waitFor('the demo page', async () => {
      try { await inspected.goto(`${zoo.pageOrigin}/`, { timeout: 8000 }); } catch { return false; }
      return inspected.evaluate(() => window.zooReady === true);
    }, 30000, 100);
    const panel = await showPanel(devtools);
    console.log('Chromium is up with the extension loaded and the CORS panel shown in DevTools.');
    // Click the "Start here" cases in the demo page, as a user would.
    for (const id of FEATURED) {
      const button = inspected.locator(`button[data-case="${id}"]`).first();
      await button.click();
      const out = button.locator('xpath=following-sibling::span[contains(@class,"out")]');
      await waitFor(`case ${id} to finish`, async () => !['', '…'].includes((await out.textContent()) ?? ''), 15000, 50);
      console.log(`  clicked ${id}: ${await out.textContent()}`);
    }
    // Every finished request is in DevTools' log: the panel is done once it lists the CORS exchanges the engine
    // finds there (a case can make two requests, and the last may still be on its way to the panel).
    const har = await extFrame.evaluate(() => new Promise((resolve) => chrome.devtools.network.getHAR(resolve)));
    const { analyseHar } = await import('../dist/cli/engine.mjs');
    const expected = analyseHar({ log: har }).exchanges.filter((x) => x.evaluation.verdict !== 'not-cors').length;
    await waitFor('the panel to list the demo requests', async () => Number(await panel.locator('.list').getAttribute('data-rows')) >= expected, 15000, 100);
    const blocked = Number(await panel.locator('.summary').getAttribute('data-blocked'));
    const total = await panel.locator('.rows .row').count();
    console.log(`\nThe CORS panel lists ${total} exchanges, ${blocked} blocked.`);

    fs.mkdirSync(shotsDir, { recursive: true });
    const harFile = path.join(shotsDir, 'demo.har');
    fs.writeFileSync(harFile, JSON.stringify({ log: har }, null, 1));
    console.log(`The same capture as a HAR file: ${path.relative(root, harFile)} (try: npm run cors-lens -- check ${path.relative(root, harFile)})`);
    console.log(`  and export one exchange for a bug report: npm run cors-lens -- export ${path.relative(root, harFile)} --exchange <n> --as curl|curl-cmd|curl-powershell|fetch|markdown`);

    if (headless) {
      const list = path.join(shotsDir, 'panel-list.png');
      await devtools.screenshot({ path: list });
      await panel.locator('.rows .row[data-verdict="blocked"]').first().click();
      await panel.locator('.detail').waitFor();
      await devtools.mouse.move(1, 1);
      const detail = path.join(shotsDir, 'panel-blocked-detail.png');
      await devtools.screenshot({ path: detail });
      const page = path.join(shotsDir, 'demo-page.png');
      await inspected.screenshot({ path: page });
      const card = await saveCard(session, panel, path.join(shotsDir, 'card.png'));
      // The server policy for everything the demo asked of its API, as a backend developer would read it.
      await panel.locator('[data-view="policy"]').click();
      const pass = panel.locator('.policy-view .pass-count');
      await pass.waitFor();
      const policy = path.join(shotsDir, 'panel-policy.png');
      await devtools.screenshot({ path: policy });
      console.log(`Server policy for ${await panel.locator('.policy-view').getAttribute('data-target')}: ${await pass.innerText()} (npm run cors-lens -- policy ${path.relative(root, harFile)}).`);
      console.log(`\nNo display, so Chromium ran headless. Screenshots in ${path.relative(root, shotsDir)}/:`);
      for (const f of [list, detail, page, card, policy]) console.log(`  ${path.relative(root, f)}`);
      await stop();
      return;
    }
    await panel.locator('.rows .row[data-verdict="blocked"]').first().click();
    console.log('\nClick more cases in the demo page and watch the CORS panel. Press Ctrl-C to stop.');
    await new Promise((resolve) => process.once('SIGINT', resolve));
    await stop();
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Clicks the panel's "Save image" and moves the downloaded PNG card to `target`. */
async function saveCard(session, panel, target) {
  const dir = fs.mkdtempSync(path.join(shotsDir, '.download-'));
  try {
    const cdp = await session.browser.newBrowserCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
    await panel.locator('[data-export="save-image"]').click();
    const file = await waitFor('the PNG card download', () => fs.readdirSync(dir).find((f) => f.endsWith('.png')), 15000, 100);
    fs.renameSync(path.join(dir, file), target);
    return target;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(`npm start failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
