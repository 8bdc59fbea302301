/**
 * Exchanges no least-privilege policy is claimed to pass, one row per kind: each is listed with its reason,
 * and counted against the total, never as passing.
 */
import { describe, expect, it } from 'vitest';
import type { ExchangeRecord } from '../../../src/cors';
import { type CannotPassKind, policyReport } from '../../../src/policy';
import { analysed } from '../../support/analysed';
import { acao, API, exchange, h, hop, PAGE, preflight, redirect, response, THIRD } from '../../support/records';

const sent = [h('Origin', PAGE)];
const failed = { requestHeaders: sent, error: 'net::ERR_FAILED' };

const ROWS: [CannotPassKind, 'impossible' | 'unproven', ExchangeRecord, number[]?][] = [
  ['origin-unknown', 'impossible', exchange([hop(`${API}/a`, { response: response([acao('*')]) })]), [0]],
  ['redirect-contains-credentials', 'impossible', exchange([{ ...redirect(`${API}/a`, 'http://u:p@127.0.0.1:8003/b', [acao(PAGE)]), ...failed, response: { status: 302, headers: [acao(PAGE)], redirectUrl: 'http://u:p@127.0.0.1:8003/b' } }])],
  ['disabled-scheme', 'impossible', exchange([{ ...redirect(`${API}/a`, 'ftp://x.example/b', [acao(PAGE)]), ...failed }])],
  [
    'preflight-redirected',
    'unproven',
    exchange([hop(`${API}/a`, { method: 'PUT', provisional: true, response: null, error: 'net::ERR_FAILED', preflight: preflight('PUT', '', [h('Location', `${API}/a/`)], { response: response([h('Location', `${API}/a/`)], { status: 301, redirectUrl: `${API}/a/` }) }) })]),
  ],
  ['network-error', 'impossible', exchange([hop(`${API}/a`, { requestHeaders: sent, response: null, error: 'net::ERR_CONNECTION_REFUSED' })])],
  ['invalid-redirect', 'impossible', exchange([hop(`${API}/a`, { requestHeaders: sent, response: response([acao(PAGE), h('Location', 'http://[::1')], { status: 302 }), error: 'net::ERR_INVALID_REDIRECT' })])],
  ['not-a-cors-failure', 'impossible', exchange([{ ...redirect(`${API}/a`, `${API}/b`, [acao(PAGE)]), ...failed }])],
  ['beyond-capture', 'unproven', exchange([{ ...redirect(`${API}/a`, `${THIRD}/b`), ...failed }])],
  ['no-response', 'unproven', exchange([hop(`${API}/a`, { requestHeaders: sent, response: null })])],
];

describe('cannot pass', () => {
  it.each(ROWS)('%s (%s)', (kind, cls, record, unknown) => {
    const r = policyReport(analysed([record], unknown ?? []));
    expect(r.cannotPass.map((c) => [c.kind, c.class])).toEqual([[kind, cls]]);
    expect(r.pass).toEqual({ passing: 0, total: 1 });
    const reason = r.cannotPass[0]?.reason ?? '';
    expect(reason.length).toBeGreaterThan(40);
    // CORS Lens's own words: no captured value inside.
    expect(reason).not.toMatch(/127\.0\.0\.1|u:p@|ftp:\/\/x/);
  });

  it('each policy lists the exchanges made to it that cannot pass, and counts them', () => {
    const ok = exchange([hop(`${API}/b`, { response: response([acao('*')]), requestHeaders: sent })]);
    const r = policyReport(analysed([ok, ROWS[4]![2]]));
    expect(r.policies[0]?.pass).toEqual({ passing: 1, total: 2 });
    expect(r.policies[0]?.cannotPass.map((c) => c.exchange)).toEqual([1]);
  });
});
