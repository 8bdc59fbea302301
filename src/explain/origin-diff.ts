/**
 * How an Access-Control-Allow-Origin value differs from the origin the request carried, in the user's terms:
 * Chrome compares the two as strings, so a trailing slash, a port, the scheme, letter case or localhost vs
 * 127.0.0.1 all fail, and the console message does not say which part is wrong.
 */

import { cap } from './captured';

/** A captured value in quotes. */
const q = (v: string): string => cap(`'${v}'`);

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function portOf(u: URL): string {
  if (u.port !== '') return u.port;
  return u.protocol === 'https:' ? '443' : u.protocol === 'http:' ? '80' : '';
}

/** One sentence naming what differs, or null when the two cannot be compared (or do not differ). */
export function describeOriginDifference(allowed: string, origin: string): string | null {
  if (allowed === origin) return null;
  if (origin === 'null' || allowed === 'null') return null;
  const a = parse(allowed);
  const o = parse(origin);
  if (!a || !o) return null;
  if (allowed.toLowerCase() === origin.toLowerCase()) {
    return `The value differs from the origin ${q(origin)} only in letter case; browsers compare the exact string, so send it as ${q(origin)}.`;
  }
  if (a.origin === o.origin && allowed !== a.origin) {
    const extra = allowed.slice(a.origin.length);
    if (extra === '/') {
      return `The value has a trailing slash: an origin is scheme://host:port with no path, so send ${q(origin)} without the '/'.`;
    }
    return `The value has a path (${q(extra)}) after the origin: an origin is scheme://host:port only, so send ${q(origin)}.`;
  }
  const parts: string[] = [];
  if (a.protocol !== o.protocol) parts.push(`the scheme (${cap(a.protocol.slice(0, -1))} where the page uses ${cap(o.protocol.slice(0, -1))})`);
  if (a.hostname !== o.hostname) {
    if (LOOPBACK.has(a.hostname) && LOOPBACK.has(o.hostname)) {
      parts.push(`the host (${cap(a.hostname)} where the page is on ${cap(o.hostname)}: they reach the same machine but are different origins)`);
    } else if (a.hostname === `www.${o.hostname}` || o.hostname === `www.${a.hostname}`) {
      parts.push(`the host (${cap(a.hostname)} where the page is on ${cap(o.hostname)}: www and the bare domain are different origins)`);
    } else {
      parts.push(`the host (${cap(a.hostname)} where the page is on ${cap(o.hostname)})`);
    }
  }
  if (portOf(a) !== portOf(o)) parts.push(`the port (${cap(portOf(a))} where the page uses ${cap(portOf(o))})`);
  if (parts.length === 0) return null;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${q(allowed)} differs from the page's origin ${q(origin)} in ${list}.`;
}
