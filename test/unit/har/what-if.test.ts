/**
 * What-if: edited response headers re-run through the engine's own checks, on recorded Chrome captures. The
 * recorded failure describes the captured answers only, so an edit that fixes them must be able to pass, and
 * one that breaks them must fail, whatever the browser recorded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Header } from '../../../src/cors';
import { type AnalysedExchange, analyseHarText } from '../../../src/har';
import { whatIf } from '../../../src/har/what-if';

const samples = join(import.meta.dirname, '../../fixtures/samples');
function blocked(file: string): AnalysedExchange {
  const x = analyseHarText(readFileSync(join(samples, file), 'utf8')).exchanges.find((e) => e.evaluation.verdict === 'blocked');
  if (!x) throw new Error(`${file} has no blocked exchange`);
  return x;
}
const h = (name: string, value: string): Header => ({ name, value });
const PAGE = 'http://127.0.0.1:8001';

/** c4: PUT with x-custom, whose preflight allows only content-type; the PUT was never sent. */
const c4 = blocked('har-c4-preflight-and-blocked-put.json');
const c4Preflight = c4.record.hops[0]?.preflight?.response?.headers ?? [];
const allowsXCustom = c4Preflight.map((x) => (x.name.toLowerCase() === 'access-control-allow-headers' ? h(x.name, 'content-type, x-custom') : x));
/** c1: a simple GET whose response has no Access-Control-Allow-Origin. */
const c1 = blocked('har-c1-blocked-simple-get.json');
const c1Response = c1.record.hops[0]?.response?.headers ?? [];

describe('whatIf', () => {
  test.each([
    ['c1: Access-Control-Allow-Origin added with the page origin', c1, [{ hop: 0, step: 'response' as const, headers: [...c1Response, h('Access-Control-Allow-Origin', PAGE)] }], 'allowed', null],
    ['c1: Access-Control-Allow-Origin: *', c1, [{ hop: 0, step: 'response' as const, headers: [...c1Response, h('Access-Control-Allow-Origin', '*')] }], 'allowed', null],
    ['c1: another origin', c1, [{ hop: 0, step: 'response' as const, headers: [...c1Response, h('Access-Control-Allow-Origin', 'https://x.example')] }], 'blocked', 'AllowOriginMismatch'],
    ['c1: two origins in one line', c1, [{ hop: 0, step: 'response' as const, headers: [...c1Response, h('Access-Control-Allow-Origin', `${PAGE}, https://x.example`)] }], 'blocked', 'MultipleAllowOriginValues'],
    ['c4: preflight fixed, no answer captured for the PUT it lets through', c4, [{ hop: 0, step: 'preflight' as const, headers: allowsXCustom }], 'unknown', null],
    ['c4: preflight fixed and the PUT answered with the origin', c4, [{ hop: 0, step: 'preflight' as const, headers: allowsXCustom }, { hop: 0, step: 'response' as const, headers: [h('Access-Control-Allow-Origin', PAGE)] }], 'allowed', null],
    ['c4: preflight fixed, the PUT answered without the origin', c4, [{ hop: 0, step: 'preflight' as const, headers: allowsXCustom }, { hop: 0, step: 'response' as const, headers: [h('Content-Type', 'text/plain')] }], 'blocked', 'MissingAllowOriginHeader'],
    ['c4: preflight emptied', c4, [{ hop: 0, step: 'preflight' as const, headers: [] }], 'blocked', 'PreflightMissingAllowOriginHeader'],
    ['c4: preflight still without x-custom', c4, [{ hop: 0, step: 'preflight' as const, headers: c4Preflight }], 'blocked', 'HeaderDisallowedByPreflightResponse'],
  ])('%s', (_name, x, edits, verdict, code) => {
    const y = whatIf(x, edits);
    expect(y.evaluation.verdict).toBe(verdict);
    expect(y.evaluation.error?.code ?? null).toBe(code);
    // The replay is the question here, not what a file recorded.
    expect(y.evaluation.notes).not.toContain('decision-not-recorded');
    expect(y.id).toBe(x.id);
  });

  test('no edit is the captured exchange itself, and an edit leaves the capture as it was', () => {
    expect(whatIf(c1, [])).toBe(c1);
    const before = JSON.stringify(c1.record);
    whatIf(c1, [{ hop: 0, step: 'response', headers: [h('Access-Control-Allow-Origin', '*')] }]);
    expect(JSON.stringify(c1.record)).toBe(before);
    expect(c1.evaluation.verdict).toBe('blocked');
  });

  test('an edit on a hop the exchange does not have changes nothing', () => {
    expect(whatIf(c1, [{ hop: 3, step: 'response', headers: [] }])).toBe(c1);
  });

  test('hostile edited values are data: the check names them, nothing throws', () => {
    const evil = `${PAGE}\r\nX-Injected: 1<script>`;
    const y = whatIf(c1, [{ hop: 0, step: 'response', headers: [h('Access-Control-Allow-Origin', evil)] }]);
    expect(y.evaluation.verdict).toBe('blocked');
    expect(y.evaluation.error?.failedParameter).toContain('<script>');
  });

  test('the credentials mode the captured verdict settled on still holds: no "with credentials it would fail" doubt', () => {
    // Chrome's failure of the preflight showed the PUT was sent without credentials (the engine inferred omit).
    expect(c4.evaluation.credentials).toBe('omit');
    const y = whatIf(c4, [{ hop: 0, step: 'preflight', headers: allowsXCustom }, { hop: 0, step: 'response', headers: [h('Access-Control-Allow-Origin', PAGE)] }]);
    expect(y.evaluation).toMatchObject({ verdict: 'allowed', credentials: 'omit', confidence: 'certain' });
  });
});
