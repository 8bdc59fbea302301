import type { HeaderList } from './types';

/** HTTP whitespace (RFC 9110 OWS): what a parser strips around a field value. */
const OWS = /^[ \t]+|[ \t]+$/g;

export function trimOws(value: string): string {
  return value.replace(OWS, '');
}

/** Every value of a header, case-insensitively, trimmed, in capture order. */
export function headerValues(headers: HeaderList, name: string): string[] {
  const wanted = name.toLowerCase();
  const out: string[] = [];
  for (const h of headers) if (h.name.toLowerCase() === wanted) out.push(trimOws(h.value));
  return out;
}

/**
 * A header as Chromium's `HttpResponseHeaders::GetNormalizedHeader` reads it: repeated lines joined with ", ".
 * This is why two identical `Access-Control-Allow-Origin` lines fail as `MultipleAllowOriginValues` with
 * failedParameter "v, v" (seen in Chromium 156). `null` means the header is absent, which is not the same as empty.
 */
export function headerValue(headers: HeaderList, name: string): string | null {
  const values = headerValues(headers, name);
  return values.length === 0 ? null : values.join(', ');
}

export function hasHeader(headers: HeaderList, name: string): boolean {
  const wanted = name.toLowerCase();
  return headers.some((h) => h.name.toLowerCase() === wanted);
}
