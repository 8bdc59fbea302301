/**
 * web-ext lint (Mozilla's addons-linter, what addons.mozilla.org runs on upload) on the built Firefox add-on:
 * no errors, and no warning but the three below, each pinned to what causes it so that a new one fails the test.
 *
 * - KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION: with no `gecko_android` key the linter applies
 *   `strict_min_version` 140 to Firefox for Android too, where `data_collection_permissions` arrived in 142
 *   (mozilla/web-ext#3561, open). Adding `gecko_android` would mark CORS Lens as an Android add-on, and Firefox for
 *   Android has no DevTools; raising the minimum to 142 would shut out Firefox ESR 140. So it stays.
 * - UNSAFE_VAR_ASSIGNMENT `innerHTML` (the panel chunk): Preact's own diff, `dom.innerHTML = props.
 *   dangerouslySetInnerHTML.__html`, which runs only for an element given the `dangerouslySetInnerHTML` prop. Our
 *   code never passes it (test/unit/panel/text-only.test.ts) and spreads no captured data into props, so captured
 *   text cannot reach it. Preact has no build option to leave it out; patching its dist would not be clean.
 * - UNSAFE_VAR_ASSIGNMENT `insertAdjacentHTML` (the lazily loaded modern-screenshot chunk): its embedSvgUse fetches
 *   the external SVG sprite an `<svg><use href="sprite.svg#id">` inside the photographed node points to and
 *   inserts the text. The card it photographs holds no SVG at all, and captured values are text nodes, never
 *   elements, so nothing reaches it either.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import webExt from 'web-ext';

interface Message {
  code: string;
  file?: string;
  line?: number;
  column?: number;
  message: string;
}

const dir = join(import.meta.dirname, '../../dist/firefox');

/** The minified source around a message's position. */
function around(m: Message): string {
  const line = readFileSync(join(dir, m.file ?? ''), 'utf8').split('\n')[(m.line ?? 1) - 1] ?? '';
  return line.slice(Math.max(0, (m.column ?? 0) - 200), (m.column ?? 0) + 200);
}

test('web-ext lint: no errors, and only the warnings explained above', async () => {
  const result = (await webExt.cmd.lint({ sourceDir: dir, output: 'none' }, { shouldExitProgram: false })) as { errors: Message[]; warnings: Message[] };
  expect(result.errors).toEqual([]);
  const explained = result.warnings.map((w) => {
    if (w.code === 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION' && w.file === 'manifest.json') return 'android-min-version';
    if (w.code === 'UNSAFE_VAR_ASSIGNMENT' && /\.innerHTML=\w+\.__html/.test(around(w))) return 'preact dangerouslySetInnerHTML';
    if (w.code === 'UNSAFE_VAR_ASSIGNMENT' && /insertAdjacentHTML\(`beforeend`,\w+\)/.test(around(w))
      && readFileSync(join(dir, w.file ?? ''), 'utf8').includes('svgDefsElement')) return 'modern-screenshot embedSvgUse';
    return `unexplained: ${w.code} ${w.file}:${w.line}:${w.column} ${w.message}`;
  });
  expect(explained.sort()).toEqual(['android-min-version', 'modern-screenshot embedSvgUse', 'preact dangerouslySetInnerHTML']);
});
