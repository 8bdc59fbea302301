import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

// The extension build. The panel page is not referenced by the manifest (the devtools page creates it
// at run time), so it is named as an extra input for crxjs to bundle.
export default defineConfig({
  plugins: [crx({ manifest })],
  build: {
    outDir: 'dist/extension',
    emptyOutDir: true,
    rollupOptions: { input: { panel: 'panel/index.html' } },
  },
  server: { host: '127.0.0.1' },
  // Exports name the CORS Lens version that made them.
  define: { __VERSION__: JSON.stringify(manifest.version) },
});
