#!/usr/bin/env node
// `npm run package` (after the build): the store archives and their checksums in release/ (scripts/lib/package.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRelease } from './lib/package.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'release');
try {
  const r = await packageRelease({ root, outDir });
  for (const [what, file] of [['Chrome Web Store, Edge Add-ons', r.chrome], ['addons.mozilla.org', r.firefox], ['SHA-256 sums', r.sums]]) {
    console.log(`${path.relative(root, file)}  ${(fs.statSync(file).size / 1024).toFixed(1)} KiB  (${what})`);
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
