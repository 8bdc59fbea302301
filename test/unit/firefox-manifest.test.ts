/**
 * Firefox's manifest is Chrome's with Chrome-only fields dropped and Firefox's settings added; everything the
 * add-on does (its name, version, devtools page) stays the same.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
// @ts-expect-error: plain ES module without types
import { FIREFOX_ADDON_ID, firefoxManifest } from '../../scripts/lib/firefox-build.mjs';

const chrome = JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, unknown>;

test('Firefox gets the same add-on, with its id, minimum version and data-collection declaration', () => {
  const firefox = firefoxManifest(chrome);
  expect(firefox).not.toHaveProperty('key');
  expect(firefox).not.toHaveProperty('minimum_chrome_version');
  expect(firefox.browser_specific_settings).toEqual({
    gecko: { id: FIREFOX_ADDON_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
  });
  const { key: _key, minimum_chrome_version: _min, ...shared } = chrome;
  expect({ ...firefox, browser_specific_settings: undefined }).toEqual({ ...shared, browser_specific_settings: undefined });
  // Chrome's manifest object is left as it was (vite's crx plugin reads it too).
  expect(chrome).toHaveProperty('key');
});
