/**
 * explainBrief, what the command line's JSON prints, says exactly what explain says in those four fields, on
 * every exchange of every recorded fixture (Chrome, Firefox, other producers): it only skips the rest.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { explain, explainBrief } from '../../src/explain';
import { analyseHar } from '../../src/har';

const DIRS = ['test/fixtures/chromium', 'test/fixtures/firefox', 'test/fixtures/producers/chrome-har', 'test/fixtures/producers/mitmproxy', 'test/fixtures/producers/playwright'];

test.each(DIRS.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.json') && f !== 'summary.json').map((f) => join(d, f))))('%s', (path) => {
  const har = (JSON.parse(readFileSync(path, 'utf8')) as { har: unknown }).har;
  for (const x of analyseHar(har).exchanges) {
    const e = explain(x);
    expect(explainBrief(x)).toEqual({ headline: e.headline, sendLine: e.sendLine, firefoxKey: e.firefoxKey, otherBrowser: e.otherBrowser });
  }
});
