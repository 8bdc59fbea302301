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
  // The panel's code is split in chunks (the detail loads after the list): the version is in whichever holds the exports.
  const chunks = readdirSync(assets).filter((f) => f.endsWith('.js'));
  expect(chunks.some((f) => /^panel-.*\.js$/.test(f))).toBe(true);
  // The bundle is long single lines: say what is missing rather than print it.
  const named = chunks.flatMap((f) => readFileSync(join(assets, f), 'utf8').match(/CORS Lens \d[\w.+-]*/g) ?? []);
  expect(named).toEqual([`CORS Lens ${version}`]);
});
