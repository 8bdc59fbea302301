/**
 * One version: package.json's. The panel's exports and card (TOOL) and the CLI's --version and Markdown report
 * are built with it, so bumping package.json alone changes every one of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const root = join(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

test("the built panel names package.json's version in its exports and card", () => {
  const assets = join(root, 'dist/extension/assets');
  const panel = readdirSync(assets).filter((f) => /^panel-.*\.js$/.test(f));
  expect(panel).toHaveLength(1);
  // The bundle is one 150 kB line: say what is missing rather than print it.
  const named = readFileSync(join(assets, panel[0] as string), 'utf8').match(/CORS Lens \d[\w.+-]*/g) ?? [];
  expect(named).toEqual([`CORS Lens ${version}`]);
});
