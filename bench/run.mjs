/**
 * `npm run bench`: speed and size, each figure printed with the input's size and shape. No assertions: numbers
 * to compare across runs, against the targets of issue 14 (analysis within 1.3x a bare JSON.parse of the same
 * file, peak memory under 2x the file; a capture over 1 GiB analysed in under 1 GiB).
 *
 * Two shapes at 100,000 entries, each measured as a bare JSON.parse (the baseline), the library's streaming
 * analysis, and `cors-lens check --format json` (the issue's own measure), in fresh processes:
 * - generated (generate-har.mjs): compact entries, a third CORS, preflights placed out of order;
 * - realistic (generate-realistic-har.mjs): Chrome's entries as they come, two thirds same-origin page traffic
 *   and a third copied from the real-Chromium recordings.
 * Then a realistic capture of at least 1 GiB, written piece by piece, checked with the command line, removed.
 *
 * BENCH_ENTRIES, BENCH_RUNS (median of; default 3) and BENCH_BIG_MIB (0 skips the large run) change the sizes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateHar } from './generate-har.mjs';
import { writeRealisticHarFile } from './generate-realistic-har.mjs';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BIG_MIB = Number(process.env.BENCH_BIG_MIB ?? 1100);
const dir = mkdtempSync(join(tmpdir(), 'cors-lens-bench-'));
const mib = (b) => `${(b / 1048576).toFixed(1)} MiB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(mode, file) {
  const out = execFileSync(process.execPath, [join(import.meta.dirname, 'measure.mjs'), mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop());
}

function bench(shape, file) {
  const size = statSync(file).size;
  const runs = { parse: [], engine: [], cli: [] };
  for (let i = 0; i < RUNS; i++) for (const mode of Object.keys(runs)) runs[mode].push(measure(mode, file));
  const ms = (mode) => median(runs[mode].map((r) => r.ms));
  const peak = (mode) => Math.max(...runs[mode].map((r) => r.peakRss - r.baselineRss));
  const parseMs = ms('parse');
  console.log(`${shape}: ${ENTRIES.toLocaleString('en')} entries, ${mib(size)}, ${runs.engine[0].exchanges.toLocaleString('en')} exchanges (${runs.engine[0].built.toLocaleString('en')} built), median of ${RUNS} runs`);
  console.log(`  bare JSON.parse               ${parseMs.toFixed(0).padStart(6)} ms   peak +${mib(peak('parse'))} (${(peak('parse') / size).toFixed(2)}x file)`);
  for (const [mode, label] of [
    ['engine', 'analysis (streamed)'],
    ['cli', 'check --format json'],
  ]) {
    const ratio = ms(mode) / parseMs;
    console.log(`  ${label.padEnd(29)} ${ms(mode).toFixed(0).padStart(6)} ms   peak +${mib(peak(mode))} (${(peak(mode) / size).toFixed(2)}x file)   ${ratio.toFixed(2)}x bare parse`);
  }
  console.log(`  targets: within 1.3x bare parse, peak under 2x file`);
}

try {
  const generated = join(dir, 'generated.har');
  writeFileSync(generated, JSON.stringify(generateHar(ENTRIES)));
  bench('generated shape (bench/generate-har.mjs)', generated);
  rmSync(generated);

  const realistic = join(dir, 'realistic.har');
  writeRealisticHarFile(realistic, ENTRIES);
  bench('realistic shape (bench/generate-realistic-har.mjs)', realistic);
  rmSync(realistic);

  if (BIG_MIB > 0) {
    const big = join(dir, 'big.har');
    const { entries } = writeRealisticHarFile(big, 0, { minBytes: BIG_MIB * 1048576 });
    const size = statSync(big).size;
    const r = measure('cli', big);
    const peak = r.peakRss - r.baselineRss;
    console.log(`large capture: realistic shape, ${entries.toLocaleString('en')} entries, ${mib(size)} (${(size / 2 ** 30).toFixed(2)} GiB; a bare JSON.parse cannot read it)`);
    console.log(`  check --format json           ${(r.ms / 1000).toFixed(1).padStart(6)} s    peak ${mib(r.peakRss)} in all, +${mib(peak)} over the process at rest (${(peak / size).toFixed(2)}x file), ${(size / 1048576 / (r.ms / 1000)).toFixed(0)} MiB/s`);
    console.log('  target: peak under 1 GiB');
    rmSync(big);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
