/**
 * A large HAR imported into the panel in real Chromium, read as a stream (panel/read-har-file.ts): a realistic
 * capture past the size where every request is listed, chosen through the file input as a user would. The
 * panel shows its progress while it reads, Cancel stops it, and once read the list holds the same CORS
 * exchanges, blocked count and not-CORS count as the engine gives for the same file on the command line's path.
 * How long it takes and the longest stall are measured by `npm run bench` (bench/panel.mjs), not here.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error: plain ES module without types
import { writeRealisticHarFile } from '../../bench/generate-realistic-har.mjs';
// @ts-expect-error: plain ES module without types
import { findChromium, launchWithDevtools, showPanel, waitFor } from '../../scripts/lib/chromium.mjs';
import { LIST_EVERY_REQUEST_UP_TO } from '../../panel/read-har-file';
import { type Analysis, analyseHarChunksSync } from '../../src/har';
import type { Session } from '../support/e2e';

const root = join(import.meta.dirname, '../..');
/** Past the size where every request is listed, so the not-CORS entries are only counted. */
const SIZE = LIST_EVERY_REQUEST_UP_TO + 24 * 1024 * 1024;

function* chunksOf(file: string): Generator<Uint8Array> {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(1 << 20);
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) yield buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

describe('a large HAR imported into the panel (real Chromium)', () => {
  let dir: string;
  let file: string;
  let s: Session;
  let panel: Frame;
  let engine: Analysis;

  /** Chooses the file in the panel's file input, by path: the browser reads it from disk as it would a user's. */
  async function choose(path: string): Promise<void> {
    const cdp = await s.devtools.context().newCDPSession(panel);
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.querySelector(\'input[type="file"]\')' });
    await cdp.send('DOM.setFileInputFiles', { files: [path], objectId: result.objectId });
    await cdp.detach();
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cors-lens-import-'));
    file = join(dir, 'session.har');
    writeRealisticHarFile(file, 0, { minBytes: SIZE });
    engine = analyseHarChunksSync(() => chunksOf(file));
    s = await launchWithDevtools({ extensionDir: join(root, 'dist/extension'), executable: findChromium(), undocked: true });
    panel = await showPanel(s.devtools);
    // Every state the progress passes through, as the panel painted it.
    await panel.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __progress: string[] }).__progress = seen;
      new MutationObserver(() => {
        const p = document.querySelector('.import-progress');
        if (p) seen.push(`${p.getAttribute('data-phase')}:${p.getAttribute('data-percent')}`);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
  }, 120_000);

  afterAll(async () => {
    await s?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('Cancel while it reads: the live capture stays, nothing imported', async () => {
    await choose(file);
    const cancel = panel.locator('.import-progress').getByRole('button', { name: 'Cancel' });
    await cancel.click();
    await expect.poll(() => panel.locator('.import-progress').count()).toBe(0);
    expect(await panel.locator('.app').getAttribute('data-source')).toBe('live');
    expect(await panel.locator('.notice[role="alert"]').count()).toBe(0);
  }, 60_000);

  test('read with progress, then the same exchanges and counts as the engine', async () => {
    expect(statSync(file).size).toBeGreaterThan(LIST_EVERY_REQUEST_UP_TO);
    await panel.evaluate(() => ((window as unknown as { __progress: string[] }).__progress.length = 0));
    await choose(file);
    await waitFor('the imported capture', async () => (await panel.locator('.app').getAttribute('data-source')) === 'import', 120_000, 200);
    const progress = await panel.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    const reading = new Set(progress.filter((p) => p.startsWith('reading:')));
    // The panel painted while it read: several distinct percentages, then the analysis.
    expect(reading.size).toBeGreaterThan(3);
    expect(progress).toContain('analysing:100');

    const blocked = engine.exchanges.filter((x) => x.evaluation.verdict === 'blocked').length;
    const notCors = engine.exchanges.filter((x) => x.evaluation.verdict === 'not-cors').length + (engine.unlisted ?? 0);
    expect(engine.unlisted).toBeGreaterThan(0);
    expect(Number(await panel.locator('.app').getAttribute('data-total'))).toBe(engine.exchanges.length);
    expect(Number(await panel.locator('.summary').getAttribute('data-blocked'))).toBe(blocked);
    expect(await panel.getByLabel(/Not CORS/).locator('..').innerText()).toContain(`Not CORS (${notCors})`);
    // A row opens with the same verdict the engine gives the exchange of that id.
    const row = panel.locator('.rows .row[data-verdict="blocked"]').first();
    await row.click();
    const detail = panel.locator('.detail');
    await detail.waitFor();
    const id = Number(await detail.getAttribute('data-id'));
    const x = engine.exchanges.find((e) => e.id === id);
    expect(x?.evaluation.verdict).toBe('blocked');
    expect(await detail.getAttribute('data-code')).toBe(x?.evaluation.error?.code ?? '');
  }, 180_000);
});
