import { describe, expect, test } from 'vitest';
import { analyseHarText } from '../../../src/har';
import { applyFilter, countRows, DEFAULT_FILTER, rowOf } from '../../../panel/rows';
import { har } from '../../support/har-builder';

const PAGE = 'http://127.0.0.1:8001';
const API = 'http://127.0.0.1:8002';
const xs = analyseHarText(
  har([
    { url: `${API}/blocked`, start: 0, requestHeaders: [['Origin', PAGE]], error: 'net::ERR_FAILED' },
    { url: `${API}/ok`, start: 1, requestHeaders: [['Origin', PAGE]], responseHeaders: [['Access-Control-Allow-Origin', PAGE], ['Vary', 'Origin']], error: null },
    { url: `${API}/novary`, start: 2, requestHeaders: [['Origin', PAGE]], responseHeaders: [['Access-Control-Allow-Origin', PAGE]], error: null },
    { url: `${PAGE}/same`, start: 3, requestHeaders: [['Sec-Fetch-Site', 'same-origin'], ['Sec-Fetch-Mode', 'cors']], error: null },
    // DPR is safelisted in Chrome only: Firefox would preflight it, and the capture cannot show that answer.
    { url: `${API}/dpr`, start: 4, requestHeaders: [['Origin', PAGE], ['DPR', '2']], responseHeaders: [['Access-Control-Allow-Origin', PAGE], ['Vary', 'Origin']], error: null },
  ]),
).exchanges;
const rows = xs.map(rowOf);

describe('rows and filters', () => {
  test('a row names the verdict, the code and the failure in a few words', () => {
    const r = rows.find((x) => x.path === '/blocked');
    expect(r).toMatchObject({ verdict: 'blocked', code: 'MissingAllowOriginHeader', method: 'GET', target: API, status: '200', summary: 'no Access-Control-Allow-Origin' });
  });
  test.each([
    [{ ...DEFAULT_FILTER }, ['/blocked', '/ok', '/novary', '/dpr']],
    [{ ...DEFAULT_FILTER, showNotCors: true }, ['/blocked', '/ok', '/novary', '/same', '/dpr']],
    [{ ...DEFAULT_FILTER, verdicts: 'differs' as const }, ['/dpr']],
    [{ ...DEFAULT_FILTER, verdicts: 'blocked' as const }, ['/blocked']],
    [{ ...DEFAULT_FILTER, verdicts: 'warnings' as const }, ['/novary']],
    [{ ...DEFAULT_FILTER, text: ' OK ' }, ['/ok']],
    [{ ...DEFAULT_FILTER, text: '8002/b' }, ['/blocked']],
  ])('filter %j shows %j', (f, paths) => {
    expect(applyFilter(rows, f).map((r) => r.path)).toEqual(paths);
  });
  test("a row names the failure in the capturing browser's terms, and whether the other browser differs", () => {
    expect(rows.find((x) => x.path === '/blocked')).toMatchObject({ reason: 'MissingAllowOriginHeader', differs: false });
    expect(rows.find((x) => x.path === '/dpr')).toMatchObject({ verdict: 'allowed', reason: '', differs: true });
  });
  test('counts', () => {
    expect(countRows(rows)).toEqual({ cors: 4, blocked: 1, warnings: 1, differs: 1, notCors: 1 });
  });
});
