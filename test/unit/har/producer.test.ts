/** Who wrote a HAR, and whether a Chrome export was sanitized: the table every inference reads. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { sanitizeEntry, sanitizeHar } from '../../../scripts/lib/sanitize-har.mjs';
import { analyseHar, parseHar, type ProducerId, PRODUCERS, producerOf } from '../../../src/har';
import { sanitizeEvidence } from '../../../src/har/sanitized';

describe('producerOf: log.creator.name → producer', () => {
  test.each<[string, ProducerId]>([
    ['WebInspector', 'chrome-devtools'],
    ['Firefox', 'firefox'],
    ['WebKit Web Inspector', 'safari'],
    ['Playwright', 'playwright'],
    ['chrome-har', 'chrome-har'],
    ['Browsertime', 'chrome-har'],
    ['WebPagetest', 'webpagetest'],
    ['Firebug', 'firebug'],
    ['Internet Explorer Network Inspector', 'internet-explorer'],
    ['mitmproxy', 'proxy'],
    ['Charles Proxy', 'proxy'],
    ['Fiddler', 'proxy'],
    ['Insomnia REST Client', 'http-client'],
    ['Polly.JS', 'har-library'],
    ['something else', 'unknown'],
  ])('%s → %s', (name, id) => expect(producerOf(name, '1').id).toBe(id));

  test('only Chrome DevTools and Playwright record the browser decision; only Chrome DevTools may be sanitized', () => {
    const ids = Object.keys(PRODUCERS) as ProducerId[];
    expect(ids.filter((id) => PRODUCERS[id].failureField !== null)).toEqual(['chrome-devtools', 'playwright']);
    expect(ids.filter((id) => PRODUCERS[id].mayBeSanitized)).toEqual(['chrome-devtools']);
    expect(ids.filter((id) => PRODUCERS[id].family === 'chromium')).toEqual(['chrome-devtools', 'chrome-har']);
  });

  test('a bare entry array with Chrome\'s own fields is Chrome DevTools; one without is unknown', () => {
    const chrome = [{ _resourceType: 'fetch', _initiator: { type: 'script' }, request: { method: 'GET', url: 'http://a.test/', headers: [] }, response: { status: 200, headers: [], _error: null } }];
    expect(parseHar(chrome).producer.id).toBe('chrome-devtools');
    expect(parseHar(chrome).errorsRecorded).toBe(true);
    const bare = [{ request: { method: 'GET', url: 'http://a.test/', headers: [] }, response: { status: 200, headers: [] } }];
    expect(parseHar(bare).producer.id).toBe('unknown');
    expect(parseHar(bare).errorsRecorded).toBe(false);
  });

  test("mitmproxy's _error is its own connection error, not the browser's decision", () => {
    const har = { log: { creator: { name: 'mitmproxy', version: '1.2' }, entries: [{ request: { method: 'GET', url: 'http://a.test/', headers: [] }, response: { status: 0, headers: [], _error: 'Connection refused' } }] } };
    expect(parseHar(har).errorsRecorded).toBe(false);
  });
});

const fixture = JSON.parse(readFileSync('test/fixtures/chromium/credentials.json', 'utf8')) as { har: { entries: unknown[] } };

describe('sanitized Chrome exports', () => {
  test('evidence per entry: a secret kept, bytes of removed headers, or nothing', () => {
    const withCookie = fixture.har.entries.find((e) => JSON.stringify(e).includes('"Cookie"'));
    expect(sanitizeEvidence(withCookie)).toBe('kept');
    expect(sanitizeEvidence(sanitizeEntry(withCookie))).toBe('removed');
    const plain = fixture.har.entries.find((e) => !/"(Cookie|Authorization|Set-Cookie)"/i.test(JSON.stringify(e)) && (e as { request: { httpVersion: string } }).request.httpVersion === 'HTTP/1.1');
    expect(sanitizeEvidence(plain)).toBe('none');
  });

  test('every entry of every unsanitized Chromium fixture shows no removed bytes (the size rule has no false alarm)', () => {
    for (const group of ['simple', 'credentials', 'preflight', 'redirects', 'triggers']) {
      const f = JSON.parse(readFileSync(`test/fixtures/chromium/${group}.json`, 'utf8')) as { har: { entries: unknown[] } };
      for (const e of f.har.entries) expect(sanitizeEvidence(e), group).not.toBe('removed');
    }
  });

  test('the capture says so: the export of a capture that sent cookies is sanitized, the capture itself is not', () => {
    expect(analyseHar(fixture.har).capture.sanitized).toBe('no');
    expect(analyseHar(sanitizeHar(fixture.har)).capture.sanitized).toBe('yes');
  });

  test('a preflight asking for authorization pairs with the request whose Authorization the export removed', () => {
    const triggers = JSON.parse(readFileSync('test/fixtures/chromium/triggers.json', 'utf8')) as { har: { entries: unknown[] } };
    const before = analyseHar(triggers.har).exchanges.filter((x) => x.preflightEntries[0] !== null).length;
    const after = analyseHar(sanitizeHar(triggers.har));
    expect(after.exchanges.filter((x) => x.preflightEntries[0] !== null).length).toBe(before);
    expect(after.exchanges.some((x) => x.requestMissing)).toBe(false);
  });
});
