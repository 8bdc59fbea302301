/**
 * The producer matrix: the zoo's traffic captured as HAR by five producers, Chrome's own verdict per request
 * (Network.loadingFailed.corsErrorStatus over CDP, read in the same run as the capture) as the truth.
 *   getHAR      test/fixtures/chromium: the extension's chrome.devtools.network.getHAR() (npm run record-fixtures)
 *   sanitized   the same captures through scripts/lib/sanitize-har.mjs: Chrome's Network-panel "Export HAR"
 *   playwright  test/fixtures/producers/playwright: Playwright's recordHar          (npm run record-producers)
 *   chrome-har  test/fixtures/producers/chrome-har: chrome-har's harFromMessages on the same run's CDP events
 *   mitmproxy   test/fixtures/producers/mitmproxy: mitmdump 8.1 + har_dump.py as a proxy in front of Chromium
 * What each one records and omits: test/fixtures/producers/README.md.
 *
 * The engine must never be confidently wrong (design.md, "Evidence depends on who wrote the HAR"): where a
 * file cannot show the answer, the verdict is `unknown` or says `uncertain`. And the sanitized export must score
 * like the capture it was made from, except for requests whose answer depends on the headers it removed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { sanitizedAway, sanitizeHar } from '../../scripts/lib/sanitize-har.mjs';
import type { Fixture } from '../support/differential';
import { describeEntriesAt, entriesOf, type Score, type Scored, scoreFixture } from '../support/producers';

const fixtures = join(import.meta.dirname, '../fixtures');
const jsonIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'summary.json').sort().map((f) => join(dir, f));
const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Fixture;

const chromiumFiles = jsonIn(join(fixtures, 'chromium'));
const producerDir = join(fixtures, 'producers');
const recorded = readdirSync(producerDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

interface Run { producer: string; group: string; fixture: Fixture; har: unknown }
const runs: Run[] = [
  ...chromiumFiles.map((f) => { const fixture = load(f); return { producer: 'getHAR', group: fixture.group, fixture, har: fixture.har }; }),
  ...chromiumFiles.map((f) => { const fixture = load(f); return { producer: 'sanitized', group: fixture.group, fixture, har: sanitizeHar(fixture.har) }; }),
  ...recorded.flatMap((p) => jsonIn(join(producerDir, p)).map((f) => { const fixture = load(f); return { producer: p, group: fixture.group, fixture, har: fixture.har }; })),
];
const scores = new Map<Run, Score>(runs.map((r) => [r, scoreFixture(r.fixture, r.har)]));
const producers = [...new Set(runs.map((r) => r.producer))];

const line = (s: Scored, har: unknown) => `${s.caseId}: ${s.method} ${s.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, '')}\n    Chrome: ${s.chrome}\n    engine: ${s.engine}\n    entries: ${describeEntriesAt(har, s.url).join('\n             ') || '(none at this URL)'}`;

describe('producer matrix: the engine against Chrome on five producers\' HARs of the same traffic', () => {
  test('every producer has captures to score', () => {
    expect(producers).toEqual(expect.arrayContaining(['getHAR', 'sanitized', 'playwright', 'chrome-har']));
    for (const p of producers) expect(runs.filter((r) => r.producer === p).length, p).toBeGreaterThan(0);
  });

  test('per-producer table (printed)', () => {
    const rows = producers.map((p) => {
      const mine = runs.filter((r) => r.producer === p).map((r) => scores.get(r) as Score);
      const sum = (k: keyof Omit<Score, 'scored'>) => mine.reduce((n, s) => n + s[k], 0);
      const codeOnly = mine.reduce((n, s) => n + s.scored.filter((x) => x.codeOnly).length, 0);
      return [p, sum('requests'), sum('agree'), sum('agreeUncertain'), sum('confidentWrong'), codeOnly, sum('uncertain'), sum('missing')];
    });
    const head = ['producer', 'requests', 'agree', '(uncertain)', 'confident-wrong', '(code only)', 'uncertain/unknown', 'no exchange'];
    const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
    const fmt = (r: (string | number)[]) => r.map((c, i) => (i === 0 ? String(c).padEnd(w[i] as number) : String(c).padStart(w[i] as number))).join('  ');
    console.log(['', fmt(head), ...rows.map(fmt), '',
      'agree: the engine\'s key equals Chrome\'s ((uncertain): of those, said with confidence uncertain);',
      'confident-wrong: differs, said certain/inferred ((code only): right blocked-or-not, wrong code or failedParameter);',
      'uncertain/unknown: differs, said uncertain or unknown; no exchange: nothing in the file at that method and URL.'].join('\n'));
    // Per group, for the confident wrong ones.
    for (const r of runs) {
      const s = scores.get(r) as Score;
      const wrong = s.scored.filter((x) => x.outcome === 'confident-wrong');
      if (wrong.length) console.log(`\n${r.producer}/${r.group}: ${wrong.length} confident wrong\n  ${wrong.map((x) => line(x, r.har)).join('\n  ')}`);
    }
    expect(rows.length).toBe(producers.length);
  });

  test.each(runs.map((r) => [`${r.producer}/${r.group}`, r] as const))('%s: no verdict is wrong unless marked uncertain or unknown', (_name, r) => {
    const s = scores.get(r) as Score;
    expect(s.requests).toBeGreaterThan(0);
    const wrong = s.scored.filter((x) => x.outcome === 'confident-wrong').map((x) => line(x, r.har));
    expect(wrong).toEqual([]);
  });

  test.each(chromiumFiles.map((f) => [f.split('/').slice(-1)[0], f] as const))('sanitized export of chromium/%s agrees with Chrome as often as the getHAR capture, except where the answer depends on a removed header', (_name, file) => {
    const group = load(file).group;
    const getHar = runs.find((r) => r.producer === 'getHAR' && r.group === group) as Run;
    const sanitized = runs.find((r) => r.producer === 'sanitized' && r.group === getHar.group) as Run;
    const agreeBy = (s: Score) => {
      const m = new Map<string, number>();
      for (const x of s.scored) if (x.outcome === 'agree') m.set(`${x.method} ${x.url}`, (m.get(`${x.method} ${x.url}`) ?? 0) + 1);
      return m;
    };
    const before = agreeBy(scores.get(getHar) as Score);
    const after = agreeBy(scores.get(sanitized) as Score);
    const explained: string[] = [];
    const unexplained: string[] = [];
    for (const record of getHar.fixture.chrome) {
      const k = `${record.method} ${record.url}`;
      if ((after.get(k) ?? 0) >= (before.get(k) ?? 0)) continue;
      const hops = new Set((record as unknown as { hops?: string[] }).hops ?? [record.url]);
      const removed = [...new Set(entriesOf(getHar.har).filter((e) => hops.has(e.request?.url ?? '')).flatMap((e) => sanitizedAway(e)))];
      const x = (scores.get(sanitized) as Score).scored.find((s) => `${s.method} ${s.url}` === k && s.outcome !== 'agree') as Scored;
      const text = `${line(x, sanitized.har)}\n    removed by sanitizing: ${removed.join(', ') || 'nothing'}`;
      (removed.length ? explained : unexplained).push(text);
      before.set(k, (before.get(k) ?? 0) - 1);
    }
    if (explained.length) console.log(`\nsanitized/${getHar.group}: ${explained.length} agreement(s) lost where sanitizing removed a header the answer depends on\n  ${explained.join('\n  ')}`);
    expect(unexplained).toEqual([]);
    // And none of those may have turned into a confident wrong verdict (the test above says which).
    const s = scores.get(sanitized) as Score;
    expect(s.agree + explained.length).toBeGreaterThanOrEqual((scores.get(getHar) as Score).agree);
  });
});
