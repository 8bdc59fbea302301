/**
 * Quoting for cmd.exe and PowerShell, against the documented parsing rules (test/support/shell-models.ts) and
 * the inputs that broke shipped Copy-as-cURL features. The POSIX flavour is run for real by bash and curl in
 * test/e2e/curl-roundtrip.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { curlScript, type Reproduction } from '../../../src/export';
import { cmdQuote, cmdUnquotable, crtQuote } from '../../../src/export/shell-cmd';
import { posixQuote } from '../../../src/export/shell-posix';
import { needsModernPassing, powershellQuote } from '../../../src/export/shell-powershell';
import { cmdArgv, crtArgv, Injection, powershellArgv } from '../../support/shell-models';

/** Variables a Windows user has, plus every one-letter name, so any %X% that survives quoting expands. */
const ENV = new Map<string, string>([
  ...['PATH', 'OS', 'TEMP', 'USERNAME', 'USERPROFILE', 'CD', 'RANDOM', '_XX', '2XX'].map((n) => [n, `<${n}>`] as [string, string]),
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'.split('').map((n) => [n, `<${n}>`] as [string, string]),
]);

/** Inputs from Chrome's and Firefox's bug reports and tests (see the notes in test/e2e/curl-roundtrip.test.ts). */
const KNOWN = [
  '|evilcommand|',
  '&echo$IFS`echo`6375|xxd$IFS`echo`-r|sh&',
  '"Google Chrome";v="107", "Chromium";v="107"',
  'eva="Sg4="',
  'eva=%22Sg4%3D%22',
  '%PATH%$PATH',
  '%TEMP% %@foo% %2XX% %_XX% %?XX%',
  '%%OS%%',
  '{"a":1}',
  'query=evil\n\n & cmd /c calc.exe \n\n',
  'Quote: "Time is an illusion. Lunchtime doubly so."',
  '$(calc.exe)',
  '`$(calc.exe)',
  'a\\b',
  'C:\\dir\\',
  '\\A simple string\\',
  'x" -T C:\\Windows\\win.ini "',
  'a\\" b',
  '""',
  '@/etc/passwd',
  'a!OS!b',
  'x\u2019; Start-Process calc; \u2019',
  'x\u201d;whoami;echo \u201d',
  '^a^b',
  '<>|&()',
];

describe('cmd.exe', () => {
  test.each([
    ['%PATH%$PATH', '^"^%^PATH^%^$PATH^"'],
    // Chrome writes ^\ where we write \: a backslash means nothing to cmd, so both reach curl.exe the same.
    ['{"a":1}', '^"^{\\^"a\\^":1^}^"'],
    ['eva="Sg4="', '^"eva=\\^"Sg4=\\^"^"'],
    ['a & calc', '^"a ^& calc^"'],
    ['a\\b', '^"a\\b^"'],
    ['C:\\dir\\', '^"C:\\dir\\\\^"'],
  ])('%j is written %j (Chrome unit-test vectors; backslashes doubled only before a quote)', (input, output) => {
    expect(cmdQuote(input)).toBe(output);
  });

  test.each(KNOWN.filter((k) => cmdUnquotable(k) === null))('known failure case %j reaches curl.exe unchanged, with no operator live', (value) => {
    expect(cmdArgv(`curl.exe ${cmdQuote(value)}`, ENV)).toEqual(['curl.exe', value]);
  });

  test('a trailing backslash cannot swallow the next argument (Firefox W10)', () => {
    const line = `curl.exe -H ${cmdQuote('a: C:\\dir\\')} -H ${cmdQuote('b: x -T C:/Windows/win.ini y')}`;
    expect(cmdArgv(line, ENV)).toEqual(['curl.exe', '-H', 'a: C:\\dir\\', '-H', 'b: x -T C:/Windows/win.ini y']);
  });

  test.each(['\r', '\t', '\u000b', '\u000c', '\u001b', '\u0000'])('refuses %j rather than paste it into a console (crbug 406631048, 427367145, 443948855)', (c) => {
    expect(cmdUnquotable(`query=evil${c}& calc.exe`)).toMatch(/cmd|control/);
  });

  test('any text cmd can carry arrives exactly, and nothing in it reaches cmd as an operator (property)', () => {
    const unit = fc.oneof(fc.constantFrom(...'%^&|<>()"\\!\n \'$`;,=@*?[]{}~éü日😀'.split(''), '%PATH%', '%OS%', '\\"', '^"'), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 20 }).map((a) => a.join('')), (value) => {
        fc.pre(cmdUnquotable(value) === null);
        expect(cmdArgv(`curl.exe ${cmdQuote(value)}`, ENV)).toEqual(['curl.exe', value]);
      }),
      { numRuns: 3000 },
    );
  });

  test('the model catches the quoting that shipped broken: plain quotes let & through, Chrome-style doubling corrupts \\', () => {
    expect(() => cmdArgv('curl.exe "a" & calc "b"', ENV)).toThrow(Injection);
    expect(crtArgv('"a\\\\b"')).toEqual(['a\\\\b']);
    expect(cmdArgv(`curl.exe ${crtQuote('%PATH%')}`, ENV)).not.toEqual(['curl.exe', '%PATH%']);
  });
});

describe('PowerShell', () => {
  test.each(KNOWN)('known failure case %j is one argument, unchanged', (value) => {
    expect(powershellArgv(`curl.exe ${powershellQuote(value)}`)).toEqual(['curl.exe', value]);
  });

  test('typographic single quotes are doubled like ASCII ones (CVE-2021-33055 class)', () => {
    expect(powershellQuote('a\u2019b\u2018c\u201ad\u201be\'f')).toBe("'a\u2019\u2019b\u2018\u2018c\u201a\u201ad\u201b\u201be''f'");
  });

  test('control characters are joined in as [char] so the command stays printable', () => {
    expect(powershellQuote('a\nb\u001b')).toBe("('a' + [char]0x0A + 'b' + [char]0x1B)");
    expect(powershellQuote('\r\n')).toBe("('' + [char]0x0D + [char]0x0A)");
  });

  test('any text arrives as one argument, unchanged (property)', () => {
    const unit = fc.oneof(fc.constantFrom(...'\'\u2018\u2019\u201a\u201b\u201c\u201d"$`(){};|&@\n\r\t\u001b\u2028 '.split(''), '$(calc)', '`$env:USERNAME'), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 20 }).map((a) => a.join('')), (value) => {
        fc.pre(!value.includes('\0'));
        expect(powershellArgv(`curl.exe ${powershellQuote(value)}`)).toEqual(['curl.exe', value]);
      }),
      { numRuns: 3000 },
    );
  });

  test.each([
    ['a"b', true],
    ['a" b', true],
    ['C:\\dir\\ x\\', true],
    ['', true],
    ['C:\\dir\\', false],
    ['plain value', false],
  ])('%j needs PowerShell 7.3 argument passing: %s (PowerShell issues 1995, 14747)', (value, needed) => {
    expect(needsModernPassing(value)).toBe(needed);
  });
});

function oneStep(headers: [string, string][], body: string | null = null): Reproduction {
  return {
    steps: [{ kind: 'request', hop: 0, source: 'captured', failed: false, response: null, request: { method: 'POST', url: 'http://127.0.0.1:8002/x?a=1', headers: headers.map(([name, value]) => ({ name, value })), body } }],
    notes: [],
    unfaithful: null,
    browser: 'Chrome',
  };
}

describe('Windows: non-ASCII is refused ("WorstFit": best-fit conversion turns some characters into quotes)', () => {
  test.each(['x\uff02 -o C:\\evil.bat \uff02', 'a\u00a5b', 'caf\u00e9', '\u202e'])('%j is refused for cmd and PowerShell, carried by bash', (value) => {
    const r = oneStep([['X-A', value]]);
    for (const flavour of ['cmd', 'powershell'] as const) {
      const out = curlScript(r, flavour);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.reason).toMatch(/non-ASCII text \(U\+[0-9A-F]{4}\).*bash version/);
    }
    expect(curlScript(r, 'bash').ok).toBe(true);
  });
});

describe('whole commands', () => {
  const request = oneStep([['X-A', '%PATH% & calc'], ['sec-ch-ua', '"Chromium";v="156"'], ['X-Empty', '']], '{"a":"C:\\\\x"}\nline2');

  test('cmd: the pasted lines give curl.exe exactly the arguments, comments and continuations included', () => {
    const out = curlScript(request, 'cmd');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(cmdArgv(out.value, ENV)).toEqual(['curl.exe', '-i', 'http://127.0.0.1:8002/x?a=1', '-H', 'X-A: %PATH% & calc', '-H', 'sec-ch-ua: "Chromium";v="156"', '-H', 'X-Empty;', '-H', 'User-Agent:', '-H', 'Accept:', '-H', 'Content-Type:', '--data-raw', '{"a":"C:\\\\x"}\nline2']);
  });

  test('PowerShell: the same arguments, behind a version check because a value holds a double quote', () => {
    const out = curlScript(request, 'powershell');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const lines = out.value.split('\n');
    const start = lines.findIndex((l) => l.trim().startsWith('curl.exe'));
    const end = lines.findIndex((l, i) => i > start && !l.endsWith(' `'));
    expect(out.value).toContain("if ($PSVersionTable.PSVersion -lt [version]'7.3' -or $PSNativeCommandArgumentPassing -eq 'Legacy')");
    expect(powershellArgv(lines.slice(start, end + 1).join('\n').trim())).toEqual(['curl.exe', '-i', 'http://127.0.0.1:8002/x?a=1', '-H', 'X-A: %PATH% & calc', '-H', 'sec-ch-ua: "Chromium";v="156"', '-H', 'X-Empty;', '-H', 'User-Agent:', '-H', 'Accept:', '-H', 'Content-Type:', '--data-raw', '{"a":"C:\\\\x"}\nline2']);
  });

  test('PowerShell without double quotes runs on any version: no guard', () => {
    const out = curlScript(oneStep([['X-A', 'plain']]), 'powershell');
    expect(out.ok && out.value.includes('PSVersion')).toBe(false);
  });

  test('cmd refuses a body with CR and says to use another shell; bash carries it', () => {
    const crlf = oneStep([], 'a\r\nb');
    const cmd = curlScript(crlf, 'cmd');
    expect(cmd.ok).toBe(false);
    if (!cmd.ok) expect(cmd.reason).toMatch(/carriage return.*bash or PowerShell/);
    expect(curlScript(crlf, 'bash').ok).toBe(true);
  });

  test('cmd refuses a command over 8191 characters; bash sends a huge body through standard input', () => {
    const big = oneStep([], 'x'.repeat(200_000));
    const cmd = curlScript(big, 'cmd');
    expect(!cmd.ok && cmd.reason).toMatch(/8191/);
    const bash = curlScript(big, 'bash');
    // A boolean, so a failure does not print 200 kB.
    expect(bash.ok && /^printf '%s' x+ \|\n {2}curl -i /m.test(bash.value) && bash.value.endsWith('\n  --data-binary @-\n') && !bash.value.includes('--data-raw')).toBe(true);
  });

  test('comment lines hold nothing a shell acts on', () => {
    for (const flavour of ['bash', 'cmd', 'powershell'] as const) {
      const out = curlScript({ ...request, notes: ['Secrets are shown as [REDACTED]; export with redaction off.'] }, flavour);
      if (!out.ok) throw new Error(out.reason);
      for (const line of out.value.split('\n').filter((l) => l.startsWith('#') || l.startsWith('REM'))) expect(line).not.toMatch(/[%&|<>^`$\r]/);
    }
  });
});

describe('POSIX quoting, as text (run for real in the e2e round trip)', () => {
  test.each([
    ["It's", "'It'\\''s'"],
    ['!', "'!'"],
    ['a\u0007b', "$'a\\x07b'"],
    ["\u0001'!!", "$'\\x01\\x27\\x21\\x21'"],
    ['\u202e', "$'\\xe2\\x80\\xae'"],
    ['é', "'é'"],
    ['plain-word_1.2/x', 'plain-word_1.2/x'],
    ['Accept:', "'Accept:'"],
  ])('%j → %s', (input, output) => {
    expect(posixQuote(input)).toBe(output);
  });
});
