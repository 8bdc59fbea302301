/**
 * Who wrote the HAR, and what that producer can show. A HAR is evidence, and each producer leaves out different
 * evidence: Chrome's DevTools records the browser's failure (`_error`), Firefox and proxies record none, a
 * proxy also sees clients that are not browsers, Chrome's Network-panel export drops Cookie and Authorization.
 * Every inference in the HAR layer reads this table instead of guessing per field, so "not recorded" is never
 * read as "did not happen". Facts: ../shared/har-producers.md, and the recordings in test/fixtures/producers.
 */
import type { Browser } from '../cors';

export type ProducerId =
  | 'chrome-devtools'
  | 'firefox'
  | 'safari'
  | 'playwright'
  | 'chrome-har'
  | 'webpagetest'
  | 'firebug'
  | 'internet-explorer'
  | 'proxy'
  | 'http-client'
  | 'har-library'
  | 'unknown';

/** Whose CORS implementation made the requests: it decides whose words an explanation may use. */
export type BrowserFamily = 'chromium' | 'firefox' | 'webkit' | 'other' | 'none';

export interface ProducerFacts {
  readonly label: string;
  readonly family: BrowserFamily;
  /**
   * Where the browser's own decision is written: Chrome DevTools' `_error` (net::ERR_FAILED for a CORS failure;
   * trusted only once the file shows the field, since old versions lacked it), Playwright's `_failureText`
   * (written on failures only, so its absence means success); null when the producer records none.
   */
  readonly failureField: '_error' | '_failureText' | null;
  /**
   * A request with only the headers the page set (no Host) was never sent, or came from the HTTP cache:
   * Chrome's DevTools writes "provisional" headers so. Elsewhere the headers are what went on the wire.
   */
  readonly provisionalHeaders: boolean;
  /** OPTIONS preflights appear as entries of their own. */
  readonly preflightsAsEntries: boolean;
  /** The export may have removed Cookie, Authorization and Set-Cookie (Chrome's Network-panel "Export HAR"). */
  readonly mayBeSanitized: boolean;
  /** The file may hold requests from clients that do no CORS at all (curl, mobile apps, API tools). */
  readonly seesNonBrowserClients: boolean;
  /** The producer writes each header as the wire had it; otherwise a repeat in another letter case is one header. */
  readonly rawHeaders: boolean;
  /**
   * Requests that failed are in the file. chrome-har and proxies leave them out: a redirect whose next request is
   * missing may have been followed and failed, not left unfollowed.
   */
  readonly recordsUnfinished: boolean;
  /** Each hop of a redirect chain carries its own response headers (chrome-har gives the last hop the first one's). */
  readonly redirectHeadersReliable: boolean;
}

const f = (label: string, family: BrowserFamily, facts: Partial<Omit<ProducerFacts, 'label' | 'family'>> = {}): ProducerFacts => ({
  label,
  family,
  failureField: null,
  provisionalHeaders: false,
  preflightsAsEntries: true,
  mayBeSanitized: false,
  seesNonBrowserClients: false,
  rawHeaders: true,
  recordsUnfinished: true,
  redirectHeadersReliable: true,
  ...facts,
});

export const PRODUCERS: Readonly<Record<ProducerId, ProducerFacts>> = {
  'chrome-devtools': f('Chrome DevTools', 'chromium', { failureField: '_error', provisionalHeaders: true, mayBeSanitized: true }),
  firefox: f('Firefox DevTools', 'firefox'),
  safari: f('Safari Web Inspector', 'webkit'),
  // Measured in test/fixtures/producers: a failed request has status -1, `_failureText`, the page's own headers
  // only, and no preflight is ever written.
  playwright: f('Playwright', 'other', { failureField: '_failureText', provisionalHeaders: true, preflightsAsEntries: false, rawHeaders: false }),
  // Measured: no failure field, failed requests left out, the preliminary headers of a request repeated, and the
  // last hop of a redirect given the first hop's response headers.
  'chrome-har': f('chrome-har', 'chromium', { provisionalHeaders: true, rawHeaders: false, recordsUnfinished: false, redirectHeadersReliable: false }),
  webpagetest: f('WebPageTest', 'other', { rawHeaders: false }),
  firebug: f('Firebug', 'firefox'),
  'internet-explorer': f('Internet Explorer', 'other'),
  // Measured (mitmproxy 8.1): only exchanges that got a response are written.
  proxy: f('a proxy', 'none', { seesNonBrowserClients: true, recordsUnfinished: false }),
  'http-client': f('an HTTP client', 'none', { seesNonBrowserClients: true }),
  'har-library': f('a recording library', 'none', { seesNonBrowserClients: true, rawHeaders: false, recordsUnfinished: false }),
  unknown: f('an unknown tool', 'other', { seesNonBrowserClients: true, rawHeaders: false }),
};

/** `log.creator.name` → producer, first match wins. */
const CREATORS: readonly (readonly [RegExp, ProducerId])[] = [
  [/^WebInspector$/i, 'chrome-devtools'],
  [/^Firefox$/i, 'firefox'],
  [/WebKit|Safari/i, 'safari'],
  [/^Playwright$/i, 'playwright'],
  [/chrome-har|Browsertime|sitespeed/i, 'chrome-har'],
  [/WebPage ?Test/i, 'webpagetest'],
  [/Firebug/i, 'firebug'],
  [/Internet Explorer/i, 'internet-explorer'],
  [/mitmproxy|Charles|Fiddler|HTTP Toolkit|Proxyman|Burp|ZAP/i, 'proxy'],
  [/Insomnia|Postman|Paw|HTTPie/i, 'http-client'],
  [/Polly|nock|har-recorder/i, 'har-library'],
];

export interface Producer {
  readonly id: ProducerId;
  readonly facts: ProducerFacts;
  /** `log.creator` as written, for the report ("WebInspector 537.36"); null when absent. */
  readonly creator: string | null;
}

export function producerOf(creatorName: string | null, creatorVersion: string | null): Producer {
  const match = creatorName === null ? undefined : CREATORS.find(([re]) => re.test(creatorName));
  const id = match?.[1] ?? 'unknown';
  const creator = creatorName === null ? null : `${creatorName}${creatorVersion ? ` ${creatorVersion}` : ''}`.slice(0, 80);
  return { id, facts: PRODUCERS[id], creator };
}

/** Whose CORS rules judge a capture: Firefox's for Firefox's own, Chrome's (the base) for everything else. */
export function rulesOf(producer: Producer): Browser {
  return producer.facts.family === 'firefox' ? 'firefox' : 'chrome';
}

/** The extension's own capture: Chrome's DevTools API, never sanitized. */
export const LIVE_CHROMIUM: Producer = { id: 'chrome-devtools', facts: { ...PRODUCERS['chrome-devtools'], mayBeSanitized: false }, creator: null };

/**
 * The extension's own capture in Firefox: Firefox's DevTools API, with the same facts as a Firefox HAR file. It
 * records no failure, so every verdict comes from the checks (Firefox's rules: `rulesOf`) on the headers it shows
 * (firefox-facts.md).
 */
export const LIVE_FIREFOX: Producer = { id: 'firefox', facts: PRODUCERS.firefox, creator: null };
