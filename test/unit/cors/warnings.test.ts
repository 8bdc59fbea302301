import { describe, expect, test } from 'vitest';
import { evaluate, type ExchangeRecord, type Header } from '../../../src/cors';
import { analyseHarText } from '../../../src/har';
import { har } from '../../support/har-builder';

const PAGE = 'http://127.0.0.1:8001';
const API = 'http://127.0.0.1:8002/a';
const h = (name: string, value: string): Header => ({ name, value });

function simple(headers: Header[]): ExchangeRecord {
  return { initiatorOrigin: PAGE, mode: 'cors', credentials: 'omit', authorHeaders: [], errorsRecorded: true, hops: [{ url: API, method: 'GET', requestHeaders: [], provisional: false, preflight: null, response: { status: 200, headers, redirectUrl: null }, error: null }] };
}
function preflighted(pfHeaders: Header[], authorHeaders: Header[] = [h('X-Custom', '1')]): ExchangeRecord {
  const names = authorHeaders.map((a) => a.name.toLowerCase()).sort().join(',');
  return {
    initiatorOrigin: PAGE,
    mode: 'cors',
    credentials: 'omit',
    authorHeaders,
    errorsRecorded: true,
    hops: [{ url: API, method: 'PUT', requestHeaders: authorHeaders, provisional: false, error: null, response: { status: 200, headers: [h('Access-Control-Allow-Origin', '*')], redirectUrl: null }, preflight: { requestHeaders: [h('Access-Control-Request-Method', 'PUT'), h('Access-Control-Request-Headers', names)], error: null, response: { status: 204, headers: [h('Access-Control-Allow-Origin', '*'), h('Access-Control-Allow-Methods', 'PUT'), ...pfHeaders], redirectUrl: null } } }],
  };
}
const codes = (r: ExchangeRecord) => evaluate(r).warnings.map((w) => w.code);

describe('warnings on exchanges that were allowed', () => {
  test('AuthorizationCoveredByWildcard: `*` let Authorization through (Chrome 156 allows, deprecated)', () => {
    const r = preflighted([h('Access-Control-Allow-Headers', '*')], [h('Authorization', 'Bearer t')]);
    expect(evaluate(r).verdict).toBe('allowed');
    expect(codes(r)).toContain('AuthorizationCoveredByWildcard');
    expect(codes(preflighted([h('Access-Control-Allow-Headers', '*, authorization')], [h('Authorization', 'Bearer t')]))).not.toContain('AuthorizationCoveredByWildcard');
  });
  test('NullOriginAllowed', () => {
    const r = { ...simple([h('Access-Control-Allow-Origin', 'null')]), initiatorOrigin: 'null' };
    expect(evaluate(r).verdict).toBe('allowed');
    expect(codes(r)).toContain('NullOriginAllowed');
  });
  test('MissingVaryOrigin for a specific origin; not for `*`, not when Vary lists Origin', () => {
    expect(codes(simple([h('Access-Control-Allow-Origin', PAGE)]))).toContain('MissingVaryOrigin');
    expect(codes(simple([h('Access-Control-Allow-Origin', PAGE), h('Vary', 'Accept-Encoding, Origin')]))).not.toContain('MissingVaryOrigin');
    expect(codes(simple([h('Access-Control-Allow-Origin', '*')]))).not.toContain('MissingVaryOrigin');
  });
  test('MaxAgeAboveBrowserCap above Chrome\'s 7200 s, not at it', () => {
    expect(codes(preflighted([h('Access-Control-Allow-Headers', 'x-custom'), h('Access-Control-Max-Age', '86400')]))).toContain('MaxAgeAboveBrowserCap');
    expect(codes(preflighted([h('Access-Control-Allow-Headers', 'x-custom'), h('Access-Control-Max-Age', '7200')]))).not.toContain('MaxAgeAboveBrowserCap');
  });
});

describe('CredentialedOriginReflection needs two origins in one capture', () => {
  const credentialed = (origin: string, start: number) => ({
    url: 'http://127.0.0.1:8002/me',
    start,
    requestHeaders: [['Origin', origin], ['Cookie', 'sid=1'], ['Sec-Fetch-Mode', 'cors']] as [string, string][],
    responseHeaders: [['Access-Control-Allow-Origin', origin], ['Access-Control-Allow-Credentials', 'true'], ['Vary', 'Origin']] as [string, string][],
  });
  test('one server echoing two different origins with credentials is flagged on both', () => {
    const xs = analyseHarText(har([credentialed(PAGE, 0), credentialed('http://127.0.0.1:8009', 10)])).exchanges;
    expect(xs.map((x) => x.warnings.map((w) => w.code))).toEqual([['CredentialedOriginReflection'], ['CredentialedOriginReflection']]);
  });
  test('the same origin twice is not evidence of reflection', () => {
    const xs = analyseHarText(har([credentialed(PAGE, 0), credentialed(PAGE, 10)])).exchanges;
    expect(xs.flatMap((x) => x.warnings.map((w) => w.code))).toEqual([]);
  });
});
