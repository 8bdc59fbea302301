import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compareFixture, type Fixture } from '../support/differential';

// Recorded by `npm run record-fixtures`: real Chromium against the loopback zoo (test/zoo), Chrome's own
// corsErrorStatus per request as the expected answer, the HAR chrome.devtools.network gave the extension as input.
// chromium-under-load holds captures recorded on a busy machine that once exposed pairing bugs.
const dirs = ['../fixtures/chromium', '../fixtures/chromium-under-load'].map((d) => join(import.meta.dirname, d));
// initiators.json is scored by test/unit/initiators.test.ts instead: a worker's blocked request has no response in
// the HAR, so the exact code Chrome names cannot be reproduced there, only 'blocked' (what that test asks).
const EXCLUDED = new Set(['summary.json', 'initiators.json']);
const files = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.json') && !EXCLUDED.has(f)).map((f) => join(dir, f))).sort();

describe('engine vs Chrome on recorded captures', () => {
  test('there are recorded captures to compare with', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  test.each(files)('%s: every request gets Chrome\'s verdict, code and failedParameter', (file) => {
    const fixture = JSON.parse(readFileSync(file, 'utf8')) as Fixture;
    const { compared, disagreements } = compareFixture(fixture);
    expect(compared).toBeGreaterThan(0);
    expect(disagreements).toEqual([]);
  });
});
