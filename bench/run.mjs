/**
 * `npm run bench`: speed and size, printed with the input size. No assertions: numbers to compare across runs.
 * Engine: a generated HAR of 100,000 entries (a third CORS, preflights interleaved), analysis time against a bare
 * JSON.parse of the same file, entries per second, and peak memory against the file size.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateHar } from './generate-har.mjs';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'cors-lens-bench-'));
const file = join(dir, 'bench.har');
writeFileSync(file, JSON.stringify(generateHar(ENTRIES)));
const size = statSync(file).size;
const mib = (b) => `${(b / 1048576).toFixed(1)} MiB`;

function measure(mode) {
  const out = execFileSync(process.execPath, [join(import.meta.dirname, 'measure.mjs'), mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop());
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const parses = [];
const analyses = [];
for (let i = 0; i < RUNS; i++) {
  parses.push(measure('parse'));
  analyses.push(measure('analyse'));
}
const parseMs = median(parses.map((r) => r.ms));
const analyseMs = median(analyses.map((r) => r.ms));
const peak = Math.max(...analyses.map((r) => r.peakRss - r.baselineRss));
const parsePeak = Math.max(...parses.map((r) => r.peakRss - r.baselineRss));

console.log(`engine: ${ENTRIES.toLocaleString('en')} HAR entries, ${mib(size)} file, ${analyses[0].exchanges.toLocaleString('en')} exchanges, median of ${RUNS} runs`);
console.log(`  bare JSON.parse           ${parseMs.toFixed(0)} ms   peak memory +${mib(parsePeak)} (${(parsePeak / size).toFixed(2)}x file)`);
console.log(`  analysis (parse included) ${analyseMs.toFixed(0)} ms   peak memory +${mib(peak)} (${(peak / size).toFixed(2)}x file)`);
console.log(`  ${Math.round(ENTRIES / (analyseMs / 1000)).toLocaleString('en')} entries/s; analysis / bare parse = ${(analyseMs / parseMs).toFixed(2)}x (target <= 2x); peak / file = ${(peak / size).toFixed(2)}x (target <= 4x)`);
rmSync(dir, { recursive: true, force: true });
