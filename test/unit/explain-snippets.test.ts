/**
 * Fix snippets: built from observed values, and safe when those values are hostile. Each language literal is
 * decoded back (by the language's own escape rules) and must equal the value exactly: then nothing escaped it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apacheString, buildSnippets, explain, goString, javaString, jsString, nginxString, pyString, type SnippetInput } from '../../src/explain';
import { analyseHarText } from '../../src/har';

const sample = (name: string) => analyseHarText(readFileSync(new URL(`../fixtures/samples/${name}`, import.meta.url), 'utf8'));

/** The literal starting at `from` (a double quote), up to its unescaped closing quote. Fails on a raw line break inside. */
function literalAt(code: string, from: number): string {
  expect(code[from]).toBe('"');
  for (let i = from + 1; i < code.length; i++) {
    const ch = code[i];
    if (ch === '\n' || ch === '\r') throw new Error(`raw line break inside the literal at ${from}`);
    if (ch === '\\') i++;
    else if (ch === '"') return code.slice(from, i + 1);
  }
  throw new Error('unterminated literal');
}

/** C-family escapes (JS/JSON, Python, Go, Java after its \u pre-pass) → the string. */
function decodeC(lit: string): string {
  const body = lit.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch === '"') throw new Error('unescaped quote inside the literal');
    if (ch !== '\\') { out += ch; continue; }
    const e = body[++i] as string;
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', a: '\x07', '"': '"', "'": "'", '\\': '\\' };
    if (e in simple) out += simple[e];
    else if (e === 'u') { out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16)); i += 4; }
    else if (e === 'U') { out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 9), 16)); i += 8; }
    else if (e === 'x') { out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16)); i += 2; }
    else if (/[0-7]/.test(e)) { const m = /^[0-7]{1,3}/.exec(body.slice(i)) as RegExpExecArray; out += String.fromCharCode(parseInt(m[0], 8)); i += m[0].length - 1; }
    else throw new Error(`unknown escape \\${e}`);
  }
  return out;
}

/** Java applies \uXXXX before lexing: an eligible \u for an ASCII character would be a breakout. */
function javaPrepass(lit: string): string {
  return lit.replace(/(\\+)u([0-9a-fA-F]{4})/g, (m, slashes: string, hex: string) => {
    if (slashes.length % 2 === 0) return m;
    const code = parseInt(hex, 16);
    if (code < 0x80) throw new Error(`Java unicode escape for ASCII ${hex} would be applied before lexing`);
    return slashes.slice(1) + String.fromCharCode(code);
  });
}

const HOSTILE = ['http://a"b', 'x\\', '\\"', 'line\nbreak', 'cr\rlf', '$HOME ${SECRET}', '{}; drop', "it's", 'tab\there', '\u0000nul', 'esc\u001b[31m', '\u2028sep', 'caf\u00e9 \ud83d\ude00', '\ud800lone', '*.^$[()]?', '%{VAR}e %%', '"; os.system("x"); "', '`backtick`'];

describe('language literals decode back to exactly the value', () => {
  const cases: [string, (v: string) => string, (lit: string) => string][] = [
    ['JS', jsString, (l) => JSON.parse(l) as string],
    ['JS (own decoder)', jsString, decodeC],
    ['Python', pyString, decodeC],
    ['Java', javaString, (l) => decodeC(javaPrepass(l))],
  ];
  for (const [name, enc, dec] of cases) {
    it.each(HOSTILE)(`${name}: %j`, (v) => {
      const lit = enc(v);
      expect(literalAt(lit, 0)).toBe(lit);
      expect(/^[\x20-\x7e]*$/.test(lit)).toBe(true);
      expect(dec(lit)).toBe(v);
    });
    it(`${name}: any string (property)`, () => {
      fc.assert(fc.property(fc.string({ unit: 'binary' }), (v) => dec(enc(v)) === v && literalAt(enc(v), 0) === enc(v)));
    });
  }
  it.each(HOSTILE)('Go: %j (lone surrogates become U+FFFD, as Go itself would)', (v) => {
    const lit = goString(v);
    expect(literalAt(lit, 0)).toBe(lit);
    expect(decodeC(lit)).toBe(v.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
  });

  const python = spawnSync('python3', ['-c', 'print(1)'], { encoding: 'utf8' });
  it.runIf(python.status === 0)('Python itself reads every literal back as the value', () => {
    const program = `import ast, json, sys\nvals = [${HOSTILE.map(pyString).join(', ')}]\nsys.stdout.write(json.dumps(vals, ensure_ascii=True))`;
    const run = spawnSync('python3', ['-c', program], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(HOSTILE);
  });
});

/** nginx unescapes \" and \\ inside double quotes; Apache only \" (and mod_headers reads %% as %). */
function decodeNginx(lit: string): string {
  return lit.slice(1, -1).replace(/\\(["\\])/g, '$1');
}
function decodeApache(lit: string): string {
  const body = lit.slice(1, -1);
  expect(body).not.toMatch(/(^|[^\\])"/);
  return body.replace(/\\"/g, '"').replace(/%%/g, '%');
}

describe('nginx and Apache strings', () => {
  it.each(['a"b', 'a;b{c}', "it's", 'x\\y', 'p%q'])('nginx keeps %j inside the quotes', (v) => {
    const lit = nginxString(v) as string;
    expect(literalAt(lit, 0)).toBe(lit);
    expect(decodeNginx(lit)).toBe(v);
  });
  it.each(['a"b', 'a;b{c}', "it's", 'p%q', '%{HOME}e'])('Apache keeps %j inside the quotes', (v) => {
    const lit = apacheString(v) as string;
    expect(literalAt(lit, 0)).toBe(lit);
    expect(decodeApache(lit)).toBe(v);
  });
  it.each(['line\nbreak', 'cr\r', '$host', '${X}', 'nul\u0000', 'caf\u00e9'])('nginx refuses %j', (v) => expect(nginxString(v)).toBeNull());
  it.each(['line\nbreak', '${SECRET}', 'x\\', 'a\\"b', 'caf\u00e9'])('Apache refuses %j', (v) => expect(apacheString(v)).toBeNull());
});

const hostileInput: SnippetInput = {
  origin: 'http://evil"$x{y};z\\',
  credentials: true,
  methods: ['PUT', 'bad method', 'x\nPUT'],
  headers: ['x-custom', 'x-$var', 'x"q', 'bad\nname', 'x-ok;rm'],
  maxAge: 600,
  preflightMustSucceed: true,
  preflightMustNotRedirect: false,
  optionsBeforeAuth: true,
  oneLayerOnly: false,
  onErrorResponses: false,
};

describe('snippets with hostile observed values', () => {
  const snippets = buildSnippets(hostileInput);
  const by = (stack: string) => snippets.find((s) => s.stack === stack)?.code ?? '';

  it('has all seven stacks', () => {
    expect(snippets.map((s) => s.stack)).toEqual(['express', 'nginx', 'apache', 'flask', 'django', 'spring', 'go']);
  });

  it('never lets a line break from a value start a new line', () => {
    for (const s of snippets) {
      for (const line of s.code.split('\n')) expect(line.startsWith('PUT') || line.startsWith('name')).toBe(false);
      expect(s.code).not.toContain('bad\nname');
    }
  });

  it('drops header names and methods that are not tokens, and says so', () => {
    for (const s of snippets) {
      expect(s.code).not.toContain('bad method');
      expect(s.code).not.toContain('x"q');
      expect(s.code).not.toContain('x-ok;rm');
      expect(s.code).toMatch(s.stack === "nginx" || s.stack === "apache" ? /Left out 4 header names/ : /Left out 3 header names/);
      expect(s.code).toMatch(/Left out 2 methods/);
    }
  });

  it('JS: the origin literal decodes to the origin', () => {
    const code = by('express');
    const at = code.indexOf('origin: ') + 'origin: '.length;
    expect(JSON.parse(literalAt(code, at))).toBe(hostileInput.origin);
    expect(code).toContain('allowedHeaders: ["x-custom", "x-$var"]');
  });

  it('Go: the origin constant decodes to the origin', () => {
    const code = by('go');
    const at = code.indexOf('const allowedOrigin = ') + 'const allowedOrigin = '.length;
    expect(decodeC(literalAt(code, at))).toBe(hostileInput.origin);
  });

  it('Java: the origin literal decodes to the origin', () => {
    const code = by('spring');
    const at = code.indexOf('setAllowedOrigins(List.of(') + 'setAllowedOrigins(List.of('.length;
    expect(decodeC(javaPrepass(literalAt(code, at)))).toBe(hostileInput.origin);
  });

  it('Django: the origin literal decodes to the origin', () => {
    const code = by('django');
    const at = code.indexOf('CORS_ALLOWED_ORIGINS = [') + 'CORS_ALLOWED_ORIGINS = ['.length;
    expect(decodeC(literalAt(code, at))).toBe(hostileInput.origin);
  });

  it('Flask: an origin Flask-CORS would read as a regex is escaped as one', () => {
    const code = by('flask');
    expect(code).toContain('import re');
    const at = code.indexOf('re.escape(') + 're.escape('.length;
    expect(decodeC(literalAt(code, at))).toBe(hostileInput.origin);
  });

  it('nginx and Apache leave out an origin they cannot quote ($, backslash), and a header name with $', () => {
    for (const stack of ['nginx', 'apache']) {
      const code = by(stack);
      expect(code).not.toContain('evil');
      expect(code).toContain("The observed origin cannot be written safely here");
      expect(code).not.toContain('x-$var');
      expect(code).toContain('"x-custom"');
    }
  });
});

describe('snippets from a real capture (c4: PUT with X-Custom, preflight allows only content-type)', () => {
  const x = sample('har-c4-preflight-and-blocked-put.json').exchanges[0];
  if (!x) throw new Error('no exchange');
  const e = explain(x);
  const by = (stack: string) => e.snippets.find((s) => s.stack === stack)?.code ?? '';

  it('every snippet names the exact origin and both header names', () => {
    expect(e.snippets).toHaveLength(7);
    for (const s of e.snippets) {
      expect(s.code).toContain('http://127.0.0.1:8001');
      expect(s.code).toContain('x-custom');
      expect(s.code).toContain('content-type');
      expect(s.code).toContain('PUT');
    }
  });

  it.each([
    ['express', 'origin: "http://127.0.0.1:8001",'],
    ['express', 'allowedHeaders: ["content-type", "x-custom"],'],
    ['nginx', 'add_header Access-Control-Allow-Headers "content-type, x-custom" always;'],
    ['nginx', 'return 204;'],
    ['apache', 'Header always set Access-Control-Allow-Origin "http://127.0.0.1:8001"'],
    ['apache', 'RewriteRule ^ - [R=204,L]'],
    ['flask', 'origins=["http://127.0.0.1:8001"],'],
    ['django', 'CORS_ALLOW_HEADERS = (*default_headers, "content-type", "x-custom")'],
    ['spring', 'config.setAllowedHeaders(List.of("content-type", "x-custom"));'],
    ['go', 'h.Set("Access-Control-Allow-Headers", "content-type, x-custom")'],
    ['go', 'const allowedOrigin = "http://127.0.0.1:8001"'],
  ])('%s contains %s', (stack, line) => {
    expect(by(stack)).toContain(line);
  });

  it('suggests a max-age and no credentials (none were seen)', () => {
    expect(by('express')).toContain('maxAge: 600,');
    expect(by('express')).not.toContain('credentials: true');
  });
});
