// Store-ready archives of the built extension, named with package.json's version: one for the Chrome Web Store
// and Edge Add-ons, one for addons.mozilla.org, and their SHA-256 sums (sha256sum's format, so
// `sha256sum -c` checks them). Both archives are made by web-ext's build, the zipper addons.mozilla.org
// documents; it is a devDependency already, and one tool for both keeps the two archives alike.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import webExt from 'web-ext';

/** Fields of the dev build that a store refuses: the Chrome Web Store rejects an upload whose manifest has `key`. */
const DEV_ONLY = ['key'];

/** The Chrome build's manifest for the stores: the dev build's, without its fixed-id `key`. */
export function storeManifest(dev) {
  const m = { ...dev };
  for (const k of DEV_ONLY) delete m[k];
  return m;
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** Zip `sourceDir` as `outDir/filename` (replacing an older one) with web-ext; the archive's path. */
async function zip(sourceDir, outDir, filename) {
  const { extensionPath } = await webExt.cmd.build(
    { sourceDir, artifactsDir: outDir, filename, overwriteDest: true },
    { showReadyMessage: false, shouldExitProgram: false },
  );
  return extensionPath;
}

const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * Package `root`'s dist/extension and dist/firefox (run the build first) into `outDir`. Refuses a build whose
 * manifest version is not package.json's: that build is stale, and its archive would carry the wrong version.
 * @param {{root: string, outDir: string}} o
 * @returns {Promise<{version: string, chrome: string, firefox: string, sums: string}>}
 */
export async function packageRelease({ root, outDir }) {
  const { version } = readJson(path.join(root, 'package.json'));
  const builds = { chrome: path.join(root, 'dist/extension'), firefox: path.join(root, 'dist/firefox') };
  for (const dir of Object.values(builds)) {
    const file = path.join(dir, 'manifest.json');
    if (!fs.existsSync(file)) throw new Error(`${path.relative(root, dir)} is missing: run \`npm run build\` first`);
    const built = readJson(file).version;
    if (built !== version) throw new Error(`${path.relative(root, file)} has version ${built}, package.json ${version}: run \`npm run build\` again`);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const name = `cors-lens-${version}`;

  // The store copy differs from the dev build only in its manifest; it is staged outside dist so the dev build
  // (whose `key` the e2e tests and npm start rely on for a known extension id) stays as it is.
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lens-store-'));
  let chrome;
  try {
    fs.cpSync(builds.chrome, stage, { recursive: true });
    const file = path.join(stage, 'manifest.json');
    fs.writeFileSync(file, `${JSON.stringify(storeManifest(readJson(file)), null, 2)}\n`);
    chrome = await zip(stage, outDir, `${name}-chrome.zip`);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
  const firefox = await zip(builds.firefox, outDir, `${name}-firefox.zip`);

  const sums = path.join(outDir, `${name}.sha256`);
  fs.writeFileSync(sums, [chrome, firefox].map((f) => `${sha256(f)}  ${path.basename(f)}\n`).join(''));
  return { version, chrome, firefox, sums };
}
