/**
 * The differential test, live: the recorder drives real Chromium (built extension loaded, DevTools open) through
 * every zoo case now, and the engine must give Chrome's own verdict on the HAR the extension received. The
 * stored fixtures (test/unit/differential.test.ts) keep the unit run fast; this run proves they still match the
 * browser on this machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { compareFixture, type Fixture } from '../support/differential';

const root = join(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'cors-lens-live-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('engine vs Chrome, recorded now', () => {
  test('every zoo request gets Chrome\'s verdict, code and failedParameter', () => {
    execFileSync(process.execPath, [join(root, 'scripts/record-fixtures.mjs'), '--out', out, '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 240_000 });
    const files = readdirSync(out).filter((f) => f.endsWith('.json') && f !== 'summary.json');
    expect(files.length).toBeGreaterThanOrEqual(8);
    let compared = 0;
    const disagreements = [];
    for (const f of files) {
      const result = compareFixture(JSON.parse(readFileSync(join(out, f), 'utf8')) as Fixture);
      compared += result.compared;
      disagreements.push(...result.disagreements.map((d) => ({ file: f, ...d })));
    }
    expect(compared).toBeGreaterThan(200);
    expect(disagreements).toEqual([]);
  }, 300_000);
});
