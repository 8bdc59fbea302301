#!/usr/bin/env node
// The library's declarations: tsc -p tsconfig.lib.json into dist/types, then two fixes tsc does not make.
//
// 1. Specifiers: src/ imports '../har' (bundler style); a consumer on `moduleResolution: node16/nodenext` (what
//    `tsc --init` writes) cannot resolve that inside an ES module package and would type everything from it as
//    `any`, silently under skipLibCheck. Each relative specifier becomes the file it names: '../har/index.js'.
// 2. Reach: tsc writes a .d.ts for every file index.ts pulls in, most of them internal functions no public type
//    mentions. Only the files reachable from index.d.ts through those specifiers are kept.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist/types');
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*)(['"])(\.{1,2}\/[^'"]*)\2/g;

fs.rmSync(out, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.lib.json')], { stdio: 'inherit' });

/** The .d.ts a specifier names, as the file and as the specifier that names it exactly. */
function resolve(fromFile, spec) {
  const base = path.resolve(path.dirname(fromFile), spec);
  for (const [file, exact] of [[`${base}.d.ts`, `${spec}.js`], [path.join(base, 'index.d.ts'), `${spec.replace(/\/$/, '')}/index.js`]]) {
    if (fs.existsSync(file)) return { file, exact };
  }
  throw new Error(`${path.relative(root, fromFile)}: cannot resolve ${spec}`);
}

const kept = new Set();
const queue = [path.join(out, 'index.d.ts')];
while (queue.length > 0) {
  const file = /** @type {string} */ (queue.pop());
  if (kept.has(file)) continue;
  kept.add(file);
  const text = fs.readFileSync(file, 'utf8').replace(SPECIFIER, (_all, lead, quote, spec) => {
    const { file: target, exact } = resolve(file, spec);
    queue.push(target);
    return `${lead}${quote}${exact}${quote}`;
  });
  fs.writeFileSync(file, text);
}

for (const entry of fs.readdirSync(out, { recursive: true, withFileTypes: true })) {
  const file = path.join(entry.parentPath, entry.name);
  if (entry.isFile() && !kept.has(file)) fs.rmSync(file);
}
// Directories left empty by the pruning.
for (const dir of fs.readdirSync(out, { recursive: true }).map((d) => path.join(out, d)).sort().reverse()) {
  if (fs.statSync(dir).isDirectory() && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
}
console.log(`dist/types: ${kept.size} declaration files for the library entry`);
