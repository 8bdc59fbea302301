#!/usr/bin/env node
// Before tests or the demo: is there a Chromium that loads unpacked extensions? Say where, or say in one
// sentence how to get one (branded Google Chrome ignores --load-extension, so it does not count).
// `--curl` (tests): the export round trip runs real curl too.
import { execFileSync } from 'node:child_process';
import { findChromium } from './lib/chromium.mjs';

const found = findChromium();
if (!found) {
  console.error('No Chromium found: install one with `apt-get install -y chromium` (as root, after apt-get update), or set CORS_LENS_CHROMIUM to a Chromium executable.');
  process.exit(1);
}
console.error(`Chromium: ${found}`);
if (process.argv.includes('--curl')) {
  try {
    execFileSync('curl', ['--version'], { stdio: 'ignore' });
  } catch {
    console.error('No curl found: the export tests run real curl; install it with `apt-get install -y curl` (as root).');
    process.exit(1);
  }
}
