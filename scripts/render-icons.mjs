#!/usr/bin/env node
// `npm run icons`: draw icons/cors-lens.svg as the PNGs the manifests name, with the Chromium the tests already
// need (playwright-core's screenshot with a transparent background). The PNGs are committed, so neither the build
// nor CI renders anything; each records the SHA-256 of the SVG it was drawn from (a tEXt chunk), and
// test/unit/icons.test.ts fails when the SVG has changed since.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from './lib/chromium.mjs';
import { withPngText } from './lib/png.mjs';
import { ICON_SIZES, ICON_SOURCE, iconFile, iconPadding } from './lib/icons.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = fs.readFileSync(path.join(root, ICON_SOURCE));
const hash = crypto.createHash('sha256').update(svg).digest('hex');
const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;

const executable = findChromium();
if (!executable) {
  console.error('No Chromium found: install one with `apt-get install -y chromium`, or set CORS_LENS_CHROMIUM.');
  process.exit(1);
}
const browser = await chromium.launch({ executablePath: executable, args: ['--no-sandbox'] });
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const pad = iconPadding(size);
    await page.setContent(`<body style="margin:0"><img src="${src}" style="display:block;margin:${pad}px;width:${size - 2 * pad}px;height:${size - 2 * pad}px"></body>`);
    await page.locator('img').evaluate((img) => img.decode());
    const png = await page.screenshot({ omitBackground: true });
    fs.writeFileSync(path.join(root, iconFile(size)), withPngText(png, 'Source', `${ICON_SOURCE} sha256:${hash}`));
    console.log(`${iconFile(size)}: ${size}x${size}`);
    await page.close();
  }
} finally {
  await browser.close();
}
