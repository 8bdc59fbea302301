/**
 * linkRedirects: which entry is the next hop of each redirect (Location, method, time, one claim per hop), and
 * isPhantomHop: Chrome's entry for the Location of a manual redirect. Indices are positions in each case's specs.
 */
import { describe, expect, test } from 'vitest';
import { isPhantomHop, linkRedirects } from '../../../src/har/chain';
import { entries, requestAt } from '../../support/entries';
import type { EntrySpec } from '../../support/har-builder';
import { API, THIRD } from '../../support/records';

const R = `${API}/r`;
const T = `${THIRD}/t`;
const U = `${THIRD}/u`;

describe('linkRedirects', () => {
  const cases: { name: string; specs: EntrySpec[]; links: [number, number][] }[] = [
    { name: 'a redirect links to the entry at its Location', specs: [requestAt(R, 0, 5, { to: T }), requestAt(T, 6, 10)], links: [[0, 1]] },
    { name: 'no entry at the Location: no link', specs: [requestAt(R, 0, 5, { to: T }), requestAt(U, 6, 10)], links: [] },
    { name: 'an entry that does not redirect links nothing', specs: [requestAt(R, 0, 5), requestAt(T, 6, 10)], links: [] },
    { name: 'the next hop keeps the method (307, 308)', specs: [requestAt(R, 0, 5, { to: T, method: 'PUT' }), requestAt(T, 6, 10, { method: 'PUT' })], links: [[0, 1]] },
    { name: '…or becomes GET (303; 301 and 302 after POST)', specs: [requestAt(R, 0, 5, { to: T, method: 'POST' }), requestAt(T, 6, 10)], links: [[0, 1]] },
    { name: 'any other method is not the next hop', specs: [requestAt(R, 0, 5, { to: T, method: 'PUT' }), requestAt(T, 6, 10, { method: 'DELETE' })], links: [] },
    { name: 'a GET does not become a POST', specs: [requestAt(R, 0, 5, { to: T }), requestAt(T, 6, 10, { method: 'POST' })], links: [] },
    { name: 'the next hop cannot start before the redirect started, however short the redirect', specs: [requestAt(R, 10, 12, { to: T }), requestAt(T, 9, 30)], links: [] },
    { name: 'it may start up to 5 ms before the redirect ended', specs: [requestAt(R, 0, 20, { to: T }), requestAt(T, 15, 30)], links: [[0, 1]] },
    { name: '…not 6 ms before', specs: [requestAt(R, 0, 20, { to: T }), requestAt(T, 14, 30)], links: [] },
    { name: 'a hop without a start time: time rules nothing out', specs: [requestAt(R, 100, 120, { to: T }), { ...requestAt(T, 0, 5), untimed: true }], links: [[0, 1]] },
    { name: 'a redirect without a start time: time rules nothing out', specs: [{ ...requestAt(R, 100, 120, { to: T }), untimed: true }, requestAt(T, 0, 5)], links: [[0, 1]] },
    { name: 'the earliest hop that fits', specs: [requestAt(R, 0, 5, { to: T }), requestAt(T, 30, 40), requestAt(T, 6, 10)], links: [[0, 2]] },
    { name: 'equal starts: the lower index', specs: [requestAt(R, 0, 5, { to: T }), requestAt(T, 6, 12), requestAt(T, 6, 10)], links: [[0, 1]] },
    {
      // Both hops fit either redirect: the one that started first (second in the array) claims the earlier hop.
      name: 'identical redirects in flight: each gets its own hop, in time order',
      specs: [requestAt(R, 2, 8, { to: T }), requestAt(R, 0, 5, { to: T }), requestAt(T, 9, 15), requestAt(T, 6, 12)],
      links: [[0, 2], [1, 3]],
    },
    { name: 'a hop is claimed once: the later redirect gets none', specs: [requestAt(R, 0, 5, { to: T }), requestAt(R, 1, 6, { to: T }), requestAt(T, 7, 10)], links: [[0, 2]] },
    { name: 'a redirect to its own URL is not its own next hop', specs: [requestAt(R, 0, 5, { to: R })], links: [] },
    { name: '…a later entry at that URL is', specs: [requestAt(R, 0, 5, { to: R }), requestAt(R, 6, 10)], links: [[0, 1]] },
    { name: 'a chain: each hop links to the next', specs: [requestAt(R, 0, 5, { to: T }), requestAt(T, 6, 10, { to: U }), requestAt(U, 11, 15)], links: [[0, 1], [1, 2]] },
    { name: 'a relative Location, resolved by the parser', specs: [requestAt(R, 0, 5, { to: '/s' }), requestAt(`${API}/s`, 6, 10)], links: [[0, 1]] },
    { name: 'a loop with equal timestamps links both ways (buildExchanges stops at a hop it has used)', specs: [requestAt(R, 0, 1, { to: T }), requestAt(T, 0, 1, { to: R })], links: [[0, 1], [1, 0]] },
  ];
  test.each(cases)('$name', ({ specs, links }) => {
    const got = [...linkRedirects(entries(specs))].map(([from, to]): [number, number] => [from, to.index]);
    expect(got.sort((a, b) => a[0] - b[0])).toEqual(links);
  });
});

describe('isPhantomHop', () => {
  const phantom: EntrySpec = { url: T, start: 6, time: 1, status: 0, error: 'net::ERR_ABORTED' };
  const cases: [name: string, spec: EntrySpec, want: boolean][] = [
    ['status 0, net::ERR_ABORTED, no response headers', phantom, true],
    ['with response headers it reached a server', { ...phantom, responseHeaders: [['Content-Type', 'text/plain']] }, false],
    ['another error (a CORS failure)', { ...phantom, error: 'net::ERR_FAILED' }, false],
    ['no error', { ...phantom, error: null }, false],
    ['a response that was aborted later (a cancelled download)', { ...phantom, status: 200 }, false],
  ];
  test.each(cases)('%s', (_name, spec, want) => {
    expect(isPhantomHop(entries([spec])[0]!)).toBe(want);
  });
});
