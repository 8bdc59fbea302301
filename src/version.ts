/**
 * The CORS Lens version that exports and `cors-lens --version` name. package.json holds it; both builds put it
 * here through `define` (vite.config.ts, vite.cli.config.ts), so a release changes one file. Run from source
 * (vitest), nothing defines it: 'dev'.
 */
declare const __VERSION__: string | undefined;

export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';
