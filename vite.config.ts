import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
// @ts-expect-error: plain ES module without types
import { firefoxBuild } from './scripts/lib/firefox-build.mjs';

// The extension build. The panel page is not referenced by the manifest (the devtools page creates it
// at run time), so it is named as an extra input for crxjs to bundle. The Firefox add-on (dist/firefox) is
// this output with Firefox's manifest, copied once the bundle is written (scripts/lib/firefox-build.mjs).
export default defineConfig({
  plugins: [crx({ manifest }), firefoxBuild('dist/firefox')],
  build: {
    outDir: 'dist/extension',
    emptyOutDir: true,
    rollupOptions: { input: { panel: 'panel/index.html' } },
  },
  server: { host: '127.0.0.1' },
  // Exports and the card name the CORS Lens version that made them; package.json is the one place it is kept.
  define: { __VERSION__: JSON.stringify(pkg.version) },
});
