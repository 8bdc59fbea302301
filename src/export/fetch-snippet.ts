/**
 * A fetch() call that does what the page did: the URL it asked for, its method, the headers it set itself
 * (not those the browser adds), its body, and its mode and credentials as far as the capture shows them.
 * Paste it into the console of a page on the same origin to see the failure again, or change one thing
 * and see whether it goes away. Every string is a JavaScript literal written by jsString: no captured text
 * can end the string or the comment it is in.
 */
import { jsString } from '../explain';
import type { AnalysedExchange } from '../har';
import { bodyType, type Redactor } from './redact';
import { ok, type Outcome, refuse } from './request';
import { cutBodyNote, wireUrl } from './reproduce';
import { unsendable } from './sendable';

/**
 * fetch() takes a header value as a ByteString: one byte per character, and it throws on any character above
 * U+00FF. A capture shows header bytes decoded as UTF-8, so a value with non-ASCII text is written as its UTF-8
 * bytes, one character each: fetch() then sends exactly the bytes the browser sent (and curl sends the same).
 */
function byteString(value: string): string {
  if (!/[^\u0000-\u007f]/.test(value)) return value;
  let out = '';
  for (const b of new TextEncoder().encode(value)) out += String.fromCharCode(b);
  return out;
}

const CREDENTIALS = {
  include: "  credentials: 'include', // the request carried cookies",
  omit: "  credentials: 'omit',",
  unknown: "  // credentials: 'include', // add if the page sends cookies; the capture cannot tell",
} as const;

export function fetchSnippet(x: AnalysedExchange, redactor: Redactor | null): Outcome<string> {
  const first = x.record.hops[0];
  if (!first) return refuse('the exchange has no request to replay');
  if (x.requestMissing) return refuse('the request is not in the capture (only its preflight is), so its headers and body are unknown');
  if (x.record.mode === 'navigate') return refuse('the page navigated to this URL; a fetch() call would not do the same');
  if (x.notCors === 'websocket') return refuse('it is a WebSocket handshake: fetch() cannot open a WebSocket; use new WebSocket(url) in the page');
  const url = wireUrl(first.url);
  const why = unsendable({ method: first.method, url, headers: x.record.authorHeaders, body: null });
  if (why) return refuse(`cannot be replayed faithfully: ${why}`);
  // Layers 1 and 2 on every part before layer 3 on any, so a secret first seen in the body leaves the URL too.
  const headers = x.record.authorHeaders.map((h) => (redactor ? redactor.header(h) : h));
  const raw = x.bodies[0]?.text ?? null;
  const body = raw === null || raw === '' ? null : redactor ? redactor.body(raw, bodyType(x.record.authorHeaders, x.bodies[0]?.mimeType)) : raw;
  const target = redactor ? redactor.url(url) : url;
  const shown = (s: string) => (redactor ? redactor.text(s) : s);
  const lines = [`await fetch(${jsString(shown(target))}, {`];
  lines.push(`  method: ${jsString(first.method)},`);
  if (x.record.mode !== 'cors') lines.push(`  mode: ${jsString(x.record.mode)},`);
  if (headers.length > 0) {
    lines.push('  headers: [');
    for (const h of headers) lines.push(`    [${jsString(h.name)}, ${jsString(byteString(shown(h.value)))}],`);
    lines.push('  ],');
  }
  if (body !== null) lines.push(`  body: ${jsString(shown(body))},`);
  lines.push(CREDENTIALS[x.record.credentials]);
  lines.push('});');
  const notes = x.resourceType === 'xhr' ? ['The page used XMLHttpRequest; this fetch() sends the same request.'] : [];
  const recorded = x.bodies[0];
  if (body !== null && recorded?.fullLength !== undefined) notes.push(cutBodyNote(recorded.text.length, recorded.fullLength));
  if (headers.some((h) => byteString(h.value) !== h.value)) notes.push('Header values with non-ASCII text are written as their UTF-8 bytes, one character per byte, as fetch() takes them.');
  return ok(`${lines.join('\n')}\n`, notes);
}
