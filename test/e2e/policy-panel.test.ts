/**
 * The Server policy view and what-if in real Chromium: the built extension loaded, DevTools open on the zoo page,
 * the panel shown. What a backend developer does with them: read the policy for the API the page called, copy a
 * stack's configuration, follow a request that cannot pass to its exchange, and try a header edit on a blocked
 * exchange before deploying it. Screenshots of both go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error: plain ES module without types
import { EXTENSION_ID, findChromium, launchWithDevtools, showPanel, waitFor } from '../../scripts/lib/chromium.mjs';
// @ts-expect-error: plain ES module without types
import { startZoo } from '../zoo/server.mjs';
import { openZoo, type Session, type Zoo } from '../support/e2e';

const root = join(import.meta.dirname, '../..');
const shots = join(root, 'test-results/screenshots');

async function run(inspected: Page, id: string, nonce: string): Promise<void> {
  await inspected.evaluate(([c, n]) => (window as unknown as { runCase(c: string, n: string): Promise<unknown> }).runCase(c as string, n as string), [id, nonce]);
}

describe('Server policy and what-if in the CORS panel', () => {
  let zoo: Zoo;
  let s: Session;
  let panel: Frame;
  let clipboard: () => Promise<string>;
  /**
   * Cases the page runs: blocked and allowed simple GETs, a preflight refusing a header, a PUT, a credentialed GET
   * answered `*` (Chrome's failure shows the credentials), and a redirect no policy can pass.
   */
  const CASES = ['s-get-no-acao', 's-get-exact', 't-three-headers-one-allowed', 't-put-acam-lower', 'cr-star-acac', 'r-userinfo-cross'];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    zoo = await startZoo();
    s = await launchWithDevtools({ extensionDir: join(root, 'dist/extension'), executable: findChromium(), undocked: true });
    const cdp = await s.browser.newBrowserCDPSession();
    for (const origin of [`chrome-extension://${EXTENSION_ID}`, zoo.pageOrigin]) await cdp.send('Browser.grantPermissions', { origin, permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] });
    const pageCdp = await s.inspected.context().newCDPSession(s.inspected);
    // DevTools lets a panel write the clipboard, not read it: read it from the inspected page, focused by emulation.
    clipboard = async () => {
      await pageCdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
      return s.inspected.evaluate(() => navigator.clipboard.readText());
    };
    await openZoo(s.inspected, zoo);
    panel = await showPanel(s.devtools);
    for (const id of CASES) await run(s.inspected, id, 'policy');
    await waitFor('every case listed', async () => (await panel.locator('.rows .row').count()) >= CASES.length);
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    await zoo?.close();
  });

  test('the policy for the API: its origin only, the methods and headers the page used, and the proof', async () => {
    await panel.locator('[data-view="policy"]').click();
    const view = panel.locator('.policy-view');
    await view.waitFor();
    // The one server the page called across origins (the redirect to the third origin was refused before it left).
    expect(await view.getAttribute('data-targets')).toBe('1');
    expect(await view.getAttribute('data-target')).toBe(zoo.apiOrigin);
    // Split by path (the PUT's path needs a method the others do not); the last part is one configuration for all.
    expect(await view.locator('.policy-part').count()).toBeGreaterThan(1);
    const part = view.locator('.policy-part').last();
    expect(await part.getAttribute('data-paths')).toBe('/');
    expect(await part.locator('[data-field="origins"]').innerText()).toBe(zoo.pageOrigin);
    // t-put-acam-lower sends PUT; t-three-headers-one-allowed sends X-Zeta, X-Alpha, X-Mid. Nothing else was asked for.
    expect((await part.locator('[data-field="methods"]').innerText()).split(', ')).toEqual(['PUT']);
    expect((await part.locator('[data-field="headers"]').innerText()).split(', ')).toEqual(['x-alpha', 'x-mid', 'x-zeta']);
    expect(await part.locator('[data-field="credentials"]').innerText()).toMatch(/^yes/);
    const preflight = await part.locator('[data-lines="preflight"] pre').innerText();
    expect(preflight).toContain("Access-Control-Allow-Origin: <the request's Origin, from the list>");
    expect(preflight).toContain('Access-Control-Allow-Credentials: true');
    expect(preflight).toContain('Access-Control-Allow-Methods: PUT');
    const count = view.locator('.pass-count');
    const passing = Number(await count.getAttribute('data-passing'));
    const total = Number(await count.getAttribute('data-total'));
    // Every case went to the API first; the one with credentials in its redirect's URL cannot pass.
    expect(total).toBe(CASES.length);
    expect(passing).toBe(total - 1);
    expect(await view.locator('.cannot-pass li').count()).toBe(1);
    expect(await view.locator('.cannot-pass li').getAttribute('data-kind')).toBe('redirect-contains-credentials');
    await s.devtools.screenshot({ path: join(shots, 'panel-policy.png') });
  });

  test('each stack has its configuration and a copy button that copies exactly it', async () => {
    const view = panel.locator('.policy-view');
    await view.locator('[role="tab"][data-stack="nginx"]').click();
    const code = await view.locator('[role="tabpanel"][data-stack="nginx"] pre').innerText();
    expect(code).toContain('add_header');
    expect(code).toContain(zoo.pageOrigin);
    await view.locator('[role="tabpanel"][data-stack="nginx"] button.copy').click();
    await expect.poll(clipboard).toBe(code);
    expect(await view.locator('[role="tab"][data-stack]').allInnerTexts()).toEqual(expect.arrayContaining(['Express (cors package)', 'Go (net/http middleware)', 'Spring (CorsConfiguration)']));
  });

  test('a request that cannot pass opens its exchange in the list', async () => {
    const link = panel.locator('.cannot-pass li button.link');
    expect(await link.innerText()).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/c\/r-userinfo-cross\/a\?n=policy$/);
    await link.click();
    await expect.poll(() => panel.locator('.app').getAttribute('data-view')).toBe('requests');
    const detail = panel.locator('.detail');
    await detail.waitFor();
    expect(await detail.locator('.detail-head .url').innerText()).toContain('/c/r-userinfo-cross/a');
  });

  test('what-if: the blocked GET given Access-Control-Allow-Origin passes, and Reset restores the capture', async () => {
    await panel.locator('.rows .row[data-url*="/c/s-get-no-acao/"]').click();
    const detail = panel.locator('.detail');
    await expect.poll(() => detail.getAttribute('data-verdict')).toBe('blocked');
    const step = detail.locator('[data-step="0:response"]');
    await step.locator('button.what-if-edit').click();
    const box = step.locator('textarea');
    await box.press('ControlOrMeta+End');
    // Typed key by key, as a person does: `/` and `:` are characters here, not the panel's shortcuts.
    await box.pressSequentially(`\nAccess-Control-Allow-Origin: ${zoo.pageOrigin}`);
    await expect.poll(() => detail.getAttribute('data-verdict')).toBe('allowed');
    const banner = detail.locator('.what-if');
    expect(await banner.getAttribute('data-captured')).toBe('blocked');
    expect(await detail.getAttribute('data-what-if')).toBe('true');
    await panel.locator('.detail-pane').evaluate((e) => e.scrollTo(0, 0));
    await s.devtools.screenshot({ path: join(shots, 'panel-what-if.png') });
    // A wrong origin typed instead: blocked again, naming the value typed.
    await box.fill('Access-Control-Allow-Origin: https://wrong.example');
    await expect.poll(() => detail.getAttribute('data-code')).toBe('AllowOriginMismatch');
    expect(await detail.locator('[data-testid="headline"]').innerText()).toContain('https://wrong.example');
    await banner.locator('button').click();
    await expect.poll(() => detail.getAttribute('data-what-if')).toBe('false');
    expect(await detail.getAttribute('data-verdict')).toBe('blocked');
    expect(await detail.getAttribute('data-code')).toBe('MissingAllowOriginHeader');
  });

  test('what-if on a preflight: fixed, the request it lets through has no captured answer until one is added', async () => {
    await panel.locator('.rows .row[data-url*="/c/t-three-headers-one-allowed/"]').click();
    const detail = panel.locator('.detail');
    await expect.poll(() => detail.getAttribute('data-code')).toBe('HeaderDisallowedByPreflightResponse');
    const preflight = detail.locator('[data-step="0:preflight"]');
    await preflight.locator('button.what-if-edit').click();
    const box = preflight.locator('textarea');
    const text = await box.inputValue();
    await box.fill(text.replace(/^(access-control-allow-headers):.*$/im, '$1: x-mid, x-alpha, x-zeta'));
    await expect.poll(() => detail.getAttribute('data-verdict')).toBe('unknown');
    expect(await detail.locator('.what-if').innerText()).toContain('the capture holds no answer to it');
    const request = detail.locator('[data-step="0:response"]');
    await request.locator('button.what-if-edit').click();
    await request.locator('textarea').fill(`Access-Control-Allow-Origin: ${zoo.pageOrigin}`);
    await expect.poll(() => detail.getAttribute('data-verdict')).toBe('allowed');
  });

  test('edited values are text: markup typed into a header is shown, never run', async () => {
    await panel.locator('.rows .row[data-url*="/c/s-get-no-acao/"]').click();
    const detail = panel.locator('.detail');
    const step = detail.locator('[data-step="0:response"]');
    await step.locator('button.what-if-edit').click();
    await step.locator('textarea').fill('Access-Control-Allow-Origin: <img src=x onerror="document.title=1">');
    // Spaces make it a list to Chrome: MultipleAllowOriginValues, naming the value as typed.
    await expect.poll(() => detail.getAttribute('data-code')).toBe('MultipleAllowOriginValues');
    expect(await detail.locator('[data-testid="headline"]').innerText()).toContain('<img src=x');
    expect(await panel.locator('img').count()).toBe(0);
    expect(await panel.evaluate(() => document.title)).not.toBe('1');
  });
});
