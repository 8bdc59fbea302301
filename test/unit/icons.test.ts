/**
 * The icon set: every size the manifest names exists at that size, was drawn from the current SVG (the renderer
 * writes the SVG's SHA-256 into each PNG, so an SVG edited without `npm run icons` fails here), and the panel's tab
 * icon is one the build ships.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
// @ts-expect-error: plain ES module without types
import { ICON_SIZES, ICON_SOURCE, iconFile, manifestIcons } from '../../scripts/lib/icons.mjs';
// @ts-expect-error: plain ES module without types
import { pngSize, pngText } from '../../scripts/lib/png.mjs';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { icons?: Record<string, string> };

test('the manifest names the whole set: 16, 32, 48 for Chrome, 48 and 96 for addons.mozilla.org, 128 for the stores', () => {
  expect(ICON_SIZES).toEqual(expect.arrayContaining([16, 32, 48, 96, 128]));
  expect(manifest.icons).toEqual(manifestIcons());
});

test.each(ICON_SIZES as number[])('icon %i px is that size and drawn from the current SVG', (size) => {
  const png = readFileSync(iconFile(size));
  expect(pngSize(png)).toEqual({ width: size, height: size });
  const svgHash = createHash('sha256').update(readFileSync(ICON_SOURCE)).digest('hex');
  expect(pngText(png).Source, 'the SVG changed since the PNGs were drawn: run `npm run icons`').toBe(`${ICON_SOURCE} sha256:${svgHash}`);
});

test("the CORS tab's icon is one of the manifest's, so the build ships it", () => {
  const call = /panels\.create\('CORS', '\/([^']+)'/.exec(readFileSync('src/devtools/devtools.ts', 'utf8'));
  expect(Object.values(manifest.icons ?? {})).toContain(call?.[1]);
});
