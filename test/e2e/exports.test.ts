/**
 * Exports from the real panel in real Chromium (the built extension, DevTools open on the zoo page): the curl
 * command copied from a blocked exchange is run by bash against the zoo and shows the same failing response;
 * the Markdown report copied from the panel parses into its tables; the PNG card is saved through Chromium's
 * own download, at the expected size, with real content, in light and dark; secrets sent by the page never
 * reach an export unless redaction is switched off. Artifacts go to test-results/screenshots/ for the README.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lexer, type Tokens } from 'marked';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error: plain ES module without types
import { EXTENSION_ID, findChromium, launchWithDevtools, showPanel, waitFor } from '../../scripts/lib/chromium.mjs';
// @ts-expect-error: plain ES module without types
import { startZoo } from '../zoo/server.mjs';
import { openZoo, type Session, type Zoo } from '../support/e2e';


const root = join(import.meta.dirname, '../..');
const shots = join(root, 'test-results/screenshots');
const downloads = mkdtempSync(join(tmpdir(), 'cors-lens-downloads-'));
const VERSION = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNlY3JldC14eXo';
const API_KEY = 'k3y-7f9a2c41d8e6b053';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(b.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

let inspectedPage: Page;

/**
 * The system clipboard, read from the inspected tab: DevTools lets an extension panel write the clipboard but not
 * read it (permissions policy), and reading needs a focused document, which focus emulation provides headless.
 */
async function clipboardText(): Promise<string> {
  await focusReader();
  return inspectedPage.evaluate(() => navigator.clipboard.readText());
}

let focusReader: () => Promise<void> = async () => {};

async function clickExport(panel: Frame, which: string): Promise<string> {
  const status = panel.locator('.export-status');
  const before = await status.getAttribute('data-seq');
  await panel.locator(`[data-export="${which}"]`).click();
  await expect.poll(() => status.getAttribute('data-seq'), { timeout: 15_000 }).not.toBe(before);
  return `${await status.getAttribute('data-state')}: ${await status.innerText()}`;
}

/** Saves the card through Chromium's download and returns the file. */
async function saveCard(panel: Frame, name: string): Promise<string> {
  const before = new Set(readdirSync(downloads));
  expect(await clickExport(panel, 'save-image')).toMatch(/^ok: Saved cors-lens-.*\.png\.$/);
  // allowAndName: Chromium stores each download under its GUID, so a second save of the same name is a new file.
  const file = await waitFor('the downloaded PNG', () => readdirSync(downloads).find((f) => !before.has(f) && !f.endsWith('.crdownload') && statSync(join(downloads, f)).size > 0), 15_000);
  const path = join(downloads, file);
  copyFileSync(path, join(shots, name));
  return path;
}

describe('exports from the panel, in real Chromium', () => {
  let zoo: Zoo;
  let s: Session;
  let panel: Frame;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    zoo = await startZoo();
    s = await launchWithDevtools({ extensionDir: join(root, 'dist/extension'), executable: findChromium(), undocked: true });
    const cdp = await s.browser.newBrowserCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: downloads, eventsEnabled: true });
    for (const origin of [`chrome-extension://${EXTENSION_ID}`, zoo.pageOrigin]) await cdp.send('Browser.grantPermissions', { origin, permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] });
    inspectedPage = s.inspected;
    const pageCdp = await s.inspected.context().newCDPSession(s.inspected);
    focusReader = async () => {
      await pageCdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
    };
    await openZoo(s.inspected, zoo);
    panel = await showPanel(s.devtools);
    await s.inspected.evaluate((id) => (window as unknown as { runCase(c: string, n: string): Promise<unknown> }).runCase(id, 'export'), 't-three-headers-one-allowed');
    // What a real app sends: a JWT, an API key, the same token in the query string. The preflight refuses them.
    await s.inspected.evaluate(
      async ([api, jwt, key]) => {
        try {
          await fetch(`${api}/c/t-auth-and-custom/a?n=secrets&access=${jwt}`, { method: 'POST', body: '{"user":"alice"}', headers: { Authorization: `Bearer ${jwt}`, 'X-Api-Key': key as string, 'X-Custom': '1', 'Content-Type': 'application/json' } });
        } catch {
          // Blocked by CORS, as intended.
        }
      },
      [zoo.apiOrigin, JWT, API_KEY],
    );
    await waitFor('both rows', async () => (await panel.locator('.rows .row[data-verdict="blocked"]').count()) >= 2);
  }, 90_000);
  afterAll(async () => {
    await s?.close();
    await zoo?.close();
  });

  test('Copy as curl: the command bash runs against the server shows the same refusing preflight', async () => {
    await panel.locator('.rows .row[data-url*="t-three-headers-one-allowed"]').click();
    await panel.locator('.detail[data-code="HeaderDisallowedByPreflightResponse"]').waitFor();
    expect(await clickExport(panel, 'curl')).toMatch(/^ok: Copied curl for bash \/ zsh/);
    const curl = await clipboardText();
    expect(curl).toContain("curl -i -X OPTIONS '");
    expect(curl).toContain("-H 'Access-Control-Request-Headers: x-alpha,x-mid,x-zeta'");
    // Asynchronously: the zoo server that answers curl runs in this process.
    const { stdout: out } = await promisify(execFile)('bash', ['-c', curl], { encoding: 'utf8', timeout: 20_000 });
    // The OPTIONS answer as the server gives it to anyone: it allows x-mid only, which is Chrome's complaint.
    expect(out).toMatch(/^HTTP\/1\.1 204/m);
    expect(out).toMatch(/^access-control-allow-headers: x-mid\r?$/im);
    writeFileSync(join(shots, 'export-curl.sh'), curl);

    await panel.locator('select[aria-label="Shell for curl"]').selectOption('cmd');
    expect(await clickExport(panel, 'curl')).toMatch(/^ok: Copied curl for Windows cmd/);
    const cmd = await clipboardText();
    expect(cmd).toMatch(/^REM /);
    expect(cmd).toContain('curl.exe -i -X ^"OPTIONS^"');
    await panel.locator('select[aria-label="Shell for curl"]').selectOption('bash');
  });

  test('Copy report (Markdown): the pasted report parses into its tables, the offending header marked', async () => {
    expect(await clickExport(panel, 'markdown')).toMatch(/^ok: Copied the Markdown report/);
    const md = await clipboardText();
    writeFileSync(join(shots, 'export-report.md'), md);
    const tables = Lexer.lex(md, { gfm: true }).filter((t): t is Tokens.Table => t.type === 'table');
    const facts = tables[0];
    expect(facts?.rows.find((r) => r[0]?.text === 'Chrome error')?.[1]?.text).toContain('HeaderDisallowedByPreflightResponse');
    const response = tables.find((t) => t.header[0]?.text === 'Response header');
    const marked = response?.rows.find((r) => r[2]?.text.includes('fails the check'));
    expect(marked?.[0]?.text).toMatch(/access-control-allow-headers/i);
    expect(tables.filter((t) => t.header[0]?.text === 'Request header')).toHaveLength(2);
    // The browser string is captured text, so it sits in code.
    expect(md).toMatch(new RegExp(`Captured in \`\\S+ 156\\.\\d+\\.\\d+\\.\\d+\` · diagnosed by CORS Lens ${VERSION.replace(/\./g, '\\.')}`));
  });

  test('Save image: a PNG card at twice the card width, with real content, in light and in dark', async () => {
    const light = await saveCard(panel, 'card-light.png');
    const size = pngSize(light);
    expect(size.width).toBe(640 * 2);
    expect(size.height).toBeGreaterThan(300);
    const colours = async (file: string) =>
      s.inspected.evaluate(async (b64) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        const c = new OffscreenCanvas(bitmap.width, bitmap.height);
        const g = c.getContext('2d') as OffscreenCanvasRenderingContext2D;
        g.drawImage(bitmap, 0, 0);
        const px = g.getImageData(0, 0, bitmap.width, bitmap.height).data;
        const seen = new Set<number>();
        for (let i = 0; i < px.length; i += 4 * 7) seen.add(((px[i] as number) << 16) | ((px[i + 1] as number) << 8) | (px[i + 2] as number));
        // Inside the card's padding, below the verdict stripe: the card's background.
        const at = 4 * (40 * bitmap.width + 12);
        return { distinct: seen.size, corner: [px[at], px[at + 1], px[at + 2]] };
      }, readFileSync(file).toString('base64'));
    const l = await colours(light);
    expect(l.distinct).toBeGreaterThan(20);
    expect(Math.min(...(l.corner as number[]))).toBeGreaterThan(200);

    await panel.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    const dark = await saveCard(panel, 'card-dark.png');
    expect(pngSize(dark).width).toBe(1280);
    expect(Math.max(...((await colours(dark)).corner as number[]))).toBeLessThan(80);
    await panel.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  });

  test('Copy image puts a PNG on the clipboard', async () => {
    const state = await clickExport(panel, 'copy-image');
    expect(state).toBe('ok: Copied the image.');
    await focusReader();
    const types = await inspectedPage.evaluate(async () => {
      const items = await navigator.clipboard.read();
      return Promise.all(items.map(async (i) => ({ types: i.types, size: i.types.includes('image/png') ? (await i.getType('image/png')).size : 0 })));
    });
    expect(types[0]?.types).toContain('image/png');
    expect(types[0]?.size).toBeGreaterThan(5000);
  });

  test('secrets the page sent reach no export, the card included, until redaction is switched off', async () => {
    await panel.locator('.rows .row[data-url*="t-auth-and-custom"]').click();
    await panel.locator('.detail[data-code="HeaderDisallowedByPreflightResponse"]').waitFor();
    const texts: string[] = [];
    for (const which of ['curl', 'fetch', 'markdown']) {
      expect(await clickExport(panel, which)).toMatch(/^ok: .*\(secrets redacted\)/);
      texts.push(await clipboardText());
    }
    await saveCard(panel, 'card-redacted.png');
    texts.push(await panel.locator('.card-stage').innerText());
    for (const t of texts) {
      expect(t).not.toContain(JWT);
      expect(t).not.toContain(API_KEY);
      expect(t).toContain('[REDACTED]');
    }
    expect(texts[0]).toContain("-H 'Authorization: Bearer [REDACTED]'");
    expect(texts[3]).toContain('secrets redacted');

    await panel.locator('.export-bar .redact input').uncheck();
    expect(await clickExport(panel, 'curl')).toMatch(/\(not redacted\)/);
    const raw = await clipboardText();
    expect(raw).toContain(`Bearer ${JWT}`);
    expect(raw).toContain(API_KEY);
    // Per exchange: the next one starts redacted again.
    await panel.locator('.rows .row[data-url*="t-three-headers-one-allowed"]').click();
    expect(await panel.locator('.export-bar .redact input').isChecked()).toBe(true);
  });

  test('the artifacts for the README exist', () => {
    for (const f of ['card-light.png', 'card-dark.png', 'export-report.md', 'export-curl.sh']) expect(existsSync(join(shots, f)), f).toBe(true);
  });
});
