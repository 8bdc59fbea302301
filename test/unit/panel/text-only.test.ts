/**
 * The panel and the card show captured text as text nodes, never as HTML: Preact escapes every string child,
 * so the only ways to turn a header value into markup are the raw-HTML doors. None may exist in the panel or in
 * the layers it renders from. (test/e2e/panel.test.ts checks the same in the real panel, card included.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

const RAW_HTML = /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/;

test('no raw-HTML door in the panel or the code it renders from', () => {
  const files = [...sources('panel'), ...sources('src')];
  expect(files.length).toBeGreaterThan(50);
  const doors = files.filter((f) => RAW_HTML.test(readFileSync(f, 'utf8')));
  expect(doors).toEqual([]);
});
