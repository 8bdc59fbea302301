/**
 * Whether a request can be replayed exactly. HTTP itself bounds what a request can carry: a method and a header
 * name are tokens, a header value holds no CR, LF or NUL. A value outside those rules cannot have come from a
 * browser unchanged, and a command that sent it anyway would split one header into two (header injection), so
 * it is refused with a sentence naming the offender rather than sent mangled. A NUL cannot be passed as a
 * command-line argument at all, so a body holding one is refused too.
 */
import { isToken, showInvisible } from '../http';
import type { HttpRequest } from './request';

/** Fetch forbids only these three in a header value; the other controls a browser may send, and curl carries. */
const FORBIDDEN_IN_VALUE = /[\r\n\0]/;
/** Fetch's forbidden methods: a page cannot send them, so a capture holding one was edited. */
const FORBIDDEN_METHODS: ReadonlySet<string> = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** A short description of a character for a message: never the raw character. */
export function charName(c: string): string {
  const names: Readonly<Record<string, string>> = { '\r': 'a carriage return (CR)', '\n': 'a line feed (LF)', '\0': 'a NUL byte' };
  return names[c] ?? `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Shows a captured name inside a message without letting it do anything: JSON-quoted, controls escaped, cut. */
export function quoteName(text: string): string {
  const cut = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  // JSON escapes the C0 controls; the shared list catches what JSON leaves raw (C1, bidi, separators, BOM).
  return showInvisible(JSON.stringify(cut));
}

/** Null when the request can be sent exactly as recorded; otherwise why not. */
export function unsendable(r: HttpRequest): string | null {
  if (!isToken(r.method)) return `the method ${quoteName(r.method)} is not a valid HTTP method token`;
  if (FORBIDDEN_METHODS.has(r.method.toUpperCase())) return `browsers never send the method ${quoteName(r.method)}`;
  let scheme = '';
  try {
    scheme = new URL(r.url).protocol;
  } catch {
    return `the URL ${quoteName(r.url)} cannot be parsed`;
  }
  if (scheme !== 'http:' && scheme !== 'https:') return `the URL's scheme is ${quoteName(scheme.slice(0, -1))}; only http and https requests can be replayed`;
  for (const h of r.headers) {
    if (!isToken(h.name)) return `the header name ${quoteName(h.name)} is not a valid HTTP token`;
    const bad = FORBIDDEN_IN_VALUE.exec(h.value);
    if (bad) return `the value of ${quoteName(h.name)} holds ${charName(bad[0])}, which no HTTP header can carry; sending it would split the header in two`;
  }
  if (r.body !== null && r.body.includes('\0')) return 'the body holds a NUL byte, which a command-line argument cannot carry';
  return null;
}
