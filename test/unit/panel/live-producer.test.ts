/** The panel's live analysis names the browser that captured: Firefox's own reason and console words in Firefox. */
import { describe, expect, test } from 'vitest';
import { liveProducer } from '../../../panel/live-producer';
import { explain } from '../../../src/explain';
import { LIVE_CHROMIUM, LIVE_FIREFOX, LiveAnalysis } from '../../../src/har';

const blockedGet = {
  startedDateTime: '2026-11-30T12:00:00.000Z',
  time: 3,
  request: { method: 'GET', url: 'http://api.test/me', headers: [{ name: 'Host', value: 'api.test' }, { name: 'Origin', value: 'http://page.test' }] },
  response: { status: 200, headers: [{ name: 'Content-Type', value: 'text/plain' }] },
};

describe('liveProducer: who captures, from the panel page\'s own URL', () => {
  test('moz-extension: is Firefox, anything else Chromium', () => {
    expect(liveProducer('moz-extension:')).toBe(LIVE_FIREFOX);
    expect(liveProducer('chrome-extension:')).toBe(LIVE_CHROMIUM);
    expect(liveProducer('http:')).toBe(LIVE_CHROMIUM);
  });

  test('in Firefox a response without Access-Control-Allow-Origin is blocked by the checks alone, in Firefox\'s words', () => {
    const live = new LiveAnalysis({ producer: LIVE_FIREFOX });
    live.add([blockedGet]);
    const x = live.current().exchanges[0];
    expect(x?.evaluation).toMatchObject({ verdict: 'blocked', error: { code: 'MissingAllowOriginHeader' } });
    expect(x?.capture.producer.facts.family).toBe('firefox');
    const words = x ? explain(x) : null;
    expect(words?.consoleBrowser).toBe('Firefox');
    expect(words?.consoleMessage).toContain("(Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.");
  });

  test('Firefox\'s live entries are final: none is waited for or kept for a later check against getHAR()', () => {
    // The same entry without Host would be a report Chrome has not completed yet.
    const early = { ...blockedGet, request: { ...blockedGet.request, headers: [{ name: 'Origin', value: 'http://page.test' }] } };
    const firefox = new LiveAnalysis({ producer: LIVE_FIREFOX });
    firefox.add([early]);
    expect(firefox.incompleteCount).toBe(0);
    expect(firefox.hasRecent).toBe(false);
    const chromium = new LiveAnalysis({ producer: LIVE_CHROMIUM });
    chromium.add([early]);
    expect(chromium.incompleteCount).toBe(1);
    expect(chromium.hasRecent).toBe(true);
  });
});
