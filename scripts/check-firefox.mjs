#!/usr/bin/env node
// Before tests: is there a Firefox the add-on installs in (140 or later, its strict_min_version)? Say where, or say
// in one sentence how to get one.
import { execFileSync } from 'node:child_process';
import { findFirefox } from './lib/firefox.mjs';

const HOW = 'install Firefox ESR with `apt-get install -y firefox-esr` (as root, after apt-get update), or set CORS_LENS_FIREFOX to a Firefox executable';
const found = findFirefox();
if (!found) {
  console.error(`No Firefox found: ${HOW}.`);
  process.exit(1);
}
let version = '';
try {
  version = execFileSync(found, ['--version'], { encoding: 'utf8' }).trim().split('\n')[0];
} catch { /* reported below */ }
const major = Number(/Firefox (\d+)\./.exec(version)?.[1] ?? 0);
if (major < 140) {
  console.error(`${found} is not a Firefox 140 or later (it says "${version}"): ${HOW}.`);
  process.exit(1);
}
console.error(`Firefox: ${found} (${version})`);
