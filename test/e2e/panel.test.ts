/**
 * The CORS panel in real Chromium: the built extension loaded, DevTools open on the zoo page, the panel shown.
 * What a user does with it (capture before and after opening, filters, keyboard, detail, import), what an
 * attacker-controlled header can do to it (nothing), how it holds a burst, and screenshots for the README
 * (written to test-results/screenshots/).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error: plain ES module without types
import { findChromium, launchWithDevtools, showPanel, waitFor } from '../../scripts/lib/chromium.mjs';
import { sanitizeHar } from '../../scripts/lib/sanitize-har.mjs';
// @ts-expect-error: plain ES module without types
import { startZoo } from '../zoo/server.mjs';
import { openZoo, type Session, type Zoo } from '../support/e2e';

interface RowData {
  verdict: string;
  code: string;
  method: string;
  url: string;
}

const root = join(import.meta.dirname, '../..');
const shots = join(root, 'test-results/screenshots');
const extensionDir = join(root, 'dist/extension');

async function rowsOf(panel: Frame): Promise<RowData[]> {
  return panel.locator('.rows .row').evaluateAll((els) => els.map((e) => {
    const d = (e as HTMLElement).dataset;
    return { verdict: d.verdict ?? '', code: d.code ?? '', method: d.method ?? '', url: d.url ?? '' };
  }));
}

async function run(inspected: Page, id: string, nonce: string): Promise<void> {
  await inspected.evaluate(([c, n]) => (window as unknown as { runCase(c: string, n: string): Promise<unknown> }).runCase(c as string, n as string), [id, nonce]);
}


describe('the CORS panel in DevTools (light theme)', () => {
  let zoo: Zoo;
  let s: Session;
  let panel: Frame;
  const dialogs: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    zoo = await startZoo();
    s = await launchWithDevtools({ extensionDir, executable: findChromium(), undocked: true });
    s.devtools.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    await zoo?.close();
  });

  test('requests made before the panel was opened are listed once, and later ones join them live', async () => {
    await openZoo(s.inspected, zoo);
    // DevTools is open (so the network is recorded) but the CORS panel has not been shown yet.
    await run(s.inspected, 's-get-no-acao', 'before');
    panel = await showPanel(s.devtools);
    await run(s.inspected, 's-get-exact', 'after');
    await run(s.inspected, 't-three-headers-one-allowed', 'after');
    const rows = await waitFor('three rows', async () => {
      const r = await rowsOf(panel);
      return r.length >= 3 && r;
    });
    expect(rows.map((r: RowData) => [r.verdict, r.code, r.method, new URL(r.url).pathname])).toEqual([
      ['blocked', 'MissingAllowOriginHeader', 'GET', '/c/s-get-no-acao/a'],
      ['allowed', '', 'GET', '/c/s-get-exact/a'],
      ['blocked', 'HeaderDisallowedByPreflightResponse', 'GET', '/c/t-three-headers-one-allowed/a'],
    ]);
  });

  test('a blocked exchange opens with the header, the value (or missing), the line to send and the fix', async () => {
    for (const id of ['s-get-localhost', 's-get-500-no-acao', 'cr-star-acac', 'pf-401-cors', 'r-cross-to-third-page', 'm-600-twice', 'w-auth-star']) await run(s.inspected, id, 'shots');
    await waitFor('ten rows', async () => (await rowsOf(panel)).length >= 11);
    await s.devtools.screenshot({ path: join(shots, 'panel-list.png') });

    await panel.locator('.rows .row[data-url*="s-get-no-acao"]').click();
    const detail = panel.locator('.detail');
    await detail.waitFor();
    expect(await detail.getAttribute('data-code')).toBe('MissingAllowOriginHeader');
    await expect.poll(() => detail.locator('.finding').innerText()).toMatch(/Header\s+Access-Control-Allow-Origin\s+Received\s+missing\s+Send instead\s+Access-Control-Allow-Origin: http:\/\/127\.0\.0\.1:\d+/);
    // The missing header is a row of its own in the failing response's headers.
    expect(await detail.locator('tr.missing[data-header="access-control-allow-origin"]').count()).toBe(1);
    expect(await detail.locator('.console pre').innerText()).toContain('has been blocked by CORS policy: No \'Access-Control-Allow-Origin\' header is present on the requested resource.');
    expect(await detail.locator('[role="tab"]').allInnerTexts()).toEqual(expect.arrayContaining(['nginx', 'Go (net/http middleware)']));

    await panel.locator('.rows .row[data-url*="t-three-headers-one-allowed"]').click();
    await expect.poll(() => detail.getAttribute('data-code')).toBe('HeaderDisallowedByPreflightResponse');
    expect(await detail.locator('.step[data-state="failed"]').innerText()).toContain('Preflight');
    expect(await detail.locator('.cause').innerText()).toMatch(/x-/i);
    await s.devtools.mouse.move(1, 1);
    await s.devtools.screenshot({ path: join(shots, 'panel-blocked-detail.png') });

    await panel.locator('.rows .row[data-url*="m-600-twice"]').nth(1).click();
    await expect.poll(() => detail.locator('.timeline').innerText()).toContain('from cache');
    expect(await detail.locator('.caveats').innerText()).toContain('Disable cache');
  });

  test('filters: blocked only, URL text, and the counts', async () => {
    await panel.locator('[data-filter="blocked"]').click();
    const blocked = await rowsOf(panel);
    expect(blocked.length).toBeGreaterThan(3);
    expect(blocked.every((r) => r.verdict === 'blocked')).toBe(true);
    expect(Number(await panel.locator('.summary').getAttribute('data-blocked'))).toBe(blocked.length);

    await panel.getByRole('searchbox', { name: 'Filter by URL' }).fill('LOCALHOST');
    await expect.poll(async () => (await rowsOf(panel)).map((r) => new URL(r.url).pathname)).toEqual(['/c/s-get-localhost/a']);
    await panel.getByRole('searchbox', { name: 'Filter by URL' }).fill('');
    await panel.locator('[data-filter="all"]').click();
    expect((await rowsOf(panel)).some((r) => r.verdict === 'allowed')).toBe(true);
  });

  test('keyboard: arrows move the selection, Enter opens the detail, Escape closes it', async () => {
    await panel.locator('.detail .close').click();
    await panel.locator('.list').focus();
    await s.devtools.keyboard.press('Home');
    await s.devtools.keyboard.press('ArrowDown');
    const selected = panel.locator('.rows .row[aria-selected="true"]');
    await expect.poll(() => selected.getAttribute('aria-rowindex')).toBe('3');
    await s.devtools.keyboard.press('Enter');
    await panel.locator('.detail').waitFor();
    await s.devtools.keyboard.press('Escape');
    await expect.poll(() => panel.locator('.detail').count()).toBe(0);
    expect(await panel.evaluate(() => document.activeElement?.classList.contains('list'))).toBe(true);
  });

  test('hostile header values from an imported HAR render as text: nothing executes', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>"><svg onload=window.__pwned=3>';
    const long = 'A'.repeat(100_000);
    const har = {
      log: {
        version: '1.2',
        entries: [
          {
            startedDateTime: '2026-11-22T00:00:00.000Z',
            time: 5,
            _resourceType: 'fetch',
            request: { method: 'GET', url: `http://api.test/x?q=${encodeURIComponent(evil)}`, headers: [{ name: 'Origin', value: 'http://page.test' }, { name: 'X-Evil', value: evil }, { name: 'X-Long', value: long }] },
            response: {
              status: 200,
              headers: [
                { name: 'Access-Control-Allow-Origin', value: `${evil}\u001b[31m\u202e` },
                { name: `X-${evil}`, value: 'name is hostile too' },
              ],
              _error: 'net::ERR_FAILED',
            },
          },
        ],
      },
    };
    await panel.locator('input[type="file"]').setInputFiles({ name: 'evil.har', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(har)) });
    await expect.poll(() => panel.locator('.app').getAttribute('data-source')).toBe('import');
    await panel.locator('.rows .row').first().click();
    const detail = panel.locator('.detail');
    await detail.waitFor();
    // Chrome reads a space or comma in Access-Control-Allow-Origin as several values.
    expect(await detail.getAttribute('data-code')).toBe('MultipleAllowOriginValues');
    const text = await detail.innerText();
    expect(text).toContain('<img src=x onerror="window.__pwned=1">');
    expect(text).toContain('\\x1b[31m');
    expect(text).not.toContain('\u202e');
    expect(text).toContain('(100000 characters)');
    expect(await detail.locator('img, script, svg, iframe, object').count()).toBe(0);
    // The PNG card is laid out from the same values when a picture is asked for: text nodes there too.
    await panel.locator('[data-export="copy-image"]').click();
    const card = panel.locator('.card-stage');
    await expect.poll(() => card.innerText(), { timeout: 15_000 }).toContain('onerror');
    expect(await card.locator('img, script, svg, iframe, object').count()).toBe(0);
    expect(await panel.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await s.devtools.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  test('a file that is not a HAR gets a one-line notice and the live capture stays', async () => {
    await panel.getByRole('button', { name: 'Back to live capture' }).click();
    const before = await panel.locator('.app').getAttribute('data-total');
    await panel.locator('input[type="file"]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect.poll(() => panel.locator('.notice[role="alert"]').innerText()).toMatch(/^notes\.txt: not JSON/);
    expect(await panel.locator('.app').getAttribute('data-source')).toBe('live');
    expect(await panel.locator('.app').getAttribute('data-total')).toBe(before);
  });

  test('a real-world HAR from a proxy imports with its producer named and no blocked row', async () => {
    const file = 'test/fixtures/wild/mitm-flows-websocket.har';
    await panel.locator('input[type="file"]').setInputFiles({ name: 'websocket.har', mimeType: 'application/json', buffer: readFileSync(join(root, file)) });
    await expect.poll(() => panel.locator('.app').getAttribute('data-source')).toBe('import');
    await expect.poll(() => panel.locator('.notice.capture').getAttribute('data-producer')).toBe('proxy');
    expect(await panel.locator('.notice.capture').innerText()).toMatch(/Written by a proxy/);
    expect(await panel.locator('.rows .row[data-verdict="blocked"]').count()).toBe(0);
    // The WebSocket and the rest are listed, with why they are not CORS, once not-CORS requests are shown.
    await panel.getByLabel(/Not CORS/).check();
    await expect.poll(() => panel.locator('.rows .row').count()).toBeGreaterThan(0);
    await panel.getByLabel(/Not CORS/).uncheck();
    await panel.getByRole('button', { name: 'Back to live capture' }).click();
  });

  test("Chrome's sanitized Network-panel export: the import notice says so, once, and how to export everything", async () => {
    const fixture = JSON.parse(readFileSync(join(root, 'test/fixtures/chromium/credentials.json'), 'utf8')) as { har: unknown };
    const buffer = Buffer.from(JSON.stringify({ log: sanitizeHar(fixture.har) }));
    await panel.locator('input[type="file"]').setInputFiles({ name: 'sanitized.har', mimeType: 'application/json', buffer });
    const notice = panel.locator('.notice.capture');
    await expect.poll(() => notice.getAttribute('data-sanitized')).toBe('yes');
    const text = await notice.innerText();
    expect(text.match(/exported sanitized/g)).toHaveLength(1);
    expect(text).toContain('Allow to generate HAR with sensitive data');
    await s.devtools.screenshot({ path: join(shots, 'panel-import-sanitized.png') });
    await panel.getByRole('button', { name: 'Back to live capture' }).click();
  });

  test('a navigation starts a new log unless Preserve log is ticked', async () => {
    await panel.getByLabel('Preserve log').check();
    await openZoo(s.inspected, zoo);
    await run(s.inspected, 's-get-no-acao', 'kept');
    await expect.poll(async () => (await rowsOf(panel)).filter((r) => r.url.includes('n=before')).length).toBe(1);
    await panel.getByLabel('Preserve log').uncheck();
    await openZoo(s.inspected, zoo);
    await run(s.inspected, 's-get-no-acao', 'fresh');
    await expect.poll(async () => (await rowsOf(panel)).map((r) => new URL(r.url).searchParams.get('n'))).toEqual(['fresh']);
  });

  test('a burst of 3,000 requests: every one listed with its verdict, the list stays virtual', async () => {
    const n = 3000;
    await openZoo(s.inspected, zoo);
    await s.inspected.evaluate(([count]) => (window as unknown as { burst(n: number, nonce: string): Promise<number> }).burst(count as number, 'burst'), [n]);
    const search = panel.getByRole('searchbox', { name: 'Filter by URL' });
    await search.fill('n=burst-');
    await waitFor(`${n} burst exchanges in the panel`, async () => Number(await panel.locator('.list').getAttribute('data-rows')) === n, 60_000, 200);
    // Half the endpoints answer without Access-Control-Allow-Origin. Entries Chrome reported before all their
    // protocol events were merged are completed from getHAR() shortly after, so the count settles, not at once.
    await panel.locator('[data-filter="blocked"]').click();
    await expect.poll(async () => Number(await panel.locator('.list').getAttribute('data-rows')), { timeout: 20_000 }).toBe(n / 2);
    expect((await rowsOf(panel)).every((r) => r.verdict === 'blocked' && r.code === 'MissingAllowOriginHeader' && r.url.includes('/s-get-no-acao/'))).toBe(true);
    await panel.locator('[data-filter="all"]').click();
    // Virtual: only the rows in view (and a margin) exist.
    expect(await panel.locator('.rows .row').count()).toBeLessThan(150);
    // Scrolled to the end, the last rows are there with their attributes.
    await panel.locator('.list').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await expect.poll(async () => (await rowsOf(panel)).some((r) => r.url.endsWith(`n=burst-${n - 1}`) || r.url.endsWith(`n=burst-${n - 2}`))).toBe(true);
  }, 120_000);
});

describe('the CORS panel in DevTools (dark theme)', () => {
  test('follows DevTools\' dark theme', async () => {
    const zoo: Zoo = await startZoo();
    const s: Session = await launchWithDevtools({ extensionDir, executable: findChromium(), undocked: true, theme: 'dark' });
    try {
      const panel = await showPanel(s.devtools);
      expect(await panel.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await openZoo(s.inspected, zoo);
      for (const id of ['s-get-exact', 's-get-no-acao', 's-get-localhost', 't-three-headers-one-allowed', 'pf-401-cors', 'w-auth-star']) await run(s.inspected, id, 'dark');
      await waitFor('rows', async () => (await rowsOf(panel)).length >= 6);
      await panel.locator('.rows .row[data-url*="pf-401-cors"]').click();
      await panel.locator('.detail').waitFor();
      const bg = await panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe('rgb(32, 33, 36)');
      // The click left the pointer where the splitter now is: move it away so the picture shows no hover.
      await s.devtools.mouse.move(1, 1);
      await s.devtools.screenshot({ path: join(shots, 'panel-dark.png') });
    } finally {
      await s.close();
      await zoo.close();
    }
  }, 60_000);
});
