import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// The Node build: the command line and the library (`import { analyseHar } from 'cors-lens'`), bundled with
// everything they import (ssr.noExternal), so the npm package needs no dependencies at run time.
export default defineConfig({
  build: {
    // The engine is also emitted on its own, for the benchmark and for scripts that want the analysis as data.
    // Entries share chunks, and the CLI imports from engine.mjs, so it ships too; package.json "exports" makes
    // the library entry the only one a user can import.
    ssr: true,
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: { 'cors-lens': 'src/cli/main.ts', index: 'src/index.ts', engine: 'src/har/index.ts' },
      output: { entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs', banner: (chunk) => (chunk.name === 'cors-lens' ? '#!/usr/bin/env node' : '') },
    },
  },
  ssr: { noExternal: true },
  define: { __VERSION__: JSON.stringify(version) },
});
