import { describe, expect, test } from 'vitest';
import { headerText, parseHeaderLines } from '../../../panel/header-lines';

describe('parseHeaderLines', () => {
  test.each([
    ['one line', 'Access-Control-Allow-Origin: https://a.example', [['Access-Control-Allow-Origin', 'https://a.example']], []],
    ['spaces and tabs around the value go, inner ones stay', 'X-A: \t a  b \t', [['X-A', 'a  b']], []],
    ['a colon in the value stays in the value', 'Access-Control-Allow-Origin: http://127.0.0.1:8001', [['Access-Control-Allow-Origin', 'http://127.0.0.1:8001']], []],
    ['an empty value is a header with an empty value', 'Access-Control-Allow-Headers:', [['Access-Control-Allow-Headers', '']], []],
    ['blank lines are skipped, CRLF and CR split lines', 'A: 1\r\n\r\nB: 2\rC: 3', [['A', '1'], ['B', '2'], ['C', '3']], []],
    ['no colon: reported by line number', 'A: 1\nnot a header\nB: 2', [['A', '1'], ['B', '2']], [2]],
    ['nothing before the colon: reported', ': value', [], [1]],
    ['a repeated header stays twice, as a server can send it', 'Vary: Origin\nVary: Accept', [['Vary', 'Origin'], ['Vary', 'Accept']], []],
    ['hostile text is kept as text', 'X: <img src=x>\u001b[2J', [['X', '<img src=x>\u001b[2J']], []],
  ])('%s', (_name, text, headers, rejected) => {
    const parsed = parseHeaderLines(text);
    expect(parsed.headers.map((h) => [h.name, h.value])).toEqual(headers);
    expect(parsed.rejected).toEqual(rejected);
  });

  test('headerText and parseHeaderLines round-trip a captured list', () => {
    const list = [{ name: 'Access-Control-Allow-Origin', value: 'http://127.0.0.1:8001' }, { name: 'Vary', value: 'Origin' }];
    expect(parseHeaderLines(headerText(list)).headers).toEqual(list);
  });
});
