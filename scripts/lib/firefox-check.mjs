// Is there a Firefox the add-on installs in (140 or later, its strict_min_version)? Shared by npm test's check
// (scripts/check-firefox.mjs) and `npm start -- --firefox`, so both say the same one sentence when there is not.
import { execFileSync } from 'node:child_process';
import { findFirefox } from './firefox.mjs';

const HOW = 'install Firefox ESR with `apt-get install -y firefox-esr` (as root, after apt-get update), or set CORS_LENS_FIREFOX to a Firefox executable';

/** @returns {{ executable: string, version: string } | { problem: string }} */
export function checkFirefox() {
  const found = findFirefox();
  if (!found) return { problem: `No Firefox found: ${HOW}.` };
  let version = '';
  try {
    version = execFileSync(found, ['--version'], { encoding: 'utf8' }).trim().split('\n')[0] ?? '';
  } catch { /* reported below */ }
  const major = Number(/Firefox (\d+)\./.exec(version)?.[1] ?? 0);
  if (major < 140) return { problem: `${found} is not a Firefox 140 or later (it says "${version}"): ${HOW}.` };
  return { executable: found, version };
}
