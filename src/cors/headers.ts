import type { HeaderList } from './types';

/** HTTP whitespace (RFC 9110 OWS): what a parser strips around a field value. */
const OWS = /^[ \t]+|[ \t]+$/g;

export function trimOws(value: string): string {
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  // Most values have nothing to trim: skip the regex and its new string.
  if (first !== 32 && first !== 9 && last !== 32 && last !== 9) return value;
  return value.replace(OWS, '');
}

/**
 * Case-insensitive name match without allocating: headers are looked up many times per exchange and a capture
 * holds millions of them, so `toLowerCase()` on every comparison shows up in memory and time. `lower` must be
 * lower-case already.
 */
export function nameIs(name: string, lower: string): boolean {
  if (name.length !== lower.length) return false;
  if (name === lower) return true;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** Every value of a header, case-insensitively, trimmed, in capture order. */
export function headerValues(headers: HeaderList, name: string): string[] {
  const wanted = name.toLowerCase();
  const out: string[] = [];
  for (const h of headers) if (nameIs(h.name, wanted)) out.push(trimOws(h.value));
  return out;
}

/**
 * A header as Chromium's `HttpResponseHeaders::GetNormalizedHeader` reads it: repeated lines joined with ", ".
 * This is why two identical `Access-Control-Allow-Origin` lines fail as `MultipleAllowOriginValues` with
 * failedParameter "v, v" (seen in Chromium 156). `null` means the header is absent, which is not the same as empty.
 */
export function headerValue(headers: HeaderList, name: string): string | null {
  const wanted = name.toLowerCase();
  let out: string | null = null;
  for (const h of headers) {
    if (!nameIs(h.name, wanted)) continue;
    const v = trimOws(h.value);
    out = out === null ? v : `${out}, ${v}`;
  }
  return out;
}

export function hasHeader(headers: HeaderList, name: string): boolean {
  const wanted = name.toLowerCase();
  return headers.some((h) => nameIs(h.name, wanted));
}

/** A header list as `Name: value` lines, as a server sends them and a person reads or types them. */
export function headerText(headers: HeaderList): string {
  return headers.map((h) => `${h.name}: ${h.value}`).join('\n');
}
