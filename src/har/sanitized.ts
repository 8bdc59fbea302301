/**
 * Was this Chrome export sanitized? Since Chrome 130 the Network panel's "Export HAR" button removes the request
 * headers Authorization and Cookie and the response header Set-Cookie, and nothing else (devtools-frontend
 * models/har/Log.ts). It still counts their bytes in `headersSize`, which for an HTTP/1.1 request is the raw
 * header block: two bytes shorter than the request line and the listed headers (the final CRLF is not counted,
 * seen on every unsanitized Chromium 156 entry). A block longer than that had headers the file no longer lists.
 *
 * The answer matters twice: no Cookie then proves nothing about credentials, and a request that sent
 * Authorization no longer shows it, though its preflight still asks for it.
 */
import { nameIs } from '../cors';
import { isObject, type Json } from './json';

export type Sanitized = 'yes' | 'no' | 'unknown';


function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** What one entry shows: a secret header still there (`kept`), bytes of headers no longer listed (`removed`), or nothing. */
export function sanitizeEvidence(entry: Json): 'kept' | 'removed' | 'none' {
  if (!isObject(entry) || !isObject(entry.request)) return 'none';
  const req = entry.request;
  const headers = Array.isArray(req.headers) ? req.headers.filter(isObject) : [];
  if (headers.some((h) => typeof h.name === 'string' && (nameIs(h.name, 'cookie') || nameIs(h.name, 'authorization')))) return 'kept';
  const resHeaders = isObject(entry.response) && Array.isArray(entry.response.headers) ? entry.response.headers : [];
  if (resHeaders.some((h) => isObject(h) && typeof h.name === 'string' && nameIs(h.name, 'set-cookie'))) return 'kept';
  const size = req.headersSize;
  if (typeof size !== 'number' || size <= 0 || typeof req.url !== 'string' || typeof req.method !== 'string' || req.httpVersion !== 'HTTP/1.1') return 'none';
  let target: string;
  try {
    const u = new URL(req.url);
    target = `${u.pathname}${u.search}`;
  } catch {
    return 'none';
  }
  let listed = utf8Length(`${req.method} ${target} ${req.httpVersion}\r\n`);
  for (const h of headers) listed += utf8Length(String(h.name)) + utf8Length(String(h.value)) + 4;
  // "Cookie: a=b\r\n" is at least 13 bytes; a smaller gap is noise (a value re-encoded), not a removed header.
  return size - listed >= 11 ? 'removed' : 'none';
}

/** Folds the entries' evidence: one kept secret says no; removed bytes with none kept say yes. */
export function foldSanitized(kept: boolean, removed: boolean): Sanitized {
  if (kept) return 'no';
  return removed ? 'yes' : 'unknown';
}
