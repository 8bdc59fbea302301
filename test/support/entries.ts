/**
 * Parsed entries for unit tests of the HAR layer (pairing, chains, exchanges), built from har-builder specs
 * through the real parser, so each Entry is what a capture would give. Times are ms offsets from one instant.
 */
import { type Entry, parseHar, type ParsedHar } from '../../src/har';
import { type EntrySpec, harEntry } from './har-builder';
import { PAGE } from './records';

export const TARGET = 'http://127.0.0.1:8002/s/1';

export function parsed(specs: EntrySpec[]): ParsedHar {
  return parseHar(specs.map(harEntry));
}

export function entries(specs: EntrySpec[]): Entry[] {
  return parsed(specs).entries;
}

export interface RequestOpts {
  method?: string;
  url?: string;
  /** The page's own headers (default X-Custom: 1). */
  headers?: [string, string][];
  /** Origin as sent: a request that went through sends the page's by default, a blocked one none. */
  origin?: string | null;
  /** When the entry ended, for a request that went through (default 5 ms after it was sent). */
  end?: number;
}

const withOrigin = (o: RequestOpts, fallback: string | null): [string, string][] => {
  const origin = o.origin === undefined ? fallback : o.origin;
  return [...(o.headers ?? [['X-Custom', '1']]), ...(origin === null ? [] : [['Origin', origin] as [string, string]])];
};

/** A request Chrome blocked before the network (its preflight failed): provisional headers, status 0, failed at `end`. */
export function blockedAt(start: number, end: number, o: RequestOpts = {}): EntrySpec {
  return { method: o.method ?? 'PUT', url: o.url ?? TARGET, start, time: end - start, status: 0, requestHeaders: withOrigin(o, null), error: 'net::ERR_FAILED' };
}

/** A request that went through: handed to the network at `sent` (after its preflight), answered with the page's ACAO. */
export function sentAt(start: number, sent: number, o: RequestOpts = {}): EntrySpec {
  const end = o.end ?? sent + 5;
  return { method: o.method ?? 'PUT', url: o.url ?? TARGET, start, blocked: sent - start, time: end - start, requestHeaders: withOrigin(o, PAGE), responseHeaders: [['Access-Control-Allow-Origin', PAGE]] };
}

export interface PreflightOpts {
  /** Access-Control-Request-Method (null: not sent). */
  method?: string | null;
  /** Access-Control-Request-Headers as sent (null: not sent). */
  names?: string | null;
  origin?: string | null;
  /** The answer allows what was asked (default), or carries no Access-Control-Allow-Origin. */
  passes?: boolean;
  url?: string;
}

/** An OPTIONS preflight from `start` to `end` asking for PUT with x-custom. */
export function preflightAt(start: number, end: number, o: PreflightOpts = {}): EntrySpec {
  const method = o.method === undefined ? 'PUT' : o.method;
  const names = o.names === undefined ? 'x-custom' : o.names;
  const origin = o.origin === undefined ? PAGE : o.origin;
  const asked: [string, string][] = [];
  if (origin !== null) asked.push(['Origin', origin]);
  if (method !== null) asked.push(['Access-Control-Request-Method', method]);
  if (names !== null) asked.push(['Access-Control-Request-Headers', names]);
  const allows: [string, string][] = [['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Methods', method ?? 'GET'], ['Access-Control-Allow-Headers', names ?? '']];
  return { preflight: true, url: o.url ?? TARGET, start, time: end - start, status: 204, requestHeaders: asked, responseHeaders: o.passes === false ? [] : allows };
}

/** A request from the page that went through, allowed by `*`; with `to`, a 302 to that URL. */
export function requestAt(url: string, start: number, end: number, o: { to?: string; method?: string; headers?: [string, string][] } = {}): EntrySpec {
  const redirect = o.to === undefined ? {} : { status: 302, redirectURL: o.to };
  return { url, method: o.method ?? 'GET', start, time: end - start, requestHeaders: [...(o.headers ?? []), ['Origin', PAGE]], responseHeaders: [['Access-Control-Allow-Origin', '*']], ...redirect };
}
