/**
 * One measurement (reading the file included) in a fresh process, so peak memory (maxRSS) belongs to it alone.
 * Usage: node measure.mjs <parse|analyse> <file.har>; prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const [mode, file] = process.argv.slice(2);
const baselineRss = process.resourceUsage().maxRSS * 1024;
const engine = mode === 'analyse' ? await import('../dist/cli/engine.mjs') : null;
// The text is not kept in a variable: like the CLI, the analysis may drop it once parsed.
const t0 = performance.now();
let exchanges = 0;
if (engine) exchanges = engine.analyseHarText(readFileSync(file, 'utf8')).exchanges.length;
else exchanges = JSON.parse(readFileSync(file, 'utf8')).log.entries.length;
const ms = performance.now() - t0;
console.log(JSON.stringify({ mode, ms, exchanges, peakRss: process.resourceUsage().maxRSS * 1024, baselineRss }));
