/**
 * Skimming an entry (reading only the members the rules read) never decides differently from parsing it in
 * full: whenever the stand-in it builds is judged inert, the whole entry is inert too, with the same URL, start
 * time and capture facts; and anything it cannot read for certain it declines (null), to be parsed in full.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isWorkerScript } from '../../../src/har/entry';
import { HarReader } from '../../../src/har/har-reader';
import { isInert } from '../../../src/har/inert';
import type { Json } from '../../../src/har/json';
import { readPending } from '../../../src/har/read-entry';
import { skim } from '../../../src/har/skim';

/** The entry's text and the key marks the scanner leaves for it. */
function scanned(text: string): { text: string; marks: Int32Array } {
  let marks = new Int32Array(0);
  const reader = new HarReader({ begin: () => undefined, entry: (_s, _i, _b, m) => (marks = m.slice()) });
  reader.push(new TextEncoder().encode(`[${text}]`));
  reader.end();
  return { text, marks };
}

function judged(raw: Json) {
  const r = readPending(raw, 7);
  if (typeof r === 'string') return { valid: false } as const;
  const e = r.pending.entry;
  return { valid: true, inert: isInert(e, r.pending.failures), url: e.url, start: e.start, index: e.index, pageref: e.pageref, errorField: r.hasErrorField, worker: isWorkerScript(e) } as const;
}

/** When skimming says inert, a full read says the same, with the same facts. */
function expectAgrees(text: string): boolean {
  const { marks } = scanned(text);
  const standIn = skim(text, marks);
  if (standIn === null) return false;
  const light = judged(standIn);
  if (!light.valid || !light.inert) return false;
  expect(judged(JSON.parse(text) as Json)).toEqual(light);
  return true;
}

const PAGE = 'https://app.test';
const chromeAsset = {
  _initiator: { type: 'script', stack: { callFrames: [{ functionName: 'load', scriptId: '3', url: `${PAGE}/app.js`, lineNumber: 1, columnNumber: 2 }], parent: { description: 'await', callFrames: [] } } },
  _priority: 'Low',
  _resourceType: 'image',
  cache: {},
  request: {
    method: 'GET',
    url: `${PAGE}/img/a.png`,
    httpVersion: 'http/1.1',
    headers: [
      { name: 'Referer', value: `${PAGE}/` },
      { name: 'Sec-Fetch-Mode', value: 'no-cors' },
      { name: 'sec-ch-ua', value: '"Chromium";v="156", "Not:A-Brand";v="8"' },
    ],
    queryString: [{ name: 'Sec-Fetch-Mode', value: 'cors' }],
    cookies: [{ name: 'origin', value: 'x' }],
  },
  response: { status: 200, headers: [{ name: 'content-type', value: 'image/png' }], content: { size: 1, text: '{"name": "Origin", "value": "https://evil.test"}' }, redirectURL: '', _error: null },
  startedDateTime: '2026-11-21T10:00:00.000Z',
  time: 3,
  timings: { blocked: 1 },
  pageref: 'page_1',
};

describe('skimming a Chrome entry', () => {
  test('an image marked no-cors: inert, as in full', () => {
    expect(expectAgrees(JSON.stringify(chromeAsset))).toBe(true);
    expect(expectAgrees(JSON.stringify(chromeAsset, null, 2))).toBe(true);
  });

  const change = (f: (e: typeof chromeAsset) => unknown) => {
    const e = structuredClone(chromeAsset);
    f(e);
    return JSON.stringify(e);
  };
  test.each([
    ['a second Sec-Fetch-Mode', change((e) => e.request.headers.push({ name: 'sec-fetch-mode', value: 'cors' }))],
    ['a failure recorded', change((e) => Object.assign(e.response, { _error: 'net::ERR_FAILED' }))],
    ['a redirect', change((e) => Object.assign(e.response, { status: 302, redirectURL: `${PAGE}/b.png` }))],
    ['Access-Control-Allow-Origin on the response', change((e) => e.response.headers.push({ name: 'Access-Control-Allow-Origin', value: '*' }))],
    ['a preflight by its type', change((e) => Object.assign(e, { _resourceType: 'preflight' }))],
    ['a preflight by its initiator', change((e) => Object.assign(e._initiator, { type: 'preflight' }))],
    ['a \\u escape anywhere', change((e) => Object.assign(e, { _x: 'caf\u00e9\u0001' }))],
    ['request written twice', change((e) => Object.assign(e, { _y: 1 })).replace('"_y":1', `"request":${JSON.stringify({ method: 'GET', url: `${PAGE}/x`, headers: [] })}`)],
    ['a header with a third member', change((e) => Object.assign(e.request.headers[0] as object, { comment: '' }))],
    ['headers in another order', change((e) => (e.request.headers = [{ value: 'no-cors', name: 'Sec-Fetch-Mode' } as never]))],
  ])('%s: not counted by skimming', (_name, text) => {
    expect(expectAgrees(text)).toBe(false);
  });

  test('a cross-origin fetch without Sec-Fetch-Mode is not inert', () => {
    expect(expectAgrees(change((e) => (e.request.headers = [{ name: 'Origin', value: PAGE }]) && (e.request.url = 'https://api.test/x')))).toBe(false);
  });
  test('same-origin by Sec-Fetch-Site or Referer, and answered: inert', () => {
    expect(expectAgrees(change((e) => (e.request.headers = [{ name: 'Sec-Fetch-Site', value: 'same-origin' }])))).toBe(true);
    expect(expectAgrees(change((e) => (e.request.headers = [{ name: 'Referer', value: `${PAGE}/page` }])))).toBe(true);
  });
});

describe('skimming agrees with a full read on any entry (fast-check)', () => {
  const name = fc.constantFrom('Sec-Fetch-Mode', 'sec-fetch-mode', 'SEC-FETCH-SITE', 'Origin', 'origin', 'Referer', 'Sec-Fetch-Dest', 'Access-Control-Request-Method', 'Accept', 'X-Custom', 'Upgrade');
  const value = fc.oneof(fc.constantFrom('no-cors', 'navigate', 'websocket', 'cors', ' no-cors', 'same-origin', 'cross-site', PAGE, `${PAGE}/p`, 'https://api.test', 'worker', 'null', ''), fc.string({ maxLength: 8 }));
  const header = fc.record({ name, value });
  const entry = fc.record(
    {
      _resourceType: fc.constantFrom('image', 'script', 'fetch', 'preflight', 'document', ''),
      _initiator: fc.oneof(fc.constant({ type: 'parser' }), fc.constant({ type: 'preflight' }), fc.constant({ type: 'script', stack: { callFrames: [] } }), fc.constant('x')),
      request: fc.record({
        method: fc.constantFrom('GET', 'POST', 'OPTIONS', ''),
        url: fc.constantFrom(`${PAGE}/a`, 'https://api.test/a', 'wss://app.test/s', 'data:,x', ''),
        headers: fc.array(header, { maxLength: 5 }),
      }),
      response: fc.record(
        {
          status: fc.constantFrom(200, 0, 304, -1),
          headers: fc.array(fc.record({ name: fc.constantFrom('Content-Type', 'Access-Control-Allow-Origin', 'access-control-expose-headers', 'Vary'), value: fc.string({ maxLength: 5 }) }), { maxLength: 3 }),
          redirectURL: fc.constantFrom('', `${PAGE}/b`),
          _error: fc.constantFrom(null, '', 'net::ERR_FAILED'),
          _failureText: fc.constantFrom('', 'net::ERR_FAILED'),
        },
        { requiredKeys: ['headers'] },
      ),
      startedDateTime: fc.constantFrom('2026-11-21T10:00:00.000Z', 'soon', 5),
      pageref: fc.constantFrom('page_1', 3),
      _extra: fc.jsonValue({ maxDepth: 3 }),
    },
    { requiredKeys: ['request', 'response'] },
  );
  test('whenever skimming counts an entry, reading it in full counts it too', () => {
    let counted = 0;
    fc.assert(
      fc.property(entry, fc.constantFrom(undefined, 2), (e, indent) => {
        const text = JSON.stringify(e, null, indent);
        if (!/[^\x00-\x7f]/.test(text) && expectAgrees(text)) counted++;
      }),
      { numRuns: 2000 },
    );
    // The property is only worth something if skimming does count some.
    expect(counted).toBeGreaterThan(20);
  });
});
