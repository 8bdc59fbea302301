/**
 * The POSIX curl export, run for real: thousands of generated requests whose every part is hostile (quotes,
 * $(...), backticks, !, %, ^, ;, tabs, control characters, non-ASCII, bidi overrides, very long values) go
 * through the whole pipeline (HAR → analysis → `exportExchange(..., 'curl')`), the command is run by bash with
 * history expansion on (as at an interactive prompt) and real curl, against a loopback server that records the
 * bytes. Each request must arrive with exactly its method, path and query, headers (less those curl computes
 * itself) and body, nothing else may run (a canary file is never created), and requests that cannot be sent as
 * they are (a raw CR or LF in a header) must be refused with a note naming the header, not sent.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportExchange, isTransportHeaderName } from '../../src/export';
import { analyseHar } from '../../src/har';
import { type EchoServer, startEchoServer } from '../support/echo-server';
import { harEntry } from '../support/har-builder';

const CASES = Number(process.env.RT_CASES ?? 2000);
const PER_SCRIPT = 250;

const work = mkdtempSync(join(tmpdir(), 'cors-lens-curl-'));
const canary = join(work, 'CANARY');

/** Pieces that have broken Copy-as-curl features, or would break a careless quoting. */
const HOSTILE = [
  "'",
  '"',
  '`',
  `$(touch ${canary})`,
  `\`touch ${canary}\``,
  `';touch ${canary};'`,
  `";touch ${canary};"`,
  `|touch ${canary}`,
  `&touch ${canary}&`,
  `\n touch ${canary}\n`,
  '!',
  '!!',
  '!-1',
  '!$',
  '^',
  '%PATH%',
  '%',
  '$HOME',
  '${IFS}',
  '\\',
  "\\'",
  '\\"',
  ';',
  '\t',
  ' ',
  '*',
  '?',
  '[a]',
  '{a,b}',
  '~',
  '#',
  '<',
  '>',
  '@/etc/passwd',
  '-d',
  '--data @x',
  'é',
  '日本語',
  '😀',
  '\u202e',
  '\u2066',
  '\u0085',
  '\u009b',
  '\u2028',
  '\u001b[31m',
  '\u0001',
  '\u007f',
  '\u00a0',
  '\u2019',
  '\u201c',
];
const BODY_ONLY = ['\n', '\r\n', '\r', '\n\n'];
const TCHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".split('');

const piece = (extra: string[]) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE, ...extra) }, { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) });
const hostile = (extra: string[] = [], maxLength = 12) => fc.array(piece(extra), { maxLength }).map((p) => p.join(''));
const long = fc.integer({ min: 9_000, max: 150_000 }).map((n) => 'x$`!\'"%^é'.repeat(Math.ceil(n / 9)).slice(0, n));
const token = fc.string({ unit: fc.constantFrom(...TCHARS), minLength: 1, maxLength: 16 });

/** What Chrome records: values without surrounding whitespace and without CR, LF or NUL. */
const cleanValue = (v: string) => v.replace(/[\r\n\0]/g, '').replace(/^[ \t]+|[ \t]+$/g, '');

interface Case {
  id: number;
  method: string;
  path: string;
  query: string;
  headers: [string, string][];
  body: string | null;
  /** A raw CR or LF left in this header's value: the export must refuse. */
  broken: number | null;
}

const caseArb = fc.record({
  method: fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'patch', 'get'), token),
  path: hostile(),
  query: hostile(),
  headers: fc.array(fc.tuple(fc.oneof({ weight: 5, arbitrary: token }, { weight: 1, arbitrary: fc.constantFrom('Accept', 'user-agent', 'Content-Type', 'Cookie', 'Host', 'Content-Length', 'Accept-Encoding', 'Connection', 'Expect') }), fc.oneof({ weight: 9, arbitrary: hostile() }, { weight: 1, arbitrary: long.map((l) => l.slice(0, 20_000)) })), { maxLength: 6 }),
  body: fc.oneof(fc.constant(null), hostile(BODY_ONLY, 20), long),
  broken: fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat(5) }),
  newline: fc.constantFrom('\n', '\r', '\r\n'),
});

/**
 * Inputs that broke shipped Copy-as-cURL features (Chrome crbug 1040080, 352651673, 406631048, 427367145,
 * 443948855; Firefox CVE-2020-6811, CVE-2023-23599; the curl `@file` quirk) and the quoting traps next to them.
 */
const KNOWN: readonly { method: string; path: string; query: string; headers: [string, string][]; body: string | null }[] = [
  { method: '|touch|', path: 'a', query: '', headers: [], body: null },
  { method: "&echo$IFS`touch`|sh&", path: 'a', query: '', headers: [], body: null },
  { method: 'POST', path: 'a', query: 'q={a,b}&r=[1]', headers: [], body: '@/etc/passwd' },
  { method: 'POST', path: 'a', query: '', headers: [['Content-Type', 'text/plain']], body: 'query=evil\n\n & touch CANARY \n\n' },
  { method: 'POST', path: 'a', query: '', headers: [], body: 'query=evil\n\ncmd /c calc1.exe\t\r\t calc2.exe \t calc3.exe \rcalc.exe\r' },
  { method: 'POST', path: 'a', query: '', headers: [], body: '\nquery=evil\ncmd /c calc.exe\x0b\ncmd /c calc.exe\x0c\n' },
  { method: 'POST', path: 'a', query: '', headers: [], body: 'query=evil\r\rcmd" /c timeout /t 3 & touch CANARY\r\r' },
  { method: 'POST', path: 'a', query: '', headers: [], body: '%OS%\r\n%%OS%%\r\n"\\"\'$&!' },
  { method: 'POST', path: 'a', query: '', headers: [], body: '!@#$%^&*()_+~`1234567890-=[]{};\':",./\r<>?\r\nqwer\nt\n\nyuiop' },
  { method: 'POST', path: 'a', query: '', headers: [], body: '\x7f\x80\x90\xff\t\u0700' },
  { method: 'POST', path: 'a', query: '', headers: [], body: "1234\r\n\x0100\x02\x03\x04\x05'\"!" },
  { method: 'GET', path: 'a', query: '', headers: [['X-A', "'; touch CANARY; #"]], body: null },
  { method: 'GET', path: 'a', query: '', headers: [['X-A', 'x\\'], ['X-B', '; touch CANARY; #']], body: null },
  { method: 'GET', path: 'a', query: '', headers: [['X-A', 'C:\\dir\\'], ['X-B', 'a\\b'], ['X-C', 'a!OS!b']], body: null },
  { method: 'GET', path: 'a', query: '', headers: [['X-A', 'x\u2019; touch CANARY; \u2019'], ['X-B', 'x\u201d;touch CANARY;echo \u201d']], body: null },
  { method: 'GET', path: 'a', query: '', headers: [['X-A', "\x01'!!"], ['X-B', "\x01'!-1 !$ ^a^b"]], body: null },
  { method: 'GET', path: 'a', query: '', headers: [['X-A', "'!ls:q:gs|ls|;touch CANARY;|"], ['X-B', '""'], ['Cookie', '/etc/passwd']], body: null },
  { method: 'GET', path: 'a', query: '', headers: [['X-A', 'x" -T /etc/passwd "'], ['X-B', '@/etc/passwd']], body: null },
];

function buildCases(port: number): Case[] {
  const known = KNOWN.map((k) => ({ ...k, broken: null, newline: '\n' as const, headers: k.headers.map(([n, v]) => [n, v.replaceAll('CANARY', canary)] as [string, string]), body: k.body?.replaceAll('CANARY', canary) ?? null }));
  const raw = [...known, ...fc.sample(caseArb, { numRuns: CASES - known.length, seed: 4242 })];
  return raw.map((r, id) => {
    const headers = r.headers.map(([n, v]) => [n, cleanValue(v)] as [string, string]);
    let broken: number | null = null;
    // A broken header curl computes itself (Host, Content-Length...) is left out, so it breaks nothing.
    const breakable = headers.map((h, i) => i).filter((i) => !isTransportHeaderName((headers[i] as [string, string])[0]));
    if (r.broken !== null && breakable.length > 0) {
      broken = breakable[r.broken % breakable.length] as number;
      const [n, v] = headers[broken] as [string, string];
      headers[broken] = [n, `${v.slice(0, 3)}a${r.newline}b${v.slice(3)}`];
    }
    const method = /^(connect|trace|track)$/i.test(r.method) ? 'GET' : r.method;
    const body = /^(GET|HEAD)$/i.test(method) ? null : r.body === null ? null : r.body.replace(/\0/g, '');
    return { id, method, path: r.path, query: r.query, headers, body, broken, port } as Case;
  });
}

/** The URL as Chrome records it: parsed and serialised, no fragment. */
function capturedUrl(c: Case, port: number): string {
  const u = new URL(`http://127.0.0.1:${port}/c${c.id}/${c.path}?${c.query}`.replace(/#/g, '%23'));
  u.hash = '';
  return u.href;
}

/** Runs a script in bash, asynchronously: the echo server answering curl lives in this process. */
function runBash(script: string): Promise<{ status: number | null; stderr: string }> {
  const file = join(work, `run-${Math.random().toString(36).slice(2)}.sh`);
  // History expansion on, as at an interactive prompt: a `!` that reaches it would rewrite the command.
  writeFileSync(file, `set -o history -o histexpand\nexec >/dev/null\n${script}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [file], { cwd: work, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: work }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('curl export through a real bash and curl', () => {
  let echo: EchoServer;
  beforeAll(async () => {
    try {
      execFileSync('curl', ['--version'], { stdio: 'ignore' });
    } catch {
      throw new Error('this test needs curl on PATH: apt-get install -y curl');
    }
    echo = await startEchoServer();
  });
  afterAll(async () => {
    await echo?.close();
    rmSync(work, { recursive: true, force: true });
  });

  test(`${CASES} hostile requests arrive exactly as captured, and nothing else runs`, { timeout: 240_000 }, async () => {
    const cases = buildCases(echo.port);
    const urls = new Map<number, string>();
    const entries = cases.map((c) => {
      const url = capturedUrl(c, echo.port);
      urls.set(c.id, url);
      return harEntry({
        method: c.method,
        url,
        start: c.id * 5,
        requestHeaders: [['Host', `127.0.0.1:${echo.port}`], ...c.headers],
        body: c.body === null ? undefined : { mimeType: 'text/plain', text: c.body },
      });
    });
    const analysis = analyseHar({ log: { entries } });
    expect(analysis.exchanges).toHaveLength(CASES);

    const sent: Case[] = [];
    let refused = 0;
    let script = '';
    const flush = async () => {
      if (script === '') return;
      const r = await runBash(script);
      // curl's progress meter goes to stderr when stdout is not a terminal; anything else there is a complaint.
      const complaints = r.stderr.split(/[\r\n]+/).filter((l) => /bash|curl|line \d+|not found|error|warning|event/i.test(l) && !/^Note: /.test(l));
      expect(complaints, 'bash or curl complained').toEqual([]);
      expect(r.status, 'the last command failed').toBe(0);
      script = '';
    };
    let inScript = 0;
    for (const x of analysis.exchanges) {
      const id = Number(/\/c(\d+)\//.exec(x.url)?.[1]);
      const c = cases[id] as Case;
      const out = exportExchange(x, 'curl', { redact: false });
      if (c.broken !== null) {
        expect(out.ok, `case ${id} has a raw line break in a header and must be refused`).toBe(false);
        if (!out.ok) expect(out.reason).toMatch(/carriage return|line feed/);
        refused++;
        continue;
      }
      if (!out.ok) throw new Error(`case ${id} refused: ${out.reason}`);
      script += `${out.value}\n`;
      sent.push(c);
      if (++inScript === PER_SCRIPT) {
        await flush();
        inScript = 0;
      }
    }
    await flush();

    expect(existsSync(canary), 'a command ran something besides curl').toBe(false);
    expect(echo.received).toHaveLength(sent.length);
    const byId = new Map(echo.received.map((r) => [Number(/^\/c(\d+)\//.exec(r.target)?.[1]), r]));
    for (const c of sent) {
      const got = byId.get(c.id);
      const url = urls.get(c.id) as string;
      expect(got, `case ${c.id} never arrived`).toBeDefined();
      if (!got) continue;
      expect(got.method, `case ${c.id} method`).toBe(c.method);
      expect(got.target, `case ${c.id} path and query`).toBe(url.slice(`http://127.0.0.1:${echo.port}`.length));
      const wanted = c.headers.filter(([n]) => !isTransportHeaderName(n)).map(([n, v]) => `${n}: ${Buffer.from(v, 'utf8').toString('latin1')}`);
      const arrived = got.headers.filter((h) => !/^(host|content-length)$/i.test(h.name)).map((h) => `${h.name}: ${h.value.toString('latin1')}`);
      expect(arrived, `case ${c.id} headers`).toEqual(wanted);
      const body = c.body ?? '';
      expect(got.body.toString('latin1'), `case ${c.id} body`).toBe(Buffer.from(body, 'utf8').toString('latin1'));
      // A request with a body (an empty one included: Chrome sends Content-Length: 0 on such a POST) says its length.
      const length = got.headers.find((h) => h.name.toLowerCase() === 'content-length');
      expect(length?.value.toString('latin1'), `case ${c.id} Content-Length`).toBe(c.body === null ? undefined : String(Buffer.byteLength(body)));
    }
    expect(refused).toBeGreaterThan(CASES * 0.03);
    expect(sent.length).toBeGreaterThan(CASES * 0.8);
  });
});
