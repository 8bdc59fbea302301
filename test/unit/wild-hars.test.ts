/**
 * Real HAR files from other projects, as users attach them (test/fixtures/wild, and every file of
 * ../shared/wild-hars when that folder is there). None of their requests was blocked by a browser, so any
 * "blocked" is a false alarm; every file but the two that are not HARs must be read.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyseHarText, HarError } from '../../src/har';

const DIRS = ['test/fixtures/wild', '../shared/wild-hars'];
const NOT_HARS = new Set(['hv-selenium_tests_hars_not-json.har', 'hv-selenium_tests_hars_not-valid.har']);

const files = new Map<string, string>();
for (const dir of DIRS) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir)) if (f.endsWith('.har')) files.set(f, join(dir, f));
}

describe('real-world HAR files', () => {
  test('the copies in test/fixtures/wild are all there', () => {
    expect(readdirSync('test/fixtures/wild').filter((f) => f.endsWith('.har')).length).toBe(17);
  });

  test.each([...files].filter(([f]) => !NOT_HARS.has(f)))('%s: read, and nothing called blocked', (_name, path) => {
    const a = analyseHarText(readFileSync(path, 'utf8'));
    expect(a.totalEntries).toBeGreaterThan(0);
    const blocked = a.exchanges.filter((x) => x.evaluation.verdict === 'blocked').map((x) => `${x.method} ${x.url} ${x.evaluation.error?.code}`);
    expect(blocked).toEqual([]);
  });

  test.each([...NOT_HARS].filter((f) => files.has(f)))('%s: refused in one line', (name) => {
    expect(() => analyseHarText(readFileSync(files.get(name) as string, 'utf8'))).toThrow(HarError);
  });

  test('the producers are recognised, not all taken for Chrome', () => {
    const ids = new Set([...files].filter(([f]) => !NOT_HARS.has(f)).map(([, p]) => analyseHarText(readFileSync(p, 'utf8')).capture.producer.id));
    for (const id of ['chrome-devtools', 'proxy', 'http-client', 'har-library', 'chrome-har', 'webpagetest', 'firebug']) expect(ids, id).toContain(id);
  });

  test('WebSockets, non-browser clients and no-cors loads say why they are not CORS', () => {
    const reasons = new Set<string>();
    for (const [f, p] of files) {
      if (NOT_HARS.has(f)) continue;
      for (const x of analyseHarText(readFileSync(p, 'utf8')).exchanges) if (x.notCors) reasons.add(x.notCors);
    }
    for (const r of ['websocket', 'non-browser-client', 'no-cors-request', 'navigation', 'local-url']) expect(reasons, r).toContain(r);
  });
});
