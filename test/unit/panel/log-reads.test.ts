/**
 * When the panel reads the whole log again (panel/log-reads.ts): only when something waits for it and the log is
 * short enough, once the page is quiet (or after BUSY_MS for an entry waiting on a page that never pauses), and
 * never sooner after the last read than twice as long as that read took.
 */
import { describe, expect, test } from 'vitest';
import { BUSY_MS, MAX_LOG_READ, nextReadAt, QUIET_MS, type ReadClock } from '../../../panel/log-reads';

const base: ReadClock = { logLength: 500, lastArrival: 10_000, incompleteSince: null, recent: false, lastReadEnd: 0, lastReadMs: 0 };

describe('nextReadAt', () => {
  test.each<[string, Partial<ReadClock>, number | null]>([
    ['nothing waits: no read', {}, null],
    ['recent entries: once the page has been quiet', { recent: true }, 10_000 + QUIET_MS],
    ['an entry waiting for its complete report: once quiet too', { incompleteSince: 9_900 }, 10_000 + QUIET_MS],
    ['...or BUSY_MS after it arrived, on a page that never pauses', { incompleteSince: 8_000 }, 8_000 + BUSY_MS],
    ['both: the sooner', { recent: true, incompleteSince: 7_000 }, 7_000 + BUSY_MS],
    ['never sooner than twice the last read took, after it ended', { recent: true, lastReadEnd: 10_200, lastReadMs: 3_000 }, 16_200],
    ['a quick last read does not hold the next back', { recent: true, lastReadEnd: 9_000, lastReadMs: 50 }, 10_000 + QUIET_MS],
    ['a long read holds back a waiting entry too', { incompleteSince: 8_000, lastReadEnd: 9_000, lastReadMs: 4_000 }, 17_000],
    ['a log of the longest length read is still read', { recent: true, incompleteSince: 9_900, logLength: MAX_LOG_READ }, 10_000 + QUIET_MS],
    ['a longer log is not read again, whatever waits', { recent: true, incompleteSince: 9_900, logLength: MAX_LOG_READ + 1 }, null],
  ])('%s', (_, over, expected) => {
    expect(nextReadAt({ ...base, ...over })).toBe(expected);
  });
});
