import { describe, expect, test } from 'vitest';
import { analyseHarText } from '../../../src/har';
import { cardFileName } from '../../../panel/card-file-name';
import { har } from '../../support/har-builder';

const PAGE = 'http://127.0.0.1:8001';
const [x] = analyseHarText(har([{ method: 'PUT', url: 'http://api.test:8002/a/b?c=1', start: 0, requestHeaders: [['Origin', PAGE]], error: 'net::ERR_FAILED' }])).exchanges;

describe('card file name', () => {
  test('names the method, the host and the exchange, with the port made file-safe', () => {
    if (!x) throw new Error('no exchange');
    expect(cardFileName(x)).toBe(`cors-lens-PUT-api.test_8002-${x.id}.png`);
  });

  test('an unparsable URL gives the generic name', () => {
    if (!x) throw new Error('no exchange');
    expect(cardFileName({ ...x, url: 'not a url' })).toBe(`cors-lens-PUT-request-${x.id}.png`);
  });

  test('anything outside letters, digits, dot, dash and underscore becomes one underscore', () => {
    if (!x) throw new Error('no exchange');
    expect(cardFileName({ ...x, method: 'M/ ÄÖ' })).toBe(`cors-lens-M_-api.test_8002-${x.id}.png`);
  });
});
