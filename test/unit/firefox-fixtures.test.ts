/**
 * The Firefox recordings of the zoo (test/fixtures/firefox, written by scripts/record-firefox.mjs; schema in the
 * README there) are well-formed, and every request has a Firefox verdict record. Shape only: what the engine
 * should say about Firefox captures is tested elsewhere, from the table in that README.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
// @ts-expect-error: plain ES module without types
import { CASES as ZOO_CASES } from '../zoo/server.mjs';

const CASES = ZOO_CASES as { id: string; group: string }[];

interface Reason { key: string; arg: string | null; url: string; attributedBy?: string }
interface FirefoxRecord {
  requestId: string | null; url: string; finalUrl: string; method: string; caseId: string; source?: 'server' | 'netmonitor';
  outcome: 'finished' | 'failed' | 'pending' | null; errorText: string | null; status: number | null; hops: string[];
  blocked: boolean; reason: string | null; reasonArg: string | null; reasonUrl: string | null;
  reasons: Reason[]; warnings: Reason[]; blockedReason: number | string | null;
  preflights: { requestId: string; status: number | null; outcome: string }[];
}
interface HarEntry { request: { method: string; url: string; headers: { name: string; value: string }[] }; response: { status: number } }
interface FirefoxFixture {
  browser: string; userAgent: string; recordedAt: string; pageOrigin: string; apiOrigin: string; thirdOrigin: string; closedOrigin: string;
  group: string; cases: { id: string; nonce: string; result: unknown[]; incomplete?: boolean }[];
  har: { creator: { name: string }; entries: HarEntry[] };
  firefox: FirefoxRecord[];
  preflights: { url: string; method: string; caseId: string; forRequestId: string | null }[];
  console: (Reason & { level: 'error' | 'warning'; category: string | null; requestId?: string | null; unattributed?: boolean; caseId: string | null })[];
  onRequestFinished: HarEntry[];
  server: { server: string; method: string; url: string; origin: string | null; acrm: string | null }[];
}

/** Every CORS string in Firefox ESR 153's security.properties. */
const KEYS = new Set([
  'CORSDisabled', 'CORSDidNotSucceed2', 'CORSOriginHeaderNotAdded', 'CORSExternalRedirectNotAllowed', 'CORSRequestNotHttp',
  'CORSMissingAllowOrigin2', 'CORSMultipleAllowOriginNotAllowed', 'CORSAllowOriginNotMatchingOrigin', 'CORSNotSupportingCredentials',
  'CORSMethodNotFound', 'CORSMissingAllowCredentials', 'CORSPreflightDidNotSucceed3', 'CORSInvalidAllowMethod', 'CORSInvalidAllowHeader',
  'CORSMissingAllowHeaderFromPreflight2', 'CORSAllowHeaderFromPreflightDeprecation',
]);

const dir = join(import.meta.dirname, '../fixtures/firefox');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'summary.json');
const fixtures = files.map((f) => [f.slice(0, -5), JSON.parse(readFileSync(join(dir, f), 'utf8')) as FirefoxFixture] as const);
/** path + query of a URL, without user:pass@: what the zoo logs. */
const rel = (u: string) => { const x = new URL(u); return x.pathname + x.search; };
const nonceOf = (u: string) => { try { return new URL(u, 'http://x').searchParams.get('n'); } catch { return null; } };

test('there are Firefox recordings, under 10 MB in all', () => {
  expect(files.length).toBeGreaterThan(0);
  const bytes = readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  expect(bytes).toBeLessThan(10e6);
});

describe.each(fixtures)('%s.json', (group, fx) => {
  test('says which Firefox, origins and group; holds every zoo case of the group', () => {
    expect(fx.browser).toMatch(/^Firefox\/\d+\./);
    expect(fx.userAgent).toContain('Firefox/');
    for (const o of [fx.pageOrigin, fx.apiOrigin, fx.thirdOrigin, fx.closedOrigin]) expect(o).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fx.group).toBe(group);
    expect(fx.cases.map((c) => c.id).sort()).toEqual(CASES.filter((c) => c.group === group).map((c) => c.id).sort());
    for (const c of fx.cases) {
      expect(c.nonce).toMatch(/^[a-z0-9]+-\d+$/);
      expect(Array.isArray(c.result)).toBe(true);
    }
    expect(new Set(fx.cases.map((c) => c.nonce)).size).toBe(fx.cases.length);
  });

  test("holds Firefox's HAR (getHAR in the devtools page) and the onRequestFinished entries", () => {
    expect(fx.har.creator.name).toBe('Firefox');
    expect(fx.har.entries.length).toBeGreaterThan(0);
    expect(Array.isArray(fx.onRequestFinished)).toBe(true);
    for (const e of [...fx.har.entries, ...fx.onRequestFinished]) {
      expect(typeof e.request.url).toBe('string');
      expect(typeof e.response.status).toBe('number');
    }
  });

  test('every verdict record is well-formed', () => {
    const ids = new Set(fx.cases.map((c) => c.id));
    for (const r of fx.firefox) {
      expect(ids.has(r.caseId), `${r.caseId} is a case of ${group}`).toBe(true);
      expect(r.hops[0]).toBe(r.url);
      expect(r.hops.at(-1)).toBe(r.finalUrl);
      expect(r.method).toMatch(/^[A-Za-z]+$/);
      expect(r.blocked).toBe(r.reasons.length > 0);
      expect(r.reason).toBe(r.reasons[0]?.key ?? null);
      expect(r.reasonArg).toBe(r.reasons[0]?.arg ?? null);
      for (const x of r.reasons) {
        expect(KEYS.has(x.key), x.key).toBe(true);
        expect(x.key).not.toBe('CORSAllowHeaderFromPreflightDeprecation');
        expect(x.arg === null || typeof x.arg === 'string').toBe(true);
        expect(r.hops.map(rel)).toContain(rel(x.url));
      }
      for (const w of r.warnings) expect(KEYS.has(w.key), w.key).toBe(true);
      if (r.source === undefined) expect(['finished', 'failed', 'pending']).toContain(r.outcome);
      else expect(r.outcome).toBeNull();
    }
  });

  test('every request the zoo served has a Firefox verdict record', () => {
    const nonces = new Set(fx.cases.map((c) => c.nonce));
    const hops = new Set(fx.firefox.flatMap((r) => r.hops.map(rel)));
    const preflightUrls = new Set(fx.preflights.map((p) => rel(p.url)));
    for (const s of fx.server) {
      expect(nonces.has(nonceOf(s.url) ?? '')).toBe(true);
      if (s.method === 'OPTIONS' && s.acrm) expect(preflightUrls.has(s.url), `preflight ${s.url}`).toBe(true);
      else expect(hops.has(s.url), `${s.method} ${s.url}`).toBe(true);
    }
  });

  test("every HAR entry of a case is one of Firefox's requests or preflights", () => {
    const nonces = new Set(fx.cases.map((c) => c.nonce));
    const hops = new Set(fx.firefox.flatMap((r) => r.hops));
    const preflightUrls = new Set(fx.preflights.map((p) => p.url));
    for (const e of fx.har.entries) {
      if (!nonces.has(nonceOf(e.request.url) ?? '')) continue;
      const known = e.request.method === 'OPTIONS' && e.request.headers.some((h) => h.name.toLowerCase() === 'access-control-request-method')
        ? preflightUrls.has(e.request.url) : hops.has(e.request.url);
      expect(known, `${e.request.method} ${e.request.url}`).toBe(true);
    }
  });

  test('every CORS console message is keyed and goes with a request', () => {
    const byId = new Map(fx.firefox.map((r) => [r.requestId, r]));
    for (const m of fx.console) {
      expect(KEYS.has(m.key), m.key).toBe(true);
      if (m.category !== null) expect(m.category).toBe(m.key);
      expect(m.unattributed, `${m.key} at ${m.url}`).toBeUndefined();
      const r = byId.get(m.requestId ?? null);
      expect(r, `the request of ${m.key} at ${m.url}`).toBeDefined();
      expect((m.level === 'warning' ? r?.warnings : r?.reasons)?.some((x) => x.key === m.key && x.url === m.url)).toBe(true);
    }
  });
});

test('summary.json lists every recorded case', () => {
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { browser: string; cases: Record<string, unknown[]> };
  expect(summary.browser).toMatch(/^Firefox\//);
  expect(Object.keys(summary.cases).sort()).toEqual(fixtures.flatMap(([, fx]) => fx.cases.map((c) => c.id)).sort());
});
