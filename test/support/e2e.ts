/**
 * Shared by the end-to-end tests: typed faces of the plain-JS harness (scripts/lib/chromium.mjs and the zoo),
 * and opening the zoo page past the start-up race e2e-in-chromium.md describes.
 */
import type { CDPSession, Page } from 'playwright-core';
// @ts-expect-error: plain ES module without types
import { waitFor } from '../../scripts/lib/chromium.mjs';

export interface Session {
  browser: { newBrowserCDPSession(): Promise<CDPSession> };
  devtools: Page;
  inspected: Page;
  close(): Promise<void>;
}

export interface Zoo {
  pageOrigin: string;
  apiOrigin: string;
  close(): Promise<void>;
}

/** Navigates the inspected tab to the zoo until the page is really there. */
export async function openZoo(inspected: Page, zoo: Zoo): Promise<void> {
  await waitFor('the zoo page', async () => {
    try {
      await inspected.goto(`${zoo.pageOrigin}/`, { timeout: 8000 });
    } catch {
      return false;
    }
    return inspected.evaluate(() => (window as unknown as { zooReady?: boolean }).zooReady === true);
  }, 30000, 100);
}
