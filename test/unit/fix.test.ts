import { describe, expect, test } from 'vitest';
import { evaluate, type ExchangeRecord, type Header } from '../../src/cors';
import { applyFix, fixFor } from '../../src/explain/fix';

const PAGE = 'http://127.0.0.1:8001';
const h = (name: string, value: string): Header => ({ name, value });

function tainted(credentials: 'include' | 'omit'): ExchangeRecord {
  return {
    initiatorOrigin: PAGE,
    mode: 'cors',
    credentials,
    authorHeaders: [],
    errorsRecorded: true,
    hops: [
      { url: 'http://127.0.0.1:8002/a', method: 'GET', requestHeaders: [], provisional: false, preflight: null, response: { status: 302, headers: [h('Access-Control-Allow-Origin', PAGE), h('Access-Control-Allow-Credentials', 'true')], redirectUrl: 'http://127.0.0.1:8003/b' }, error: null },
      { url: 'http://127.0.0.1:8003/b', method: 'GET', requestHeaders: [], provisional: false, preflight: null, response: { status: 200, headers: [h('Access-Control-Allow-Origin', PAGE)], redirectUrl: null }, error: 'net::ERR_FAILED' },
    ],
  };
}

describe('fixFor', () => {
  test('after a tainting redirect without credentials, suggest `*`, not `null` (which any sandboxed page sends)', () => {
    const record = tainted('omit');
    const ev = evaluate(record);
    expect(ev.error).toMatchObject({ code: 'AllowOriginMismatch', hop: 1 });
    const fix = fixFor(record, ev);
    expect(fix?.primary).toEqual(h('Access-Control-Allow-Origin', '*'));
    expect(fix?.headers.map((l) => l.name)).not.toContain('Vary');
    // Re-check as the browser would after the server change: the old observed failure no longer applies.
    const fixed = applyFix(record, fix!);
    expect(evaluate({ ...fixed, hops: fixed.hops.map((hop) => ({ ...hop, error: null })) }).verdict).toBe('allowed');
  });
  test('with credentials only the literal "null" and Allow-Credentials can pass', () => {
    const record = tainted('include');
    const fix = fixFor(record, evaluate(record));
    expect(fix?.headers).toEqual([h('Access-Control-Allow-Origin', 'null'), h('Access-Control-Allow-Credentials', 'true')]);
  });
  test('a preflight fix lists every header the request needs, not just the one Chrome named', () => {
    const record: ExchangeRecord = {
      initiatorOrigin: PAGE,
      mode: 'cors',
      credentials: 'omit',
      authorHeaders: [h('X-A', '1'), h('X-B', '2')],
      errorsRecorded: true,
      hops: [{ url: 'http://127.0.0.1:8002/a', method: 'PUT', requestHeaders: [], provisional: true, error: 'net::ERR_FAILED', response: null, preflight: { requestHeaders: [h('Access-Control-Request-Method', 'PUT'), h('Access-Control-Request-Headers', 'x-a,x-b')], error: null, response: { status: 204, headers: [h('Access-Control-Allow-Origin', PAGE), h('Access-Control-Allow-Methods', 'PUT'), h('Access-Control-Allow-Headers', 'x-c')], redirectUrl: null } } }],
    };
    const ev = evaluate(record);
    expect(ev.error).toMatchObject({ code: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-a' });
    expect(fixFor(record, ev)?.primary).toEqual(h('Access-Control-Allow-Headers', 'x-c, x-a, x-b'));
  });
});
