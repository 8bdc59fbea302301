/**
 * The command-line contract (design.md), checked on the built binary as a user runs it: exit codes 0/1/2,
 * nothing on stdout for bad input, one line on stderr, JSON fields, and hostile values kept inert.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { bin, root, runCli, scratch } from '../support/cli-run';
import { har } from '../support/har-builder';

const samples = join(root, 'test/fixtures/samples');

const run = runCli;
const { dir: tmp, file } = scratch('cors-lens-cli-');

beforeAll(() => {
  if (!existsSync(bin)) throw new Error('dist/cli/cors-lens.mjs is missing: npm test builds it first (npm run build)');
});

describe('exit codes', () => {
  test('1 when a request was blocked, with the block on stdout', () => {
    const r = run(['check', join(samples, 'har-c4-preflight-and-blocked-put.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('BLOCKED  PUT http://127.0.0.1:8002/c4-xcustom?case=c4');
    expect(r.stdout).toContain('Send: Access-Control-Allow-Headers: content-type, x-custom');
  });
  test('0 when nothing was blocked', () => {
    const r = run(['check', file('ok.har', har([{ url: 'http://127.0.0.1:8002/a', start: 0, requestHeaders: [['Origin', 'http://127.0.0.1:8001'], ['Sec-Fetch-Mode', 'cors']], responseHeaders: [['Access-Control-Allow-Origin', 'http://127.0.0.1:8001'], ['Vary', 'Origin']] }]))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 exchange in 1 entries: 0 blocked, 1 allowed/);
  });
  const bad: [string, string, RegExp][] = [
    ['not JSON', '{oops', /^cors-lens: not JSON: /],
    ['JSON that is not a HAR', '[1, 2]', /^cors-lens: not a HAR: no usable entry \(entry 0: is a number, not an object\)$/],
    ['an object without log', '{"entries": 3}', /^cors-lens: not a HAR: the JSON object has no "log" object$/],
  ];
  test.each(bad)('2 for %s: one line on stderr, nothing on stdout', (_name, text, message) => {
    for (const format of ['text', 'json', 'markdown']) {
      const r = run(['check', file('bad.har', text), '--format', format]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(message);
    }
  });
  test('2 for a missing file and for bad usage', () => {
    expect(run(['check', join(tmp, 'nope.har')])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^cors-lens: cannot read .*nope\.har: no such file\n$/) });
    expect(run(['check'])).toMatchObject({ code: 2, stdout: '' });
    expect(run(['check', 'x.har', '--format', 'yaml'])).toMatchObject({ code: 2, stdout: '', stderr: 'cors-lens: --format takes text, json or markdown, not "yaml"\n' });
    expect(run(['frobnicate'])).toMatchObject({ code: 2, stdout: '' });
  });
  test('"-" reads standard input', () => {
    const r = run(['check', '-', '--format', 'json'], readFileSync(join(samples, 'har-c1-blocked-simple-get.json'), 'utf8'));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).exchanges[0].error.code).toBe('MissingAllowOriginHeader');
  });
  test('a partly broken HAR analyses the good entries and names the skipped ones on stderr', () => {
    const good = JSON.parse(har([{ url: 'http://127.0.0.1:8002/a', start: 0, requestHeaders: [['Origin', 'http://127.0.0.1:8001'], ['Sec-Fetch-Mode', 'cors']], error: 'net::ERR_FAILED' }]));
    const r = run(['check', file('partial.har', JSON.stringify({ log: { entries: [good.log.entries[0], { request: { url: 'http://x/' } }] } })), '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('cors-lens: skipped entry 1: request.method is missing or not a string\n');
    expect(JSON.parse(r.stdout).skipped).toEqual([{ index: 1, reason: 'request.method is missing or not a string' }]);
  });
});

describe('help, version and usage errors', () => {
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  test.each([[['--help']], [['-h']], [[]], [['check', 'x.har', '--help']], [['frobnicate', '-h']], [['-V', '-h']]])('%j prints the usage on stdout and exits 0', (args) => {
    const r = run(args);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^Usage: cors-lens check <file\.har\|->/);
    expect(r.stdout).toContain('cors-lens --help | --version');
  });
  test('-h inside another argument is not a request for help', () => {
    expect(run(['check', 'x.har', '-xh'])).toEqual({ code: 2, stdout: '', stderr: 'cors-lens: unknown option "-xh"\n' });
    expect(run(['check', 'x.har', '--help=1'])).toEqual({ code: 2, stdout: '', stderr: 'cors-lens: unknown option "--help=1"\n' });
  });
  test.each([[['--version']], [['-V']], [['export', '--version']]])("%j prints package.json's version and exits 0", (args) => {
    expect(run(args)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
  test.each([
    [['check', 'x.har', '--nope'], 'cors-lens: unknown option "--nope"\n'],
    [['check', 'x.har', '--nope=1'], 'cors-lens: unknown option "--nope=1"\n'],
    [['check', 'x.har', '-x'], 'cors-lens: unknown option "-x"\n'],
    [['check', 'x.har', '--exchange', '0'], 'cors-lens: unknown option "--exchange"\n'],
    [['export', 'x.har', '--format', 'json'], 'cors-lens: unknown option "--format"\n'],
    [['export', 'x.har', '--exchange', '0', '--as', 'curl', '--no-redact=yes'], 'cors-lens: --no-redact takes no value\n'],
    [['check', 'x.har', '--format'], 'cors-lens: --format takes text, json or markdown, not ""\n'],
    [['check', 'a.har', 'b.har'], 'cors-lens: one input file at a time (got "a.har" and "b.har")\n'],
    [['--format', 'json'], 'cors-lens: unknown command "--format"; try: cors-lens check <file.har>\n'],
  ])('%j: exit 2, one line on stderr, nothing on stdout', (args, stderr) => {
    expect(run(args)).toEqual({ code: 2, stdout: '', stderr });
  });
  test('an option takes the next argument whatever it looks like, and -- ends the options', () => {
    expect(run(['export', 'x.har', '--exchange', '-1', '--as', 'curl']).stderr).toMatch(/^cors-lens: --exchange takes a number .*not "-1"\n$/);
    file('-dashed.har', readFileSync(join(samples, 'har-c1-blocked-simple-get.json'), 'utf8'));
    expect(spawnSync(process.execPath, [bin, 'check', '-dashed.har'], { cwd: tmp, encoding: 'utf8' }).stderr).toBe('cors-lens: unknown option "-dashed.har"\n');
    const here = spawnSync(process.execPath, [bin, 'check', '--format=json', '--', '-dashed.har'], { cwd: tmp, encoding: 'utf8' });
    expect(here.status).toBe(1);
    expect(JSON.parse(here.stdout).exchanges[0].error.code).toBe('MissingAllowOriginHeader');
  });
});

describe('text output for a large capture', () => {
  test('requests blocked the same way are one block with a count; a different failure is its own block', () => {
    const blocked = (n: number, acao?: string) => ({ url: `http://127.0.0.1:8002/items/${n}`, start: n, requestHeaders: [['Origin', 'http://127.0.0.1:8001'], ['Sec-Fetch-Mode', 'cors']] as [string, string][], responseHeaders: acao ? ([['Access-Control-Allow-Origin', acao]] as [string, string][]) : [], error: 'net::ERR_FAILED' });
    const r = run(['check', file('many.har', har([blocked(1), blocked(2), blocked(3), blocked(4, 'http://localhost:8001')]))]);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/^BLOCKED/gm)).toHaveLength(2);
    expect(r.stdout).toContain('+ 2 more requests the same way (exchanges 1, 2):');
    expect(r.stdout).toContain('    GET http://127.0.0.1:8002/items/3');
    expect(r.stdout).toMatch(/4 exchanges in 4 entries: 4 blocked/);
  });
});

describe('--format json follows the contract', () => {
  test('fields of a blocked preflighted exchange', () => {
    const r = run(['check', join(samples, 'har-c4-preflight-and-blocked-put.json'), '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.exchanges).toHaveLength(1);
    expect(doc.exchanges[0]).toMatchObject({
      url: 'http://127.0.0.1:8002/c4-xcustom?case=c4',
      method: 'PUT',
      origin: 'http://127.0.0.1:8001',
      verdict: 'blocked',
      error: { code: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-custom', stage: 'preflight', firefox: 'CORSMissingAllowHeaderFromPreflight2' },
      preflight: { entry: 1, status: 204 },
      entries: [0, 1],
      warnings: [],
    });
    expect(['certain', 'inferred', 'uncertain']).toContain(doc.exchanges[0].confidence);
    expect(doc.exchanges[0].explanation).toMatch(/x-custom/);
  });
  test('error is null unless blocked; warnings carry their code', () => {
    const r = run(['check', join(samples, 'har-c8-maxage-cached-second-put.json'), '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(r.code).toBe(0);
    for (const x of doc.exchanges) {
      expect(x.verdict).toBe('allowed');
      expect(x.error).toBeNull();
      expect(x.warnings.map((w: { code: string }) => w.code)).toContain('MissingVaryOrigin');
    }
    expect(doc.exchanges[1].notes).toContain('preflight-from-cache');
  });
});

describe('hostile header values stay inert', () => {
  const evil = '\u001b]0;pwned\u0007\u001b[2J<img src=x onerror=alert(1)>|`rm -rf ~`\r\nX-Injected: 1\u202e';
  const hostile = har([{ url: 'http://127.0.0.1:8002/a', start: 0, requestHeaders: [['Origin', 'http://127.0.0.1:8001'], ['Sec-Fetch-Mode', 'cors']], responseHeaders: [['Access-Control-Allow-Origin', evil]], error: 'net::ERR_FAILED' }]);
  test('text: no escape sequence, no bidi override, no raw newline from the value reaches the terminal', () => {
    const r = run(['check', file('evil.har', hostile)]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(r.stdout).toContain('\\x1b]0;pwned');
    expect(r.stdout.split('\n').some((l) => l.startsWith('X-Injected'))).toBe(false);
  });
  test('markdown: HTML only inside code spans (rendered as text), no raw newline or control character from the value', () => {
    const r = run(['check', file('evil.har', hostile), '--format', 'markdown']);
    // A code span: a run of backticks, then anything up to the same-length run (CommonMark).
    const outsideCode = r.stdout.replace(/(`+)[\s\S]*?(?<!`)\1(?!`)/g, '');
    expect(r.stdout).toContain('<img');
    expect(outsideCode).not.toContain('<');
    expect(r.stdout.split('\n').some((l) => l.startsWith('X-Injected'))).toBe(false);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
  test('json: the value round-trips exactly (JSON escaping is the only encoding)', () => {
    const r = run(['check', file('evil.har', hostile), '--format', 'json']);
    expect(JSON.parse(r.stdout).exchanges[0].error.failedParameter).toBe(evil.trim());
  });
});

describe('export', () => {
  const c4 = join(samples, 'har-c4-preflight-and-blocked-put.json');

  test.each([
    ['curl', /^curl -i -X OPTIONS 'http:\/\/127\.0\.0\.1:8002\/c4-xcustom\?case=c4' \\$/m],
    ['curl-cmd', /^REM [^\n]*\ncurl\.exe -i -X \^"OPTIONS\^" \^"http:\/\/127\.0\.0\.1:8002\/c4-xcustom\^\?case=c4\^" \^$/m],
    ['curl-powershell', /^curl\.exe -i -X OPTIONS 'http:\/\/127\.0\.0\.1:8002\/c4-xcustom\?case=c4' `$/m],
    ['fetch', /^await fetch\("http:\/\/127\.0\.0\.1:8002\/c4-xcustom\?case=c4", \{\n {2}method: "PUT",/m],
    ['markdown', /^## Blocked: `PUT http:\/\/127\.0\.0\.1:8002\/c4-xcustom\?case=c4`$/m],
  ])('--as %s writes that format on stdout and exits 0', (as, shape) => {
    const r = run(['export', c4, '--exchange', '0', '--as', as as string]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(shape as RegExp);
  });

  test('curl replays the failed preflight and the request it guarded; markdown names browser and version', () => {
    const curl = run(['export', c4, '--exchange=0', '--as=curl']).stdout;
    expect(curl).toContain("curl -i -X OPTIONS 'http://127.0.0.1:8002/c4-xcustom?case=c4'");
    expect(curl).toContain("-H 'Access-Control-Request-Headers: content-type,x-custom'");
    expect(curl).toContain("curl -i -X PUT 'http://127.0.0.1:8002/c4-xcustom?case=c4'");
    expect(curl).toContain("--data-raw '{}'");
    const md = run(['export', c4, '--exchange', '0', '--as', 'markdown']).stdout;
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    // The browser string comes from the capture, so it sits in code like every captured value.
    expect(md).toContain(`Captured in \`HeadlessChrome 156.0.0.0 (from the User-Agent)\` · diagnosed by CORS Lens ${version}`);
  });

  test('an exchange that does not exist: exit 2, one line on stderr naming the range, nothing on stdout', () => {
    const r = run(['export', c4, '--exchange', '7', '--as', 'curl']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('cors-lens: there is no exchange 7: the capture has only exchange 0 (see check --format json)\n');
  });

  test('an exchange that cannot be replayed faithfully: exit 2, one line naming why', () => {
    const bad = file('newline.har', har([{ url: 'http://127.0.0.1:8002/a', start: 0, requestHeaders: [['Host', '127.0.0.1:8002'], ['Origin', 'http://127.0.0.1:8001'], ['X-Bad', 'a\r\nX-Injected: 1']] }]));
    const r = run(['export', bad, '--exchange', '0', '--as', 'curl']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/^cors-lens: exchange 0 \(GET http:\/\/127\.0\.0\.1:8002\/a\) cannot be replayed faithfully: the value of "X-Bad" holds a carriage return/);
    expect(run(['export', bad, '--exchange', '0', '--as', 'markdown']).code).toBe(0);
  });

  test('redaction is on unless --no-redact', () => {
    const secret = file('secret.har', har([{ url: 'http://127.0.0.1:8002/a?token=abcdef123456', start: 0, requestHeaders: [['Host', '127.0.0.1:8002'], ['Origin', 'http://127.0.0.1:8001'], ['authorization', 'Bearer abcdef123456']] }]));
    const redacted = run(['export', secret, '--exchange', '0', '--as', 'curl']).stdout;
    expect(redacted).not.toContain('abcdef123456');
    expect(redacted).toContain("-H 'authorization: Bearer [REDACTED]'");
    expect(run(['export', secret, '--exchange', '0', '--as', 'curl', '--no-redact']).stdout).toContain('Bearer abcdef123456');
  });

  test.each([
    [['export', 'x.har', '--as', 'curl'], /missing --exchange/],
    [['export', 'x.har', '--exchange', '0'], /missing --as/],
    [['export', 'x.har', '--exchange', 'one', '--as', 'curl'], /--exchange takes a number/],
    [['export', 'x.har', '--exchange', '0', '--as', 'wget'], /--as takes curl, curl-cmd, curl-powershell, fetch, markdown/],
    [['check', 'x.har', '--no-redact'], /unknown option/],
  ])('usage error %j: exit 2, one line', (args, message) => {
    const r = run(args);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(message);
  });
});

describe('Chrome and Firefox side by side', () => {
  const fixtureHar = (dir: string, group: string): string => {
    const f = JSON.parse(readFileSync(join(root, `test/fixtures/${dir}/${group}.json`), 'utf8')) as { har: { log?: unknown } };
    return file(`${dir}-${group}.har`, JSON.stringify(f.har.log ? f.har : { log: f.har }));
  };
  interface Row { url: string; verdict: string; error: { firefox: string | null } | null; otherBrowser: { browser: string; verdict: string; differs: boolean; firefox: string | null; text: string } | null }
  const rows = (p: string) => (JSON.parse(run(['check', p, '--format', 'json']).stdout) as { exchanges: Row[] }).exchanges;
  const byCase = (list: Row[], id: string) => list.find((r) => r.url.includes(`/c/${id}/`));

  test('json: a Chrome capture names what Firefox does (blocks too, or what it depends on)', () => {
    const list = rows(fixtureHar('chromium', 'triggers'));
    expect(byCase(list, 't-three-headers-one-allowed')).toMatchObject({ verdict: 'blocked', error: { firefox: 'CORSMissingAllowHeaderFromPreflight2' }, otherBrowser: { browser: 'firefox', verdict: 'blocked', differs: false } });
    const dpr = byCase(list, 't-dpr-not-allowed');
    expect(dpr).toMatchObject({ verdict: 'allowed', otherBrowser: { browser: 'firefox', verdict: 'depends', differs: true } });
    expect(dpr?.otherBrowser?.text).toContain('Access-Control-Allow-Headers must list dpr');
  });
  test('json: a Firefox capture is judged as Firefox judges, and names what Chrome does', () => {
    const list = rows(fixtureHar('firefox', 'triggers'));
    expect(byCase(list, 't-dpr-not-allowed')).toMatchObject({ verdict: 'blocked', error: { firefox: 'CORSMissingAllowHeaderFromPreflight2' }, otherBrowser: { browser: 'chrome', verdict: 'depends', differs: true } });
    expect(byCase(list, 't-dpr-abc-not-allowed')).toMatchObject({ verdict: 'blocked', otherBrowser: { browser: 'chrome', verdict: 'blocked', differs: false } });
  });
  test('text: a blocked block says it, and an allowed exchange Firefox may refuse has a DIFFERS block', () => {
    const out = run(['check', fixtureHar('chromium', 'triggers')]).stdout;
    expect(out).toContain('Firefox blocks this too: “header ‘x-alpha’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response” (CORSMissingAllowHeaderFromPreflight2).');
    // t-dpr and t-dpr-not-allowed differ the same way: one block, the second listed under it.
    expect(out).toMatch(/DIFFERS {2}GET http:\/\/127\.0\.0\.1:\d+\/c\/t-dpr\/a/);
    expect(out).toMatch(/; 10 where Chrome and Firefox may decide differently\n$/);
  });
  test("markdown: a Firefox capture's table leads with Firefox's reason and names Chrome's verdict", () => {
    const out = run(['check', fixtureHar('firefox', 'triggers'), '--format', 'markdown']).stdout;
    expect(out).toContain('| # | Verdict | Method | URL | Firefox reason | Chrome |');
    expect(out).toMatch(/\| blocked \| `GET` \| `[^`]*t-dpr-not-allowed[^`]*` \| `CORSMissingAllowHeaderFromPreflight2` \| depends \(see below\) \|/);
    expect(out).toContain('| Firefox reason | `CORSMissingAllowHeaderFromPreflight2` |');
  });
});
