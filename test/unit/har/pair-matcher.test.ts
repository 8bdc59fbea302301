/**
 * The preflight matcher's parts, each against a table: what a preflight asked (asked), which requests it could
 * belong to (feasible), how it ranks them (cost), the matching of one URL (matchGroup) and the two passes
 * (pairPreflights). Entry indices in the expectations are positions in each case's list of specs.
 */
import { describe, expect, test } from 'vitest';
import type { Entry } from '../../../src/har';
import { isPreflight } from '../../../src/har/entry';
import { type Asked, asked, cost, feasible, matchGroup, pairPreflights } from '../../../src/har/pair';
import { blockedAt, entries, preflightAt, sentAt, TARGET } from '../../support/entries';
import type { EntrySpec } from '../../support/har-builder';
import { PAGE } from '../../support/records';

const OTHER_PAGE = 'http://127.0.0.1:8009';
/** The preflight every cost and feasibility row is measured against: 100..110 ms, PUT with x-custom. */
const P = preflightAt(100, 110);

function two(p: EntrySpec, a: EntrySpec): [Entry, Entry] {
  return entries([p, a]) as [Entry, Entry];
}

function split(specs: EntrySpec[]): { preflights: Entry[]; requests: Entry[] } {
  const all = entries(specs);
  return { preflights: all.filter(isPreflight), requests: all.filter((e) => !isPreflight(e)) };
}

/** [preflight index, request index] pairs, by preflight. */
type Pairs = [number, number][];
const byPreflight = (pairs: Pairs): Pairs => pairs.sort((x, y) => x[0] - y[0]);

describe('asked: what a preflight says about its request, and whether its answer passes without credentials', () => {
  const ok = { method: 'PUT', names: ['x-custom'], origin: PAGE, passes: true };
  const answer = (acao: string, acah: string): [string, string][] => [['Access-Control-Allow-Origin', acao], ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Allow-Headers', acah]];
  const cases: { name: string; preflight: EntrySpec; want: Asked }[] = [
    { name: 'an answer allowing what was asked', preflight: P, want: ok },
    { name: 'names are trimmed and lower-cased; empty items dropped', preflight: preflightAt(0, 10, { names: ' X-B, x-a,, ' }), want: { ...ok, names: ['x-b', 'x-a'] } },
    { name: 'no Access-Control-Request-Headers: no names', preflight: preflightAt(0, 10, { names: null }), want: { ...ok, names: [] } },
    { name: 'no Access-Control-Request-Method: method unknown, judged as GET', preflight: preflightAt(0, 10, { method: null }), want: { ...ok, method: null } },
    { name: 'the method is kept as sent (no case folding)', preflight: preflightAt(0, 10, { method: 'patch' }), want: { ...ok, method: 'patch' } },
    { name: 'no Origin: judged for "null", which an answer naming the page fails', preflight: preflightAt(0, 10, { origin: null }), want: { ...ok, origin: null, passes: false } },
    { name: 'no Access-Control-Allow-Origin fails', preflight: preflightAt(0, 10, { passes: false }), want: { ...ok, passes: false } },
    { name: 'a redirected preflight fails, whatever it carries', preflight: { ...P, status: 302, redirectURL: `${TARGET}/moved` }, want: { ...ok, passes: false } },
    { name: 'net::ERR_INVALID_REDIRECT fails without a redirectURL', preflight: { ...P, error: 'net::ERR_INVALID_REDIRECT' }, want: { ...ok, passes: false } },
    { name: 'a 404 with the right headers fails', preflight: { ...P, status: 404 }, want: { ...ok, passes: false } },
    { name: 'a dropped connection (status 0, no headers) fails', preflight: { ...P, status: 0, responseHeaders: [] }, want: { ...ok, passes: false } },
    { name: 'judged without credentials: `*` passes', preflight: { ...P, responseHeaders: answer('*', 'x-custom') }, want: ok },
    { name: 'an answer that leaves out one asked name fails', preflight: { ...preflightAt(0, 10, { names: 'x-a,x-b' }), responseHeaders: answer(PAGE, 'x-a') }, want: { ...ok, names: ['x-a', 'x-b'], passes: false } },
  ];
  test.each(cases)('$name', ({ preflight, want }) => {
    expect(asked(entries([preflight])[0] as Entry)).toEqual(want);
  });
});

describe('feasible: what rules a request out for a preflight', () => {
  const cases: { name: string; preflight?: EntrySpec; request: EntrySpec; slack?: number; want: boolean }[] = [
    { name: 'the request the preflight describes', request: sentAt(98, 112), want: true },
    // Method
    { name: 'another method', request: sentAt(98, 112, { method: 'DELETE' }), want: false },
    { name: 'methods compare as sent: put is not PUT', request: sentAt(98, 112, { method: 'put' }), want: false },
    { name: 'a preflight naming no method fits any method', preflight: preflightAt(100, 110, { method: null }), request: sentAt(98, 112, { method: 'DELETE' }), want: true },
    // Header names
    { name: 'a name the preflight asked for is missing from the request', request: sentAt(98, 112, { headers: [['X-Other', '1']] }), want: false },
    { name: 'names compare case-insensitively', request: sentAt(98, 112, { headers: [['x-CUSTOM', '1']] }), want: true },
    { name: 'more headers than asked is not ruled out (cost prefers the exact list)', request: sentAt(98, 112, { headers: [['X-Custom', '1'], ['X-Extra', '1']] }), want: true },
    { name: 'a preflight naming no headers fits a request with any', preflight: preflightAt(100, 110, { names: null }), request: sentAt(98, 112, { headers: [['X-Other', '1']] }), want: true },
    { name: 'a blocked hop captured with only forbidden headers (redirected, Chromium 156) has nothing to compare', request: blockedAt(98, 112, { headers: [['User-Agent', 'x'], ['Referer', `${PAGE}/`]] }), want: true },
    { name: 'a blocked request with page headers must carry the names', request: blockedAt(98, 112, { headers: [['X-Other', '1']] }), want: false },
    { name: 'only a blocked request is excused: one that went through with forbidden headers only is not', request: sentAt(98, 112, { headers: [['User-Agent', 'x']] }), want: false },
    // Origin
    { name: 'a request that went through with another Origin', request: sentAt(98, 112, { origin: OTHER_PAGE }), want: false },
    { name: 'a request that went through without Origin', request: sentAt(98, 112, { origin: null }), want: true },
    { name: "a blocked request's Origin is not compared (provisional headers)", request: blockedAt(98, 112, { origin: OTHER_PAGE }), want: true },
    { name: 'a preflight without Origin fits any Origin', preflight: preflightAt(100, 110, { origin: null }), request: sentAt(98, 112, { origin: OTHER_PAGE }), want: true },
    // Time: started no later than slack after the preflight started ...
    { name: 'started 5 ms after the preflight started, slack 5', request: sentAt(105, 112), want: true },
    { name: 'started 6 ms after, slack 5', request: sentAt(106, 112), want: false },
    { name: 'started 250 ms after, slack 250', request: sentAt(350, 360), slack: 250, want: true },
    { name: 'started 251 ms after, slack 250', request: sentAt(351, 360), slack: 250, want: false },
    // ... and its next step no earlier than slack before the preflight started
    { name: 'sent 5 ms before the preflight started, slack 5', request: sentAt(80, 95), want: true },
    { name: 'sent 6 ms before (it used a cached preflight)', request: sentAt(80, 94), want: false },
    { name: 'a request that went through is timed by when it was sent, not when it ended', request: sentAt(80, 94, { end: 200 }), want: false },
    { name: 'a blocked request is timed by when it failed: 5 ms before', request: blockedAt(80, 95), want: true },
    { name: 'a blocked request that failed 6 ms before the preflight started', request: blockedAt(80, 94), want: false },
    { name: 'a request without a start time: time rules nothing out', request: { ...sentAt(500, 600), untimed: true }, want: true },
    { name: 'a preflight without a start time: time rules nothing out', preflight: { ...P, untimed: true }, request: sentAt(500, 600), want: true },
  ];
  test.each(cases)('$name', ({ preflight = P, request, slack = 5, want }) => {
    const [p, a] = two(preflight, request);
    expect(feasible(p, asked(p), a, slack)).toBe(want);
  });
});

describe('cost: the ranking of one preflight\'s candidates (lower is better)', () => {
  const EXACT = ['x-custom'];
  const MORE = ['x-custom', 'x-extra'];
  interface Scenario {
    request: EntrySpec;
    /** Whether the preflight's answer passes (Asked.passes). */
    passes: boolean;
    /** The request's own CORS-unsafe header names. */
    own: string[];
    preflight?: EntrySpec;
  }
  /** A request whose next step (sent on, or failed) came `gap` ms after the preflight ended at 110. */
  const at = (outcome: 'sent' | 'blocked', gap: number, passes: boolean, own = EXACT): Scenario => ({
    request: outcome === 'sent' ? sentAt(95, 110 + gap) : blockedAt(95, 110 + gap),
    passes,
    own,
  });
  const costOf = ({ request, passes, own, preflight = P }: Scenario): number => {
    const [p, a] = two(preflight, request);
    const q: Asked = { method: 'PUT', names: ['x-custom'], origin: PAGE, passes };
    return cost(p, q, a, new Set(own));
  };

  const weights: { name: string; scenario: Scenario; want: number }[] = [
    { name: 'went through, passing answer, exact list, sent as the preflight ended', scenario: at('sent', 0, true), want: 0 },
    { name: 'the gap counts in ms', scenario: at('sent', 7, true), want: 7 },
    { name: 'sent before the preflight ended counts as much as after', scenario: at('sent', -4, true), want: 4 },
    { name: 'the gap is capped at 999', scenario: at('sent', 2000, true), want: 999 },
    { name: 'the request has more unsafe headers than the preflight asked for: +1e3', scenario: at('sent', 7, true, MORE), want: 1007 },
    { name: 'the request has fewer: +1e3', scenario: at('sent', 7, true, []), want: 1007 },
    { name: 'went through although the answer fails: +1e9', scenario: at('sent', 0, false), want: 1e9 },
    { name: 'the penalties add up', scenario: at('sent', 2000, false, MORE), want: 1e9 + 1e3 + 999 },
    { name: 'blocked with a failing answer: agreement, only the gap counts', scenario: at('blocked', 3, false), want: 3 },
    { name: 'blocked with a passing answer (possible with credentials): +1e6', scenario: at('blocked', 3, true), want: 1e6 + 3 },
    { name: 'blocked, passing, inexact', scenario: at('blocked', 3, true, MORE), want: 1e6 + 1e3 + 3 },
    { name: 'a request that went through is timed by when it was sent, not when it ended', scenario: { request: sentAt(95, 112, { end: 130 }), passes: true, own: EXACT }, want: 2 },
    { name: 'a blocked request is timed by when it failed (it was never sent)', scenario: { request: blockedAt(95, 113), passes: false, own: EXACT }, want: 3 },
    { name: 'no start time on the request: no gap', scenario: { request: { ...sentAt(95, 600), untimed: true }, passes: true, own: EXACT }, want: 0 },
    { name: 'no start time on the preflight: no gap', scenario: { ...at('sent', 500, true), preflight: { ...P, untimed: true } }, want: 0 },
  ];
  test.each(weights)('$name: $want', ({ scenario, want }) => {
    expect(costOf(scenario)).toBe(want);
  });

  // What the weights are for: each rule outranks everything below it at its worst.
  const ordering: { name: string; better: Scenario; worse: Scenario }[] = [
    { name: 'a request that went through takes a passing answer over a failing one, however far and inexact', better: at('sent', 2000, true, MORE), worse: at('sent', 0, false) },
    { name: 'a blocked request takes a failing answer over a passing one, however far and inexact', better: at('blocked', 2000, false, MORE), worse: at('blocked', 0, true) },
    { name: 'a blocked request with a passing answer is likelier than a sent one with a failing answer', better: at('blocked', 2000, true, MORE), worse: at('sent', 0, false) },
    { name: 'an exact header list outweighs any gap', better: at('sent', 2000, true), worse: at('sent', 0, true, MORE) },
    { name: 'all else equal, the nearer in time', better: at('blocked', 1, false), worse: at('blocked', 2, false) },
  ];
  test.each(ordering)('$name', ({ better, worse }) => {
    expect(costOf(better)).toBeLessThan(costOf(worse));
  });
});

describe('matchGroup: one URL\'s preflights (in the order given) against its requests', () => {
  const cases: { name: string; specs: EntrySpec[]; slack?: number; pairs: Pairs }[] = [
    {
      name: 'each preflight takes the request sent nearest its end',
      specs: [preflightAt(2, 12), preflightAt(3, 20), sentAt(0, 20), sentAt(1, 12)],
      pairs: [[0, 3], [1, 2]],
    },
    {
      name: 'a failing answer goes to the blocked request, a passing one to the request that went through, against time',
      specs: [preflightAt(2, 12, { passes: false }), preflightAt(3, 14), sentAt(0, 12), blockedAt(1, 14)],
      pairs: [[0, 3], [1, 2]],
    },
    {
      name: 'a passing answer skips a blocked request when one that went through fits',
      specs: [preflightAt(2, 12), blockedAt(0, 12), sentAt(1, 40)],
      pairs: [[0, 2]],
    },
    {
      name: '…and takes the blocked request when it is all there is',
      specs: [preflightAt(2, 12), blockedAt(0, 12)],
      pairs: [[0, 1]],
    },
    {
      name: 'the request with exactly the asked headers wins over a nearer one with more',
      specs: [preflightAt(2, 14, { names: 'x-a' }), sentAt(0, 14, { headers: [['X-A', '1'], ['X-B', '1']] }), sentAt(1, 40, { headers: [['X-A', '1']] })],
      pairs: [[0, 2]],
    },
    {
      name: 'equal cost: the request that started first',
      specs: [preflightAt(5, 15), sentAt(2, 20), sentAt(0, 10)],
      pairs: [[0, 2]],
    },
    {
      name: 'equal cost and start: the lower entry index',
      specs: [preflightAt(5, 15), sentAt(0, 20), sentAt(0, 10)],
      pairs: [[0, 1]],
    },
    {
      // p1 is nearest to r2 too, but r3 is free: p0 keeps r2 (a capture showed displacing pushes right pairs onto wrong ones).
      name: 'a later preflight takes a free candidate before displacing an earlier pair',
      specs: [preflightAt(10, 20), preflightAt(11, 21), sentAt(8, 21), sentAt(9, 25)],
      pairs: [[0, 2], [1, 3]],
    },
    {
      // r3 was sent before p1 started: only r2 fits p1, so p0 moves from r2 to its second choice.
      name: 'an earlier pair is displaced when the later preflight has nothing else (maximum matching)',
      specs: [preflightAt(10, 20), preflightAt(30, 40), sentAt(8, 25), sentAt(7, 12)],
      pairs: [[0, 3], [1, 2]],
    },
    {
      name: 'two preflights for one request: the first keeps it, even if the second is nearer',
      specs: [preflightAt(2, 12), preflightAt(3, 14), sentAt(0, 14)],
      pairs: [[0, 2]],
    },
    { name: 'nothing feasible: unpaired', specs: [preflightAt(2, 12), sentAt(0, 12, { method: 'DELETE' })], pairs: [] },
    { name: 'a request starting 10 ms after its preflight, slack 5', specs: [preflightAt(100, 110), sentAt(110, 120)], pairs: [] },
    { name: 'the same with slack 250', specs: [preflightAt(100, 110), sentAt(110, 120)], slack: 250, pairs: [[0, 1]] },
  ];
  test.each(cases)('$name', ({ specs, slack = 5, pairs }) => {
    const { preflights, requests } = split(specs);
    const got = [...matchGroup(preflights, requests, slack)].map(([p, a]): [number, number] => [p, a.index]);
    expect(byPreflight(got)).toEqual(pairs);
  });
});

describe('pairPreflights: a tight pass (5 ms), then a loose one (250 ms) over the leftovers, per URL', () => {
  const A = 'http://127.0.0.1:8002/a';
  const B = 'http://127.0.0.1:8002/b';
  const extra: [string, string][] = [['X-Custom', '1'], ['X-Extra', '1']];
  const cases: { name: string; specs: EntrySpec[]; pairs: Pairs; orphans: number[] }[] = [
    {
      name: 'a worse request inside the tight window wins over a better one just outside it',
      specs: [preflightAt(100, 110), sentAt(105, 112, { headers: extra }), sentAt(106, 110)],
      pairs: [[0, 1]],
      orphans: [],
    },
    {
      name: 'one ms later both are leftovers, and the loose pass takes the better',
      specs: [preflightAt(100, 110), sentAt(106, 112, { headers: extra }), sentAt(106, 110)],
      pairs: [[0, 2]],
      orphans: [],
    },
    { name: 'the loose pass reaches a request that started 250 ms after its preflight', specs: [preflightAt(100, 110), sentAt(350, 360)], pairs: [[0, 1]], orphans: [] },
    { name: '…and no further: 251 ms leaves an orphan', specs: [preflightAt(100, 110), sentAt(351, 360)], pairs: [], orphans: [0] },
    {
      // One pass at 250 ms would give p0 r2 (its exact list) and p3 r1. The tight pass gave r1 to p0, and r2
      // lacks the x-extra p3 asked for: p3 is left over, not paired by moving p0.
      name: 'the loose pass takes only leftovers: it cannot move a tight pair',
      specs: [preflightAt(100, 110), sentAt(104, 112, { headers: extra }), sentAt(150, 160), preflightAt(300, 310, { names: 'x-custom,x-extra' })],
      pairs: [[0, 1]],
      orphans: [3],
    },
    {
      name: 'preflights are matched in time order, not array order',
      specs: [preflightAt(3, 14), preflightAt(2, 12), sentAt(0, 14)],
      pairs: [[1, 2]],
      orphans: [0],
    },
    { name: 'a preflight pairs only with a request to its own URL', specs: [preflightAt(2, 12, { url: A }), sentAt(0, 12, { url: B })], pairs: [], orphans: [0] },
    {
      name: 'each URL is matched on its own',
      specs: [preflightAt(2, 12, { url: A }), preflightAt(2, 12, { url: B }), sentAt(0, 12, { url: B }), sentAt(0, 12, { url: A })],
      pairs: [[0, 3], [1, 2]],
      orphans: [],
    },
  ];
  test.each(cases)('$name', ({ specs, pairs, orphans }) => {
    const { preflights, requests } = split(specs);
    // getHAR() order is not chronological: the answer must not depend on it.
    for (const [ps, rs] of [[preflights, requests], [[...preflights].reverse(), [...requests].reverse()]]) {
      const got = pairPreflights(ps as Entry[], rs as Entry[]);
      expect(byPreflight([...got.preflightFor].map(([r, p]): [number, number] => [p.index, r]))).toEqual(pairs);
      expect(got.orphans.map((p) => p.index).sort()).toEqual(orphans);
    }
  });
});
