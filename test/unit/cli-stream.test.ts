/**
 * The command line on captures read as a stream (issue 14): --format json lists the CORS exchanges and counts
 * the rest, --all lists everything, an exchange keeps its id either way and `export` takes that id, a file that
 * ends early is analysed up to its last whole entry, and no input is refused for its size.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { harEntry } from './../support/har-builder';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'dist/cli/cors-lens.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'cors-lens-stream-'));

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(bin)) throw new Error('dist/cli/cors-lens.mjs is missing: npm test builds it first (npm run build)');
});

const PAGE = 'http://127.0.0.1:8001';
const API = 'http://127.0.0.1:8002';
const asset = (n: number) => harEntry({ url: `${PAGE}/static/${n}.js`, start: n, resourceType: 'script', requestHeaders: [['Sec-Fetch-Mode', 'no-cors'], ['Sec-Fetch-Site', 'same-origin']] });
const cors = (n: number, allowed: boolean) =>
  harEntry({ url: `${API}/api/${n}`, start: n, requestHeaders: [['Origin', PAGE], ['Sec-Fetch-Mode', 'cors']], responseHeaders: allowed ? [['Access-Control-Allow-Origin', PAGE], ['Vary', 'Origin']] : [], error: allowed ? null : 'net::ERR_FAILED' });
const capture = JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, entries: [asset(0), cors(1, true), asset(2), asset(3), cors(4, false), asset(5)] } });
const path = join(tmp, 'mixed.har');
writeFileSync(path, capture);

interface Listed {
  readonly id: number;
  readonly verdict: string;
  readonly url: string;
}

describe('--format json: CORS exchanges listed, the rest counted', () => {
  test('without --all, only the CORS exchanges, under the ids --all gives them', () => {
    const brief = JSON.parse(run(['check', path, '--format', 'json']).stdout) as { exchanges: Listed[]; summary: Record<string, number> };
    const all = JSON.parse(run(['check', path, '--format', 'json', '--all']).stdout) as { exchanges: Listed[]; summary: Record<string, number> };
    expect(brief.exchanges.map((x) => [x.id, x.verdict])).toEqual([
      [1, 'allowed'],
      [4, 'blocked'],
    ]);
    expect(all.exchanges.map((x) => x.id)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const x of brief.exchanges) expect(all.exchanges[x.id]).toEqual(x);
    expect(brief.summary).toEqual({ entries: 6, exchanges: 6, allowed: 1, blocked: 1, 'not-cors': 4, unknown: 0, warnings: 0 });
    expect(all.summary).toEqual(brief.summary);
  });

  test('export --exchange takes the id the list shows', () => {
    const r = run(['export', path, '--exchange', '4', '--as', 'curl']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain(`${API}/api/4`);
    expect(run(['export', path, '--exchange', '9', '--as', 'curl']).stderr).toBe('cors-lens: there is no exchange 9: the capture has exchanges 0 to 5 (see check --format json)\n');
  });

  test('text and markdown count what they do not list', () => {
    expect(run(['check', path]).stdout).toContain('6 exchanges in 6 entries: 1 blocked, 1 allowed, 4 not CORS, 0 unknown');
    expect(run(['check', path, '--format', 'markdown']).stdout).toContain('6 exchanges in 6 HAR entries: **1 blocked**, 1 allowed, 4 not CORS');
  });
});

describe('any size, any source', () => {
  test('standard input in many chunks reads as the file does', () => {
    // Enough entries to span several of the reader's 1 MiB chunks.
    const entries = Array.from({ length: 6000 }, (_, n) => (n % 3 === 0 ? cors(n, n % 2 === 0) : asset(n)));
    const big = JSON.stringify({ log: { creator: { name: 'WebInspector', version: '537.36' }, entries } }, null, 2);
    expect(big.length).toBeGreaterThan(3 << 20);
    const file = join(tmp, 'big.har');
    writeFileSync(file, big);
    const fromFile = run(['check', file, '--format', 'json']);
    const fromStdin = run(['check', '-', '--format', 'json'], big);
    expect(fromStdin).toEqual(fromFile);
    expect(JSON.parse(fromFile.stdout).summary.exchanges).toBe(6000);
  });

  test('no size limit is left in the command line', () => {
    expect(readFileSync(bin, 'utf8')).not.toMatch(/largest HAR|511 MiB/);
  });
});

describe('a file that ends early', () => {
  test('analysed up to its last whole entry, and stderr says so', () => {
    const cut = capture.slice(0, capture.indexOf(`${API}/api/4`));
    const r = run(['check', '-', '--format', 'json'], cut);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('cors-lens: the file ends in the middle of entry 4: analysed the 4 entries before it\n');
    expect(JSON.parse(r.stdout).summary).toMatchObject({ entries: 4, exchanges: 4, allowed: 1 });
  });

  test('before any entry: not JSON, one line', () => {
    const r = run(['check', '-'], capture.slice(0, 20));
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^cors-lens: not JSON: [^\n]*\n$/);
  });
});
