/** The CLI says once what the file can show: who wrote it, and a sanitized export with what that leaves open. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { sanitizeHar } from '../../scripts/lib/sanitize-har.mjs';
import { run } from '../../src/cli/main';
import { SANITIZED_NOTE } from '../../src/explain';

const dir = mkdtempSync(join(tmpdir(), 'cors-lens-capture-'));
function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = run(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTty: false, env: {} });
  return { code, stdout, stderr };
}

const fixture = JSON.parse(readFileSync('test/fixtures/chromium/credentials.json', 'utf8')) as { har: unknown };
const sanitized = join(dir, 'sanitized.har');
writeFileSync(sanitized, JSON.stringify({ log: sanitizeHar(fixture.har) }));
const original = join(dir, 'original.har');
writeFileSync(original, JSON.stringify({ log: fixture.har }));

describe('the capture, named once', () => {
  test('text: a sanitized export gets the note once, with how to export everything', () => {
    const out = cli(['check', sanitized]).stdout;
    expect(out.split(SANITIZED_NOTE).length - 1).toBe(1);
    expect(out).toContain('Allow to generate HAR with sensitive data');
    expect(cli(['check', original]).stdout).not.toContain(SANITIZED_NOTE);
  });

  test('json: the producer and whether the file was sanitized', () => {
    const doc = JSON.parse(cli(['check', sanitized, '--format', 'json']).stdout) as { capture: { producer: string; sanitized: string; recordsFailures: boolean } };
    expect(doc.capture).toMatchObject({ producer: 'chrome-devtools', sanitized: 'yes', recordsFailures: true });
    const plain = JSON.parse(cli(['check', original, '--format', 'json']).stdout) as { capture: { sanitized: string } };
    expect(plain.capture.sanitized).toBe('no');
  });

  test('markdown: the same note, quoted once', () => {
    const md = cli(['check', sanitized, '--format', 'markdown']).stdout;
    expect(md.match(/exported sanitized/g)).toHaveLength(1);
  });

  test('a sanitized export judges no request differently where the removed headers do not matter', () => {
    const a = JSON.parse(cli(['check', original, '--format', 'json']).stdout) as { exchanges: { verdict: string }[] };
    const b = JSON.parse(cli(['check', sanitized, '--format', 'json']).stdout) as { exchanges: { verdict: string }[] };
    expect(b.exchanges.length).toBe(a.exchanges.length);
    const blocked = (d: typeof a) => d.exchanges.filter((x) => x.verdict === 'blocked').length;
    expect(blocked(b)).toBe(blocked(a));
  });
});
