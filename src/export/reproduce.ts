/**
 * An analysed exchange → the requests to replay, in the order Chrome made them, up to the one whose response
 * failed Chrome's check (later ones were never sent). Headers are kept as captured except those curl and every
 * HTTP client compute from the connection itself; a request Chrome only recorded the page's headers for gets
 * the Origin Chrome adds; a preflight Chrome answered from its cache is rebuilt from the request it guarded.
 */
import { type HeaderList, type HopRecord, hasHeader, headerValue, requestHeadersValue } from '../cors';
import { type BrowserWords, browserWords } from '../explain';
import type { AnalysedExchange } from '../har';
import { repeats } from '../har/header-list';
import type { HttpResponse, Reproduction, Step } from './request';
import { unsendable } from './sendable';

/**
 * Headers that describe the connection or the body's framing, not the request: curl derives each from the URL,
 * the body and its own capabilities, and sending a stale copy would be wrong (a Content-Length that no longer
 * matches, an Accept-Encoding for a codec curl cannot decode). HTTP/2 pseudo-headers (":path") go too.
 */
export const TRANSPORT_HEADERS: ReadonlySet<string> = new Set([
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'upgrade',
  'accept-encoding',
  'expect',
]);

export function isTransportHeader(name: string): boolean {
  return name.startsWith(':') || TRANSPORT_HEADERS.has(name.toLowerCase());
}

/** The URL as the browser sent it: WHATWG-serialised (what Chrome's parser produces), minus fragment and userinfo. */
export function wireUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return url;
  }
}

/** Whether Chrome recorded the headers that went on the wire: those always name the host. */
function onWire(headers: HeaderList): boolean {
  return hasHeader(headers, 'host') || hasHeader(headers, ':authority');
}

/**
 * The headers to send: each once. A browser never sends one request header twice; a line repeated with the same
 * value (some producers merge the same event twice) is one header.
 */
function wireHeaders(headers: HeaderList): HeaderList {
  const kept = headers.filter((h) => !isTransportHeader(h.name));
  return kept.filter((h, i) => !kept.slice(0, i).some((e) => repeats(e, h)));
}

/** Whether a header other than an HTTP/2 pseudo-header was left out (the note names those). */
function strippedNamed(headers: HeaderList): boolean {
  return headers.some((h) => !h.name.startsWith(':') && isTransportHeader(h.name));
}

function responseOf(r: { status: number; headers: HeaderList } | null): HttpResponse | null {
  return r ? { status: r.status, headers: r.headers } : null;
}

const WEBSOCKET = 'it is a WebSocket handshake (101 Switching Protocols), which curl and fetch() cannot hold open: replay it with a WebSocket client such as websocat';

export function reproduce(x: AnalysedExchange): Reproduction {
  const words = browserWords(x.capture);
  const browser = words.noun;
  if (x.record.hops.length === 0) return { steps: [], notes: [], unfaithful: 'the exchange has no request to replay', browser };
  if (x.notCors === 'websocket') return { steps: [], notes: [], unfaithful: WEBSOCKET, browser };
  // Where the capture does not show the page's origin, no Origin is invented: the reader adds their own.
  const b: Building = { x, words, originKnown: x.origin !== null, notes: new Set(), stripped: false };
  const fail = x.evaluation.error;
  const steps: Step[] = [];
  for (let i = 0; i < x.record.hops.length; i++) {
    const captured = (x.record.hops[i] as HopRecord).url;
    const url = wireUrl(captured);
    if (url !== captured && i === 0) b.notes.add('The URL is shown as the browser sent it: without its #fragment or user:password@.');
    const preflight = preflightStep(b, i, url);
    if (preflight) steps.push(preflight);
    if (x.requestMissing) {
      b.notes.add('The request itself is not in the capture: only its preflight can be replayed.');
      break;
    }
    steps.push(requestStep(b, i, url));
    // Nothing after the failing response was sent. A request whose preflight failed is kept: it is what the
    // server must accept once the preflight is fixed.
    if (fail && fail.hop === i) break;
  }
  let unfaithful: string | null = null;
  for (const s of steps) unfaithful ??= unsendable(s.request);
  if (b.stripped) b.notes.add('Host, Content-Length, Connection and Accept-Encoding are left out: the client computes its own.');
  return { steps, notes: [...b.notes], unfaithful, browser };
}

/** What the steps are built from, and the notes and facts they leave behind. */
interface Building {
  readonly x: AnalysedExchange;
  readonly words: BrowserWords;
  readonly originKnown: boolean;
  readonly notes: Set<string>;
  /** A header the client computes itself was left out. */
  stripped: boolean;
}

/** Hop i's preflight: as captured, or rebuilt from the request it guarded when the capture has none. */
function preflightStep(b: Building, i: number, url: string): Step | null {
  const { x, words } = b;
  const hop = x.record.hops[i] as HopRecord;
  const outcome = x.evaluation.hops[i];
  const fail = x.evaluation.error;
  const failed = fail?.stage === 'preflight' && fail.hop === i;
  if (hop.preflight) {
    b.stripped ||= strippedNamed(hop.preflight.requestHeaders);
    const request = { method: 'OPTIONS', url, headers: wireHeaders(hop.preflight.requestHeaders), body: null };
    return { kind: 'preflight', hop: i, request, response: responseOf(hop.preflight.response), source: 'captured', failed };
  }
  if (!outcome || (outcome.preflight !== 'cache' && outcome.preflight !== 'missing')) return null;
  const headers = [
    ...(b.originKnown ? [{ name: 'Origin', value: outcome.origin }] : []),
    { name: 'Access-Control-Request-Method', value: outcome.method },
    ...(outcome.unsafeHeaders.length > 0 ? [{ name: 'Access-Control-Request-Headers', value: requestHeadersValue(outcome.unsafeHeaders) }] : []),
  ];
  const browser = words.noun;
  b.notes.add(
    outcome.preflight === 'cache' && words.sawEverything
      ? 'The capture has no preflight: Chrome answered it from its preflight cache. The OPTIONS command is rebuilt from what Chrome sends.'
      : outcome.preflight === 'cache'
        ? `The capture has no preflight: ${browser} answered it from its preflight cache, or the export left it out. The OPTIONS command is rebuilt from what ${browser} sends.`
        : `The capture has no preflight for a request that needed one. The OPTIONS command is rebuilt from what ${browser} sends.`,
  );
  if (!b.originKnown) b.notes.add(NO_ORIGIN);
  return { kind: 'preflight', hop: i, request: { method: 'OPTIONS', url, headers, body: null }, response: null, source: 'reconstructed', failed };
}

/** Hop i's request, with the Origin the browser adds when the capture holds only the page's own headers. */
function requestStep(b: Building, i: number, url: string): Step {
  const { x, words } = b;
  const hop = x.record.hops[i] as HopRecord;
  const outcome = x.evaluation.hops[i];
  const fail = x.evaluation.error;
  const browser = words.noun;
  const pageSet = !onWire(hop.requestHeaders);
  let headers = wireHeaders(hop.requestHeaders);
  b.stripped ||= strippedNamed(hop.requestHeaders);
  if (pageSet && outcome?.cors && headerValue(headers, 'origin') === null) {
    if (b.originKnown) headers = [{ name: 'Origin', value: outcome.origin }, ...headers];
    b.notes.add(
      hop.response
        ? `${words.Noun} recorded only the headers the page set for the request (its response came from the HTTP cache)${b.originKnown ? `; Origin is added as ${browser} sends it.` : '.'}`
        : `The request was never sent: ${browser} recorded only the headers the page set.${b.originKnown ? ` Origin is added as ${browser} would send it.` : ''}`,
    );
    if (!b.originKnown) b.notes.add(NO_ORIGIN);
  }
  const recorded = x.bodies[i] ?? null;
  // An empty body is still a body on a POST (Chrome sent Content-Length: 0); on GET and HEAD it is none.
  const body = recorded === null || (recorded.text === '' && /^(GET|HEAD)$/i.test(hop.method)) ? null : recorded.text;
  if (recorded?.fullLength !== undefined) b.notes.add(cutBodyNote(recorded.text.length, recorded.fullLength));
  return {
    kind: 'request',
    hop: i,
    request: { method: hop.method, url, headers, body, ...(recorded?.mimeType ? { mimeType: recorded.mimeType } : {}) },
    response: responseOf(hop.response),
    source: pageSet ? 'page-set' : 'captured',
    failed: fail !== null && fail.stage !== 'preflight' && fail.hop === i,
  };
}

/** A body the live panel kept only the start of: the replay sends that start, and says so. */
export function cutBodyNote(kept: number, full: number): string {
  return `The request body was ${full.toLocaleString('en')} characters long; the live capture keeps the first ${kept.toLocaleString('en')}, and the replay sends only those. Export a HAR from the Network panel to replay the whole body.`;
}

const NO_ORIGIN = "The capture does not show the page's origin, so no Origin header is added: add one (-H 'Origin: https://your-page.example') to see the server's CORS answer.";
