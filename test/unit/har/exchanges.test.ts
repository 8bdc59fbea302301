/**
 * buildExchanges: how entries are laid out into exchanges (hops, preflights, phantom hops, orphans, order) and
 * what each exchange's record says. Indices are positions in each case's specs; times are ms offsets.
 */
import { describe, expect, test } from 'vitest';
import type { ExchangeRecord, HopRecord } from '../../../src/cors';
import { type BuiltExchange, buildExchanges } from '../../../src/har/exchanges';
import type { ParsedHar } from '../../../src/har';
import { blockedAt, parsed, preflightAt, requestAt, sentAt, TARGET } from '../../support/entries';
import { type EntrySpec, T0 } from '../../support/har-builder';
import { API, h, PAGE, THIRD } from '../../support/records';

const R = `${API}/r`;
const T = `${THIRD}/t`;
const phantom: EntrySpec = { url: T, start: 6, time: 1, status: 0, error: 'net::ERR_ABORTED' };
const build = (specs: EntrySpec[], over: Partial<ParsedHar> = {}) => buildExchanges({ ...parsed(specs), ...over });

describe('buildExchanges: which entries make up each exchange, in what order', () => {
  interface Layout {
    hops: number[];
    preflights: (number | null)[];
    entries: number[];
    start: number;
    requestMissing: boolean;
  }
  const layout = (x: BuiltExchange): Layout => ({ hops: [...x.hopEntries], preflights: [...x.preflightEntries], entries: [...x.entries], start: x.start - T0, requestMissing: x.requestMissing });
  const ex = (hops: number[], preflights: (number | null)[], entries: number[], start: number, requestMissing = false): Layout => ({ hops, preflights, entries, start, requestMissing });

  const cases: { name: string; specs: EntrySpec[]; want: Layout[] }[] = [
    { name: 'one request: one exchange of one hop', specs: [requestAt(R, 0, 5)], want: [ex([0], [null], [0], 0)] },
    { name: 'a request and its preflight: one exchange, entries in index order', specs: [sentAt(0, 12), preflightAt(2, 12)], want: [ex([0], [1], [0, 1], 0)] },
    { name: 'the preflight listed first: the same exchange', specs: [preflightAt(2, 12), sentAt(0, 12)], want: [ex([1], [0], [0, 1], 0)] },
    { name: 'the exchange starts when its preflight did, if that was first', specs: [sentAt(5, 14), preflightAt(3, 12)], want: [ex([0], [1], [0, 1], 3)] },
    { name: 'a preflight whose request is missing: an exchange of its own', specs: [preflightAt(2, 12)], want: [ex([], [0], [0], 2, true)] },
    { name: 'a redirect chain is one exchange, hops first to last', specs: [requestAt(T, 6, 10), requestAt(R, 0, 5, { to: T })], want: [ex([1, 0], [null, null], [0, 1], 0)] },
    {
      name: 'a preflight on the second hop belongs to that hop',
      specs: [requestAt(R, 0, 5, { to: TARGET, method: 'PUT' }), sentAt(6, 18), preflightAt(7, 17)],
      want: [ex([0, 1], [null, 2], [0, 1, 2], 0)],
    },
    { name: "Chrome's phantom entry for a manual redirect is in the exchange, not a hop", specs: [requestAt(R, 0, 5, { to: T }), phantom], want: [ex([0], [null], [0, 1], 0)] },
    { name: 'a redirect loop with equal timestamps is still one exchange', specs: [requestAt(R, 0, 1, { to: T }), requestAt(T, 0, 1, { to: R })], want: [ex([0, 1], [null, null], [0, 1], 0)] },
    {
      name: 'exchanges come out by start, then by first entry',
      specs: [requestAt(`${API}/a`, 10, 15), requestAt(`${API}/b`, 0, 5), requestAt(`${API}/c`, 10, 12)],
      want: [ex([1], [null], [1], 0), ex([0], [null], [0], 10), ex([2], [null], [2], 10)],
    },
    { name: 'equal starts: the lower first entry first, an orphan too', specs: [preflightAt(10, 15), requestAt(R, 10, 15)], want: [ex([], [0], [0], 10, true), ex([1], [null], [1], 10)] },
    { name: 'a preflight without its request takes its place by time', specs: [requestAt(R, 10, 15), preflightAt(5, 8)], want: [ex([], [1], [1], 5, true), ex([0], [null], [0], 10)] },
    {
      name: 'identical requests in flight with their preflights: one exchange each',
      specs: [sentAt(0, 12), sentAt(1, 20), preflightAt(2, 12), preflightAt(3, 20)],
      want: [ex([0], [2], [0, 2], 0), ex([1], [3], [1, 3], 1)],
    },
  ];
  test.each(cases)('$name', ({ specs, want }) => {
    expect(build(specs).map(layout)).toEqual(want);
  });
});

describe("buildExchanges: what the first exchange's record says", () => {
  const view = (x: BuiltExchange) => ({
    origin: x.record.initiatorOrigin,
    originUnknown: x.originUnknown,
    mode: x.record.mode,
    credentials: x.record.credentials,
    authorHeaders: x.record.authorHeaders.map((a) => a.name),
    resourceType: x.resourceType,
    bodies: x.bodies,
    errorsRecorded: x.record.errorsRecorded,
  });
  type View = ReturnType<typeof view>;
  const plain: View = { origin: PAGE, originUnknown: false, mode: 'cors', credentials: 'unknown', authorHeaders: [], resourceType: 'fetch', bodies: [null], errorsRecorded: true };
  const onTheWire = (url: string, o: { method?: string; to?: string; headers?: [string, string][] }): EntrySpec => ({
    url,
    method: o.method ?? 'GET',
    start: 0,
    time: 5,
    requestHeaders: [['Host', '127.0.0.1:8002'], ['Referer', `${PAGE}/`], ...(o.headers ?? [])],
    ...(o.to ? { status: 302, redirectURL: o.to } : {}),
  });

  const cases: { name: string; specs: EntrySpec[]; har?: Partial<ParsedHar>; want: Partial<View> }[] = [
    { name: 'a plain request from the page', specs: [requestAt(R, 0, 5)], want: {} },
    { name: 'no evidence of the page: origin unknown, "null"', specs: [{ url: R, start: 0 }], want: { origin: 'null', originUnknown: true } },
    {
      name: "the preflight's Origin is the page's, over the request's Referer",
      specs: [blockedAt(0, 14, { headers: [['X-Custom', '1'], ['Referer', 'http://127.0.0.1:8009/']] }), preflightAt(2, 12, { passes: false })],
      want: { authorHeaders: ['X-Custom'] },
    },
    {
      name: 'a preflight on a later hop makes the whole exchange CORS mode',
      specs: [onTheWire(R, { method: 'PUT', to: TARGET, headers: [['X-Custom', '1']] }), sentAt(6, 18), preflightAt(7, 17)],
      want: { authorHeaders: ['X-Custom'], bodies: [null, null] },
    },
    { name: 'without one, the same first hop on the wire without Origin is no-cors, and keeps no author headers', specs: [onTheWire(R, { method: 'PUT', headers: [['X-Custom', '1']] })], want: { mode: 'no-cors' } },
    { name: 'a Cookie on a cross-origin hop: credentials included', specs: [requestAt(R, 0, 5, { headers: [['Cookie', 'sid=1']] })], want: { credentials: 'include' } },
    { name: 'a Cookie on a same-origin hop proves nothing', specs: [requestAt(`${PAGE}/a`, 0, 5, { headers: [['Cookie', 'sid=1']] })], want: {} },
    {
      name: 'every hop is looked at for a Cookie',
      specs: [requestAt(`${PAGE}/a`, 0, 5, { to: R }), requestAt(R, 6, 10, { headers: [['Cookie', 'sid=1']] })],
      want: { credentials: 'include', bodies: [null, null] },
    },
    {
      name: 'each hop keeps its request body',
      specs: [{ ...requestAt(R, 0, 5, { to: T, method: 'POST' }), body: { mimeType: 'text/plain', text: 'a=1' } }, requestAt(T, 6, 10)],
      want: { bodies: [{ mimeType: 'text/plain', text: 'a=1' }, null] },
    },
    { name: "the first hop's resource type", specs: [{ ...requestAt(R, 0, 5), resourceType: 'xhr' }], want: { resourceType: 'xhr' } },
    { name: 'a capture that records no errors says so', specs: [requestAt(R, 0, 5)], har: { errorsRecorded: false }, want: { errorsRecorded: false } },
  ];
  test.each(cases)('$name', ({ specs, har, want }) => {
    const [first] = build(specs, har);
    expect(view(first as BuiltExchange)).toEqual({ ...plain, ...want });
  });
});

describe('buildExchanges: hop and preflight records', () => {
  test("each hop's record holds its own entry's request, response and preflight", () => {
    const specs = [
      requestAt(R, 0, 20, { to: TARGET, method: 'PUT', headers: [['X-Custom', '1']] }),
      preflightAt(1, 10, { url: R }),
      blockedAt(21, 40),
      preflightAt(22, 39, { passes: false }),
    ];
    const asked = [h('Origin', PAGE), h('Access-Control-Request-Method', 'PUT'), h('Access-Control-Request-Headers', 'x-custom')];
    const want: HopRecord[] = [
      {
        url: R,
        method: 'PUT',
        requestHeaders: [h('X-Custom', '1'), h('Origin', PAGE)],
        provisional: false,
        preflight: {
          requestHeaders: asked,
          response: { status: 204, headers: [h('Access-Control-Allow-Origin', PAGE), h('Access-Control-Allow-Methods', 'PUT'), h('Access-Control-Allow-Headers', 'x-custom')], redirectUrl: null },
          error: null,
        },
        response: { status: 302, headers: [h('Access-Control-Allow-Origin', '*')], redirectUrl: TARGET },
        error: null,
      },
      { url: TARGET, method: 'PUT', requestHeaders: [h('X-Custom', '1')], provisional: true, preflight: { requestHeaders: asked, response: { status: 204, headers: [], redirectUrl: null }, error: null }, response: null, error: 'net::ERR_FAILED' },
    ];
    const xs = build(specs);
    expect(xs).toHaveLength(1);
    expect(xs[0]?.record.hops).toEqual(want);
    expect(xs[0]?.preflightEntries).toEqual([1, 3]);
  });

  const preflightCases: { name: string; preflight: EntrySpec; response: { status: number; headers: number } | null; error?: string }[] = [
    { name: 'a dropped connection (status 0, no headers) is no response', preflight: { ...preflightAt(2, 12), status: 0, responseHeaders: [] }, response: null },
    { name: 'status 0 with headers (how Firefox writes it) is a response', preflight: { ...preflightAt(2, 12, { passes: false }), status: 0, responseHeaders: [['Content-Type', 'text/plain']] }, response: { status: 0, headers: 1 } },
    { name: 'a 204 without headers is a response', preflight: preflightAt(2, 12, { passes: false }), response: { status: 204, headers: 0 } },
    { name: 'the network error is kept', preflight: { ...preflightAt(2, 12, { passes: false }), error: 'net::ERR_INVALID_REDIRECT' }, response: { status: 204, headers: 0 }, error: 'net::ERR_INVALID_REDIRECT' },
  ];
  test.each(preflightCases)('preflight record: $name', ({ preflight, response, error = null }) => {
    const [x] = build([blockedAt(0, 14), preflight]);
    const pf = x?.record.hops[0]?.preflight;
    expect(x?.preflightEntries).toEqual([1]);
    expect(pf?.response ? { status: pf.response.status, headers: pf.response.headers.length } : null).toEqual(response);
    expect(pf?.error).toBe(error);
  });
});

describe('buildExchanges: a preflight whose request is missing is judged for the request it names', () => {
  const cases: { name: string; preflight: EntrySpec; method: string; authorHeaders: [string, string][]; origin: string }[] = [
    { name: 'method and headers from what it asked (names trimmed, case kept, no values)', preflight: preflightAt(2, 12, { names: ' X-A, x-b,' }), method: 'PUT', authorHeaders: [['X-A', ''], ['x-b', '']], origin: PAGE },
    { name: 'no Access-Control-Request-Method: GET', preflight: preflightAt(2, 12, { method: null, names: null }), method: 'GET', authorHeaders: [], origin: PAGE },
    { name: "no Origin: the URL it was made for is the only evidence of the page's origin", preflight: preflightAt(2, 12, { origin: null }), method: 'PUT', authorHeaders: [['x-custom', '']], origin: API },
  ];
  test.each(cases)('$name', ({ preflight, method, authorHeaders, origin }) => {
    const [x] = build([preflight]);
    const p = parsed([preflight]).entries[0];
    const want: ExchangeRecord = {
      browser: 'chrome',
      initiatorOrigin: origin,
      mode: 'cors',
      credentials: 'unknown',
      authorHeaders: authorHeaders.map(([name, value]) => h(name, value)),
      hops: [{ url: TARGET, method, requestHeaders: [], provisional: true, preflight: { requestHeaders: p?.requestHeaders ?? [], response: { status: 204, headers: p?.responseHeaders ?? [], redirectUrl: null }, error: null }, response: null, error: null }],
      errorsRecorded: true,
    };
    expect(x?.record).toEqual(want);
    expect([x?.hopEntries, x?.preflightEntries, x?.entries, x?.requestMissing, x?.originUnknown, x?.resourceType, x?.bodies]).toEqual([[], [0], [0], true, false, '', [null]]);
  });
});

describe('buildExchanges: a CORS failure with no response recorded', () => {
  // Chrome's wire headers name the host; the headers the page set alone do not.
  const wire: [string, string][] = [['Host', '127.0.0.1:8002'], ['Origin', PAGE]];
  const cases: [string, EntrySpec, boolean][] = [
    ['on the wire, failed, no response: it was blocked on a response Chrome had not merged in (stage unknown)', { url: R, start: 0, status: 0, requestHeaders: wire, error: 'net::ERR_FAILED' }, false],
    ['the page\'s headers only, failed, no response: stopped before the network, by its preflight', { url: R, start: 0, status: 0, requestHeaders: [['Origin', PAGE]], error: 'net::ERR_FAILED' }, true],
    ['on the wire, failed, with its response: the response says which check', { url: R, start: 0, status: 200, requestHeaders: wire, error: 'net::ERR_FAILED' }, true],
    ['on the wire, a network error: no CORS check failed', { url: R, start: 0, status: 0, requestHeaders: wire, error: 'net::ERR_CONNECTION_RESET' }, true],
  ];
  test.each(cases)('%s', (_, spec, known) => {
    expect(build([spec])[0]?.record.stageUnknown === undefined).toBe(known);
  });
  // Live, Chrome also reports a request in the page's headers before merging in what it sent and received.
  test.each<[string, EntrySpec, boolean]>([
    ['live, the page\'s headers only, failed, no response: maybe an early report, stage unknown', { url: R, start: 0, status: 0, requestHeaders: [['Origin', PAGE]], error: 'net::ERR_FAILED' }, false],
    ['live, the page\'s headers only, a network error: no CORS check failed', { url: R, start: 0, status: 0, requestHeaders: [['Origin', PAGE]], error: 'net::ERR_CONNECTION_REFUSED' }, true],
    ['live, failed with its response', { url: R, start: 0, status: 200, requestHeaders: wire, error: 'net::ERR_FAILED' }, true],
  ])('%s', (_, spec, known) => {
    expect(build([spec], { live: true })[0]?.record.stageUnknown === undefined).toBe(known);
  });
});
