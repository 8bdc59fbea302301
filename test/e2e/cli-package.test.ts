/**
 * The npm package as a user gets it: `npm pack` of the built dist, installed into an empty project and globally
 * with the registry unreachable (the package has no dependencies, so nothing may need it), then run the way the
 * README says: `npx cors-lens`, the bin on a fixture, `import { analyseHar } from 'cors-lens'` in a script, and
 * the types under `moduleResolution: nodenext`. npm runs with a clean environment: `npm test` exports
 * npm_config_* variables (local_prefix among them) that would point the inner npm at this repository.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const fixture = join(root, 'test/fixtures/samples/har-c1-blocked-simple-get.json');
const tsc = join(root, 'node_modules/typescript/bin/tsc');

const work = mkdtempSync(join(tmpdir(), 'cors-lens-package-'));
const project = join(work, 'project');
const globalPrefix = join(work, 'global');
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
/** No registry: an install that needs one fails instead of quietly downloading. */
const OFFLINE = ['--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--registry=http://127.0.0.1:9/', `--cache=${join(work, 'npm-cache')}`];

function sh(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 60_000 });
}
function ok(r: SpawnSyncReturns<string>): string {
  if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

let packed: { filename: string; size: number; files: { path: string }[] };

beforeAll(() => {
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // --ignore-scripts: prepack would rebuild dist/cli while other test files read it; npm test has just built it.
  [packed] = JSON.parse(ok(sh('npm', ['pack', '--ignore-scripts', '--json', `--pack-destination=${project}`], root))) as [typeof packed];
  ok(sh('npm', ['install', '--save-dev', `./${packed.filename}`, ...OFFLINE], project));
  ok(sh('npm', ['install', '--global', `--prefix=${globalPrefix}`, join(project, packed.filename), ...OFFLINE], project));
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the tarball', () => {
  test('holds the Node build, its declarations, README and package.json: no extension, sources, tests or fixtures', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths.filter((p) => !/^(package\.json|README\.md|LICENSE|dist\/cli\/[\w/.-]+\.mjs|dist\/types\/[\w/.-]+\.d\.ts)$/.test(p))).toEqual([]);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/cli/cors-lens.mjs', 'dist/cli/index.mjs', 'dist/types/index.d.ts']));
    expect(packed.filename).toBe(`cors-lens-${pkg.version}.tgz`);
  });

  test('the shipped code imports nothing but its own files and node: built-ins', () => {
    const dir = join(project, 'node_modules/cors-lens/dist/cli');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mjs'));
    // Static imports start a line in the bundle; a dynamic one is import("literal").
    const imports = /^(?:import|export)\b[^;'"]*?\bfrom\s*["']([^"']+)["']|^import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm;
    const specifiers = files.flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(imports)].map((m) => (m[1] ?? m[2] ?? m[3]) as string));
    const bare = specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('node:'));
    expect(specifiers).toContain('node:fs');
    expect(files.length).toBeGreaterThan(1);
    expect(bare).toEqual([]);
  });
});

describe('installed in an empty project with no registry', () => {
  test('node_modules holds cors-lens alone: no preact, no modern-screenshot, no build tools', () => {
    expect(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.')).sort()).toEqual(['cors-lens']);
    const installed = JSON.parse(readFileSync(join(project, 'node_modules/cors-lens/package.json'), 'utf8')) as Record<string, unknown>;
    expect(installed.dependencies).toBeUndefined();
    expect(installed.private).toBeUndefined();
  });

  test('npx cors-lens --version is package.json\'s version', () => {
    expect(ok(sh('npx', ['--offline', 'cors-lens', '--version'], project))).toBe(`${pkg.version}\n`);
  });

  test('cors-lens check on a blocked capture: exit 1 and the BLOCKED line', () => {
    const r = sh(join(project, 'node_modules/.bin/cors-lens'), ['check', fixture], project);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('BLOCKED  GET http://127.0.0.1:8002/c1-noacao?case=c1');
    expect(r.stderr).toBe('');
  });

  test('cors-lens export writes the curl commands', () => {
    const r = sh(join(project, 'node_modules/.bin/cors-lens'), ['export', fixture, '--exchange', '0', '--as', 'curl'], project);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("curl -i 'http://127.0.0.1:8002/c1-noacao?case=c1'");
  });

  test("import { analyseHar, explain } from 'cors-lens' in a script; internals stay unexported", () => {
    writeFileSync(join(project, 'use.mjs'), `import { readFileSync } from 'node:fs';
import { analyseHar, explain, version } from 'cors-lens';
const { exchanges } = analyseHar(JSON.parse(readFileSync(process.argv[2], 'utf8')));
let internal = 'importable';
try { await import('cors-lens/dist/cli/engine.mjs'); } catch (e) { internal = e.code; }
console.log(JSON.stringify({ version, internal, exchanges: exchanges.map((x) => ({ verdict: x.evaluation.verdict, headline: explain(x).headline })) }));
`);
    expect(JSON.parse(ok(sh(process.execPath, ['use.mjs', fixture], project)))).toEqual({
      version: pkg.version,
      internal: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
      exchanges: [{ verdict: 'blocked', headline: 'Blocked: the response has no Access-Control-Allow-Origin header.' }],
    });
  });

  test('the types resolve under moduleResolution nodenext, without DOM or Node types, and are not any', () => {
    writeFileSync(join(project, 'use.ts'), `import { analyseHarText, explain, HarError, version, type AnalysedExchange, type Explanation, type VerdictKind } from 'cors-lens';
const analysis = analyseHarText('{"log":{"entries":[]}}');
const first: AnalysedExchange | undefined = analysis.exchanges[0];
const verdict: VerdictKind | undefined = first?.evaluation.verdict;
const explanation: Explanation | undefined = first && explain(first);
// Each line below compiles only if the declarations resolved to any: @ts-expect-error then fails the build.
// @ts-expect-error a verdict is a string union
const notNumber: number = analysis.exchanges[0]!.evaluation.verdict;
// @ts-expect-error a headline is a string
const alsoNotNumber: number = explanation!.headline;
export const used = [verdict, version, notNumber, alsoNotNumber, HarError];
`);
    const config = { compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022'], types: [], strict: true, noEmit: true, skipLibCheck: false }, files: ['use.ts'] };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(config));
    const r = sh(process.execPath, [tsc, '-p', project], project);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

test('installed globally: the cors-lens command runs', () => {
  expect(ok(sh(join(globalPrefix, 'bin/cors-lens'), ['--version'], work))).toBe(`${pkg.version}\n`);
  expect(readdirSync(join(globalPrefix, 'lib/node_modules'))).toEqual(['cors-lens']);
});
