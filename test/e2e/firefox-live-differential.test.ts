/**
 * The differential test in real Firefox, recorded now: scripts/record-firefox.mjs drives Firefox ESR with the
 * add-on (dist/firefox) and the CORS panel shown through a subset of the zoo, and Firefox's own verdict per
 * request is read from its console (BiDi log.entryAdded, mapped to the reason key through the installed
 * Firefox's security.properties). Two judgements must match it: the engine's on the HAR the add-on's devtools
 * page got from getHAR(), and the panel's rows (data-verdict, data-reason) as the panel built them from live
 * events, including the requests Firefox never reports live because their preflight failed. The stored Firefox
 * fixtures (test/unit/firefox-reason.test.ts) keep the unit run fast; this run proves they still hold on this
 * machine's Firefox.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { firefoxReason } from '../../src/explain';
import { analyseHar } from '../../src/har';
import { type FirefoxRecord, type Judgement, scoreAgainstFirefox } from '../support/firefox-verdicts';
// @ts-expect-error: plain ES module without types
import { CASES } from '../zoo/server.mjs';

interface PanelRow {
  verdict: string;
  code: string;
  reason: string;
  method: string;
  url: string;
}

interface Recording {
  group: string;
  har: { entries: unknown[] };
  firefox: FirefoxRecord[];
  panel?: PanelRow[];
}

/**
 * About 30 s of recording: every credentials case (a Firefox capture shows the Cookie, so the credentials mode is
 * known), preflights that fail in each way Firefox reports and ones that pass, the actual-request failures, and
 * triggers where Firefox's rules differ from Chrome's (client hints it does not safelist). Left out: cases that
 * only wait for a dropped connection (4 s each), and the groups the full recording covers (README).
 */
const PREFLIGHT = ['pf-204', 'pf-404-cors', 'pf-401-cors', 'pf-401-bare', 'pf-403-wrong', 'pf-302', 'pf-307', 'pf-missing-acao', 'pf-multi-acao', 'pf-star-acao', 'pf-acam-missing', 'pf-acam-list', 'pf-acam-space-token', 'pf-acah-missing', 'pf-acah-star', 'pf-acah-partial', 'pf-acah-star-auth', 'pf-acah-auth-explicit', 'pf-slow'];
const TRIGGERS = ['t-put', 't-ct-json', 't-acah-case', 't-three-headers-one-allowed', 't-auth-and-custom', 't-dpr-not-allowed', 't-width-not-allowed'];
const ids: string[] = (CASES as { id: string; group: string }[])
  .filter((c) => c.group === 'credentials' || (c.group === 'actual' && c.id !== 'ap-dropped') || PREFLIGHT.includes(c.id) || TRIGGERS.includes(c.id))
  .map((c) => c.id);

const root = join(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'cors-lens-firefox-live-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

let recordings: Recording[] = [];

describe('engine and panel vs Firefox ESR, recorded now', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts/record-firefox.mjs'), '--only', ids.join(','), '--out', out, '--quiet', '--panel'], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 150_000 });
    recordings = readdirSync(out)
      .filter((f) => f.endsWith('.json') && f !== 'summary.json')
      .map((f) => JSON.parse(readFileSync(join(out, f), 'utf8')) as Recording);
  }, 180_000);

  test('the subset ran: four groups, every case', () => {
    expect(recordings.map((r) => r.group).sort()).toEqual(['actual', 'credentials', 'preflight', 'triggers']);
    expect(new Set(recordings.flatMap((r) => r.firefox.map((x) => x.caseId)))).toEqual(new Set(ids));
  });

  /** Every recording's requests held to Firefox's own verdicts, the scores summed. */
  function scoreAll(judge: (r: Recording) => Judgement[], missing: string) {
    const total = { compared: 0, reasons: 0, wrong: [] as string[] };
    for (const r of recordings) {
      const score = scoreAgainstFirefox(r.firefox, judge(r), () => missing);
      total.compared += score.compared;
      total.reasons += score.reasons;
      total.wrong.push(...score.wrong);
    }
    return total;
  }

  test("the engine, on the HAR the add-on got, gives every request Firefox's verdict and reason key", () => {
    const { compared, reasons, wrong } = scoreAll(
      (r) =>
        analyseHar({ log: r.har }).exchanges.map((x) => ({
          url: x.url,
          method: x.method,
          verdict: x.evaluation.verdict,
          reason: firefoxReason(x)?.key ?? null,
          confident: x.evaluation.verdict !== 'unknown' && x.evaluation.confidence !== 'uncertain',
        })),
      'not in the HAR',
    );
    expect(wrong).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(ids.length);
    expect(reasons).toBeGreaterThan(25);
  });

  test("the panel, live in Firefox, lists every request with Firefox's verdict (data-verdict) and reason key (data-reason)", () => {
    for (const r of recordings) expect(r.panel, `${r.group} has the panel's rows`).toBeDefined();
    // 'unknown' is the panel declining to judge: not a verdict to hold against Firefox.
    const { compared, reasons, wrong } = scoreAll((r) => (r.panel ?? []).map((p) => ({ ...p, confident: p.verdict !== 'unknown' })), 'no row in the panel');
    expect(wrong).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(ids.length);
    expect(reasons).toBeGreaterThan(25);
  });

  test('a request blocked at its preflight is listed from its own entry, which Firefox reports only through getHAR()', () => {
    const credentials = recordings.find((r) => r.group === 'credentials');
    const pfStar = credentials?.firefox.find((x) => x.caseId === 'cr-pf-star');
    expect(pfStar).toMatchObject({ blocked: true, reason: 'CORSNotSupportingCredentials' });
    // The preflight alone cannot show that the PUT carried a cookie; only the PUT's own entry does, and with it the
    // verdict: '*' refused because credentials were sent.
    const row = credentials?.panel?.find((p) => p.url === pfStar?.url);
    expect(row).toMatchObject({ verdict: 'blocked', code: 'PreflightWildcardOriginNotAllowed', reason: 'CORSNotSupportingCredentials' });
  });
});
