#!/usr/bin/env node
// Before tests: is there a Firefox the add-on installs in? Say where, or say in one sentence how to get one.
import { checkFirefox } from './lib/firefox-check.mjs';

const firefox = checkFirefox();
if ('problem' in firefox) {
  console.error(firefox.problem);
  process.exit(1);
}
console.error(`Firefox: ${firefox.executable} (${firefox.version})`);
