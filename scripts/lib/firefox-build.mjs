// The Firefox add-on is the Chrome build with another manifest: the same bundles load in Firefox (module scripts,
// the devtools page, webextension-polyfill; see /work/shared/firefox-facts.md), so dist/firefox is a copy of
// dist/extension whose manifest.json is rewritten. A second vite run would bundle the same code again and take
// longer for the same files.
import fs from 'node:fs';
import path from 'node:path';

/** The add-on id: Manifest V3 add-ons need one (web-ext lint ADDON_ID_REQUIRED), and it keeps storage across reinstalls. */
export const FIREFOX_ADDON_ID = 'cors-lens@cors-lens.dev';

/** Fields only Chrome reads; Firefox warns about each when it installs the add-on. */
const CHROME_ONLY = ['key', 'minimum_chrome_version', 'update_url'];

/**
 * Firefox's manifest from Chrome's: Chrome-only fields dropped, `browser_specific_settings.gecko` added.
 * 140 is the first ESR that reads `data_collection_permissions` (Firefox's required declaration of what the add-on
 * collects: nothing).
 * @param {Record<string, unknown>} chrome
 */
export function firefoxManifest(chrome) {
  const m = { ...chrome };
  for (const k of CHROME_ONLY) delete m[k];
  m.browser_specific_settings = {
    gecko: {
      id: FIREFOX_ADDON_ID,
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    },
  };
  return m;
}

/** Copy the built Chrome extension to `to` (emptied first) and give it Firefox's manifest. */
export function writeFirefoxBuild(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
  const file = path.join(to, 'manifest.json');
  fs.writeFileSync(file, `${JSON.stringify(firefoxManifest(JSON.parse(fs.readFileSync(file, 'utf8'))), null, 2)}\n`);
}

/**
 * Vite plugin: after the extension is written, derive the Firefox add-on from it, so `vite build` (and with it
 * `npm run build`) always leaves both, built from the same bundles.
 * @param {string} to
 * @returns {import('vite').Plugin}
 */
export function firefoxBuild(to) {
  let outDir = '';
  return {
    name: 'cors-lens-firefox-build',
    apply: 'build',
    configResolved(c) { outDir = path.resolve(c.root, c.build.outDir); },
    closeBundle: {
      order: 'post',
      handler() { writeFirefoxBuild(outDir, path.resolve(to)); },
    },
  };
}
