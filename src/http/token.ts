/**
 * The two shapes RFC 9110 gives the parts of a header line. Every layer asks them: the engine parsing an
 * allow-list, the fix keeping a list's valid items, the snippets refusing a name no config can hold, the exports
 * refusing a request no HTTP client can send. One definition, so the layers cannot disagree on what is sendable.
 */

/** RFC 9110 tchar as a regex class, for patterns that hold a token inside (a MIME type, an auth scheme). */
export const TCHAR = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]";

/** What a method, a header name, or an allow-list item must be made of. */
const TOKEN = new RegExp(`^${TCHAR}+$`);

export function isToken(value: string): boolean {
  return TOKEN.test(value);
}

/** Characters no HTTP field value may hold (RFC 9110: CR, LF, NUL and the other controls except tab). */
const NOT_IN_FIELD_VALUE = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** True when a value could appear in an HTTP header line at all. */
export function isFieldValue(value: string): boolean {
  return !NOT_IN_FIELD_VALUE.test(value);
}
