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
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compareFixture, comparePanel, type Fixture, type PanelRow } from '../support/differential';

const root = join(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'cors-lens-live-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

type PanelFixture = Fixture & { panel?: readonly PanelRow[] };
let fixtures: { file: string; fixture: PanelFixture }[] = [];
let initiators: PanelFixture | null = null;

describe('engine and panel vs Chrome, recorded now', () => {
  beforeAll(() => {
    // One run of every zoo case with the CORS panel shown: the HAR for the engine and the panel's rows.
    execFileSync(process.execPath, [join(root, 'scripts/record-fixtures.mjs'), '--out', out, '--quiet', '--panel'], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 240_000 });
    const all = readdirSync(out)
      .filter((f) => f.endsWith('.json') && f !== 'summary.json')
      .map((file) => ({ file, fixture: JSON.parse(readFileSync(join(out, file), 'utf8')) as PanelFixture }));
    initiators = all.find(({ fixture }) => fixture.group === 'initiators')?.fixture ?? null;
    fixtures = all
      // Recorded, and scored by what the HAR can support in test/unit/initiators.test.ts (a worker's blocked request
      // carries no response, so no exact code): this test asks for Chrome's exact code.
      .filter(({ fixture }) => fixture.group !== 'initiators');
  }, 300_000);

  test('the engine gives every zoo request Chrome\'s verdict, code and failedParameter', () => {
    const files = fixtures.map((f) => f.file);
    expect(files.length).toBeGreaterThanOrEqual(8);
    let compared = 0;
    const disagreements = [];
    for (const { file, fixture } of fixtures) {
      const result = compareFixture(fixture);
      compared += result.compared;
      disagreements.push(...result.disagreements.map((d) => ({ file, ...d })));
    }
    expect(compared).toBeGreaterThan(200);
    expect(disagreements).toEqual([]);
  });

  test('the panel, live in DevTools, lists every zoo request with Chrome\'s verdict and code', () => {
    let compared = 0;
    const disagreements = [];
    for (const { file, fixture } of fixtures) {
      expect(fixture.panel, `${file} has the panel's rows`).toBeDefined();
      const result = comparePanel(fixture);
      compared += result.compared;
      disagreements.push(...result.disagreements.map((d) => ({ file, ...d })));
    }
    expect(compared).toBeGreaterThan(200);
    expect(disagreements).toEqual([]);
  });

  test('requests not made by page fetch() (workers, frames, elements, beacons) reach the panel with what their HAR supports', () => {
    expect(initiators?.panel, 'the initiators group was recorded with the panel').toBeDefined();
    const rows = initiators?.panel ?? [];
    const wrong: string[] = [];
    let compared = 0;
    for (const r of initiators?.chrome ?? []) {
      const mine = rows.filter((p) => p.url === r.url && p.method === r.method);
      // A no-cors response the page never reads is not reported while the page lives (README): not CORS, nothing lost.
      if (mine.length === 0) {
        if (r.outcome !== 'response-only') wrong.push(`${r.caseId} ${r.method} ${r.url}: missing from the panel`);
        continue;
      }
      compared++;
      const blocked = mine.some((p) => p.verdict === 'blocked');
      if (r.corsError) {
        // A worker's blocked request has no response in DevTools: "blocked" without a code is all it can show.
        if (!mine.some((p) => p.verdict === 'blocked' && (p.code === r.corsError || p.code === ''))) wrong.push(`${r.caseId}: Chrome ${r.corsError}, panel ${mine.map((p) => `${p.verdict} ${p.code}`).join(', ')}`);
      } else if (blocked) wrong.push(`${r.caseId}: Chrome did not block it (${r.outcome}), the panel says blocked`);
    }
    expect(compared).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
  });
});
