/**
 * One measurement (reading the file included) in a fresh process, so peak memory (maxRSS) belongs to it alone.
 * Usage: node measure.mjs <parse|engine|cli> <file.har>; prints one JSON line.
 * - parse: readFileSync + JSON.parse, the baseline (refused past V8's 512 MiB string limit);
 * - engine: the library's streaming analysis of the file's chunks (analyseHarChunksSync), nothing printed;
 * - cli: `cors-lens check <file> --format json`, its output written to the null device.
 */
import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { devNull } from 'node:os';
import { performance } from 'node:perf_hooks';

const [mode, file] = process.argv.slice(2);
const engine = mode === 'engine' ? await import('../dist/cli/engine.mjs') : null;
const cli = mode === 'cli' ? await import('../dist/cli/cors-lens.mjs') : null;
const baselineRss = process.resourceUsage().maxRSS * 1024;

function* chunks() {
  const fd = openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) yield buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

const t0 = performance.now();
let result = {};
if (mode === 'parse') {
  // The text is not kept in a variable: nothing else holds it once parsed.
  result = { entries: JSON.parse(readFileSync(file, 'utf8')).log.entries.length };
} else if (mode === 'engine') {
  const a = engine.analyseHarChunksSync(chunks);
  result = { exchanges: a.exchanges.length + (a.unlisted ?? 0), built: a.exchanges.length };
} else if (mode === 'cli') {
  const out = openSync(devNull, 'w');
  let bytes = 0;
  const stdout = (s) => {
    bytes += s.length;
    writeSync(out, s);
  };
  const code = cli.run(['check', file, '--format', 'json'], { stdout, stderr: (s) => process.stderr.write(s), isTty: false, env: {} });
  closeSync(out);
  result = { exitCode: code, outputBytes: bytes };
} else throw new Error(`unknown mode ${mode}`);
const ms = performance.now() - t0;
console.log(JSON.stringify({ mode, ms, ...result, peakRss: process.resourceUsage().maxRSS * 1024, baselineRss }));
