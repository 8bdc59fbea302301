/** Engine records (no HAR) for tests of the cors layer: one hop, a redirect, a preflight, an exchange. */
import type { ExchangeRecord, Header, HopRecord, PreflightRecord, ResponseRecord } from '../../src/cors';

export const PAGE = 'http://127.0.0.1:8001';
export const API = 'http://127.0.0.1:8002';
export const THIRD = 'http://127.0.0.1:8003';

export const h = (name: string, value: string): Header => ({ name, value });
export const acao = (v: string) => h('Access-Control-Allow-Origin', v);

export function response(headers: Header[], over: Partial<ResponseRecord> = {}): ResponseRecord {
  return { status: 200, headers, redirectUrl: null, ...over };
}

/** A hop that got a 200 with no headers unless told otherwise. */
export function hop(url: string, over: Partial<HopRecord> = {}): HopRecord {
  return { url, method: 'GET', requestHeaders: [], provisional: false, preflight: null, response: response([]), error: null, ...over };
}

export function redirect(url: string, to: string, headers: Header[] = [], status = 302): HopRecord {
  return hop(url, { response: { status, headers: [...headers, h('Location', to)], redirectUrl: to } });
}

/** A preflight that asked for `method` and the `names` (comma list as Chrome sends it) and got `headers` back with a 204. */
export function preflight(method: string, names: string, headers: Header[], over: Partial<PreflightRecord> = {}): PreflightRecord {
  const asked = [h('Origin', PAGE), h('Access-Control-Request-Method', method)];
  if (names !== '') asked.push(h('Access-Control-Request-Headers', names));
  return { requestHeaders: asked, response: response(headers, { status: 204 }), error: null, ...over };
}

export function exchange(hops: HopRecord[], over: Partial<ExchangeRecord> = {}): ExchangeRecord {
  return { initiatorOrigin: PAGE, mode: 'cors', credentials: 'unknown', authorHeaders: [], hops, errorsRecorded: true, ...over };
}
