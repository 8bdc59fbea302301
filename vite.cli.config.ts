import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// The command line: one self-contained ES module for Node, so `npx cors-lens` needs no dependencies at run time.
export default defineConfig({
  build: {
    // The engine is also emitted on its own, for the benchmark and for scripts that want the analysis as data.
    ssr: true,
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: { 'cors-lens': 'src/cli/main.ts', engine: 'src/har/index.ts' },
      output: { entryFileNames: '[name].mjs', banner: (chunk) => (chunk.name === 'cors-lens' ? '#!/usr/bin/env node' : '') },
    },
  },
  ssr: { noExternal: true },
  define: { __VERSION__: JSON.stringify(version) },
});
