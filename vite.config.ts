import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
// @ts-expect-error: plain ES module without types
import { firefoxBuild } from './scripts/lib/firefox-build.mjs';

// package.json holds the one version: the CLI, the extension and the store archives all carry it, so a release
// bumps one field (manifest.json has none of its own).
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// The extension build. The panel page is not referenced by the manifest (the devtools page creates it
// at run time), so it is named as an extra input for crxjs to bundle. The Firefox add-on (dist/firefox) is
// this output with Firefox's manifest, copied once the bundle is written (scripts/lib/firefox-build.mjs).
export default defineConfig({
  plugins: [crx({ manifest: { ...manifest, version } }), firefoxBuild('dist/firefox')],
  build: {
    outDir: 'dist/extension',
    emptyOutDir: true,
    rollupOptions: { input: { panel: 'panel/index.html' } },
  },
  server: { host: '127.0.0.1' },
  // Exports and the card name the CORS Lens version that made them; package.json is the one place it is kept.
  define: { __VERSION__: JSON.stringify(version) },
});
