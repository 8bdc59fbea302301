import { describe, expect, test } from 'vitest';
import { analyseHarText } from '../../../src/har';
import { type EntrySpec, har } from '../../support/har-builder';

describe('request mode from what the capture shows', () => {
  // A response from the HTTP cache keeps Chrome's provisional request headers: no Origin, no Sec-Fetch-*, no Host.
  const cached = (acao: [string, string][]): EntrySpec => ({ url: 'http://127.0.0.1:8002/logo.png', start: 0, requestHeaders: [['Accept', '*/*'], ['Referer', 'http://127.0.0.1:8001/'], ['User-Agent', 'x']], responseHeaders: acao, error: 'net::ERR_FAILED' });
  test('a fetch served from the disk cache is still a CORS request and is still checked', () => {
    const [x] = analyseHarText(har([cached([])])).exchanges;
    expect(x?.evaluation).toMatchObject({ verdict: 'blocked', error: { code: 'MissingAllowOriginHeader' } });
    const [y] = analyseHarText(har([cached([['Access-Control-Allow-Origin', 'http://other.example']])])).exchanges;
    expect(y?.evaluation.error).toMatchObject({ code: 'AllowOriginMismatch', failedParameter: 'http://other.example' });
  });
  test('a cross-origin request on the wire without Origin was no-cors', () => {
    const [x] = analyseHarText(har([{ url: 'http://127.0.0.1:8002/img.png', start: 0, resourceType: 'image', requestHeaders: [['Host', '127.0.0.1:8002'], ['Referer', 'http://127.0.0.1:8001/']] }])).exchanges;
    expect(x?.evaluation.verdict).toBe('not-cors');
  });
  test('X-Client-Data (branded Chrome, Google hosts) and HTTP/2 priority are not reasons for a preflight', () => {
    const [x] = analyseHarText(har([{ url: 'https://www.googleapis.com/a', start: 0, requestHeaders: [['Origin', 'https://app.example'], ['Sec-Fetch-Mode', 'cors'], ['X-Client-Data', 'CIa2yQEI'], ['priority', 'u=1, i']], responseHeaders: [['Access-Control-Allow-Origin', '*']] }])).exchanges;
    expect(x?.evaluation.preflightReasons).toEqual([]);
    expect(x?.evaluation.notes).not.toContain('preflight-from-cache');
  });
});
