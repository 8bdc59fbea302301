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
  ]),
).exchanges;
const rows = xs.map(rowOf);

describe('rows and filters', () => {
  test('a row names the verdict, the code and the failure in a few words', () => {
    const r = rows.find((x) => x.path === '/blocked');
    expect(r).toMatchObject({ verdict: 'blocked', code: 'MissingAllowOriginHeader', method: 'GET', target: API, status: '200', summary: 'no Access-Control-Allow-Origin' });
  });
  test.each([
    [{ ...DEFAULT_FILTER }, ['/blocked', '/ok', '/novary']],
    [{ ...DEFAULT_FILTER, showNotCors: true }, ['/blocked', '/ok', '/novary', '/same']],
    [{ ...DEFAULT_FILTER, verdicts: 'blocked' as const }, ['/blocked']],
    [{ ...DEFAULT_FILTER, verdicts: 'warnings' as const }, ['/novary']],
    [{ ...DEFAULT_FILTER, text: ' OK ' }, ['/ok']],
    [{ ...DEFAULT_FILTER, text: '8002/b' }, ['/blocked']],
  ])('filter %j shows %j', (f, paths) => {
    expect(applyFilter(rows, f).map((r) => r.path)).toEqual(paths);
  });
  test('counts', () => {
    expect(countRows(rows)).toEqual({ cors: 3, blocked: 1, warnings: 1, notCors: 1 });
  });
});
