/**
 * The policy on every Chromium capture of the zoo: the pass count adds up (passing = total - cannotPass), every
 * exchange it claims to pass passes on a server configured from its JSON lines, and it allows no origin, method
 * or header that no entry of the HAR sent to that target. The counts are pinned, each cannotPass reason read.
 * The same invariants hold on Firefox's recording, captures under load and real-world files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { originOf } from '../../../src/cors';
import { analyseHar, analyseHarText } from '../../../src/har';
import { type PolicyPart, policyReport } from '../../../src/policy';
import { isCorsExchange } from '../../../src/policy/select';
import { passesUnder } from '../../support/policy-harness';

const DIR = 'test/fixtures/chromium';

interface HarEntry {
  readonly request: { readonly method: string; readonly url: string; readonly headers: readonly { readonly name: string; readonly value: string }[] };
}

/** Origins, methods and header names the HAR's entries sent to a target, plus the page's own origin. */
function observed(entries: readonly HarEntry[], target: string, pageOrigin: string) {
  const origins = new Set([pageOrigin]);
  const methods = new Set<string>();
  const headers = new Set<string>();
  for (const e of entries) {
    if (originOf(e.request.url) !== target) continue;
    methods.add(e.request.method);
    for (const h of e.request.headers) {
      const name = h.name.toLowerCase();
      headers.add(name);
      if (name === 'origin') origins.add(h.value);
      if (name === 'access-control-request-method') methods.add(h.value);
      if (name === 'access-control-request-headers') for (const n of h.value.split(',')) headers.add(n.trim().toLowerCase());
    }
  }
  return { origins, methods, headers };
}

/** passing / total, and the cannotPass kinds, per group: read and pinned. */
const EXPECTED: Record<string, { pass: string; cannotPass: Record<string, number> }> = {
  'actual.json': { pass: '10/11', cannotPass: { 'network-error': 1 } },
  'credentials.json': { pass: '26/26', cannotPass: {} },
  'initiators.json': { pass: '43/48', cannotPass: { 'network-error': 1, 'null-origin-with-credentials': 2, 'origin-unknown': 2 } },
  'interleave.json': { pass: '26/26', cannotPass: {} },
  'maxage.json': { pass: '27/27', cannotPass: {} },
  'misc.json': { pass: '0/3', cannotPass: { 'network-error': 3 } },
  'preflight.json': { pass: '37/42', cannotPass: { 'preflight-redirected': 4, 'network-error': 1 } },
  'redirects.json': {
    pass: '28/41',
    cannotPass: { 'beyond-capture': 3, 'null-origin-with-credentials': 2, 'redirect-contains-credentials': 2, 'disabled-scheme': 3, 'invalid-redirect': 1, 'not-a-cors-failure': 1, 'network-error': 1 },
  },
  'simple.json': { pass: '32/32', cannotPass: {} },
  'triggers.json': { pass: '47/47', cannotPass: {} },
  'warnings.json': { pass: '12/12', cannotPass: {} },
};

const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'summary.json');

describe('the policy on the Chromium captures', () => {
  it('covers every group', () => expect(files.sort()).toEqual(Object.keys(EXPECTED).sort()));

  it.each(files)('%s', (file) => {
    const fixture = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { har: { entries: HarEntry[] }; pageOrigin: string };
    const xs = analyseHar(fixture.har).exchanges;
    const report = policyReport(xs);
    const kinds: Record<string, number> = {};
    for (const c of report.cannotPass) kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
    expect({ pass: `${report.pass.passing}/${report.pass.total}`, cannotPass: kinds }).toEqual(EXPECTED[file]);
    expect(report.pass.passing).toBe(report.pass.total - report.cannotPass.length);

    const refused = new Set(report.cannotPass.map((c) => c.exchange));
    for (const x of xs.filter(isCorsExchange)) if (!refused.has(x.id)) expect(passesUnder(report, x), `${x.method} ${x.url}`).toBe(true);

    for (const p of report.policies) {
      const seen = observed(fixture.har.entries, p.target, fixture.pageOrigin);
      for (const part of [p, ...p.parts] as PolicyPart[]) {
        for (const o of part.origins) expect(seen.origins, `${p.target} origin`).toContain(o);
        for (const m of part.allMethods) expect(seen.methods, `${p.target} method`).toContain(m);
        for (const n of part.requestHeaders) expect(seen.headers, `${p.target} header`).toContain(n);
      }
    }
  });
});

/** Firefox's recording of the same zoo, captures under load, and real-world files (../shared/wild-hars when present). */
const OTHERS = ['test/fixtures/firefox', 'test/fixtures/chromium-under-load', 'test/fixtures/wild', '../shared/wild-hars']
  .filter((d) => existsSync(d))
  .flatMap((d) => readdirSync(d).filter((f) => /\.(har|json)$/.test(f)).map((f) => join(d, f)));

describe('the policy on other captures', () => {
  it.each(OTHERS)('%s: the count adds up, and what it claims passes on a server configured from its lines', (path) => {
    const text = readFileSync(path, 'utf8');
    let xs;
    try {
      const doc = JSON.parse(text.replace(/^\uFEFF/, '')) as { har?: unknown };
      xs = (doc.har ? analyseHar(doc.har) : analyseHarText(text)).exchanges;
    } catch {
      return; // not a HAR at all: wild-hars.test.ts checks it is refused
    }
    const report = policyReport(xs);
    expect(report.pass.passing).toBe(report.pass.total - report.cannotPass.length);
    expect(report.cannotPass.filter((c) => c.kind === 'replay-failed')).toEqual([]);
    const refused = new Set(report.cannotPass.map((c) => c.exchange));
    for (const x of xs.filter(isCorsExchange)) if (!refused.has(x.id)) expect(passesUnder(report, x), `${x.method} ${x.url}`).toBe(true);
  });
});
