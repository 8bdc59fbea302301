/**
 * String literals for the languages the fix snippets are written in. Every value in a snippet comes from web
 * traffic (an Origin header, header names a page asked for) and is attacker-controlled, so each is written
 * through the escaper of the language it lands in. The language escapers emit ASCII only, so the snippet's
 * encoding can never change a value either. The two config formats (nginx, Apache) cannot represent every
 * string: for them a function answers null, and the snippet leaves the value out and says so.
 */
import { isFieldValue } from '../http';

/** A UTF-16 code unit as \uXXXX. */
function u4(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

const C_LIKE: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/**
 * A JavaScript string literal: double-quoted, ASCII only. Also valid JSON, so `JSON.parse(jsString(v)) === v`
 * for every string, lone surrogates included.
 */
export function jsString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    const code = value.charCodeAt(i);
    const simple = C_LIKE[ch];
    if (simple !== undefined) out += simple;
    else if (code < 0x20 || code >= 0x7f) out += u4(code);
    else out += ch;
  }
  return `${out}"`;
}

/** Code points of a string, with lone surrogates kept as themselves. */
function codePoints(value: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out.push(0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00));
      i++;
    } else out.push(c);
  }
  return out;
}

/**
 * A Python 3 str literal: double-quoted, ASCII only, astral characters as \UXXXXXXXX (a surrogate pair in
 * Python would be two characters, not one).
 */
export function pyString(value: string): string {
  let out = '"';
  for (const cp of codePoints(value)) {
    const ch = String.fromCodePoint(cp);
    const simple = C_LIKE[ch];
    if (simple !== undefined) out += simple;
    else if (cp > 0xffff) out += `\\U${cp.toString(16).padStart(8, '0')}`;
    else if (cp < 0x20 || cp >= 0x7f) out += u4(cp);
    else out += ch;
  }
  return `${out}"`;
}

/**
 * A Go interpreted string literal. Go source is UTF-8 and `\u` may not name a surrogate, so a lone surrogate
 * (which no UTF-8 string can hold) becomes U+FFFD, exactly what Go's own UTF-8 decoding would make of it.
 */
export function goString(value: string): string {
  let out = '"';
  for (const cp of codePoints(value)) {
    const ch = String.fromCodePoint(cp);
    const simple = C_LIKE[ch];
    if (simple !== undefined) out += simple;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else if (cp > 0xffff) out += `\\U${cp.toString(16).padStart(8, '0')}`;
    else if (cp < 0x20 || cp >= 0x7f) out += u4(cp);
    else out += ch;
  }
  return `${out}"`;
}

/**
 * A Java string literal. Java turns `\uXXXX` into its character before it even parses the literal, so
 * `\u0022` would close the string: quotes, backslashes and control characters use the ordinary escapes and
 * three-digit octal escapes, and `\u` is used only for non-ASCII characters, which cannot end a literal.
 */
export function javaString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    const code = value.charCodeAt(i);
    const simple = C_LIKE[ch];
    if (simple !== undefined) out += simple;
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(8).padStart(3, '0')}`;
    else if (code > 0x7f) out += u4(code);
    else out += ch;
  }
  return `${out}"`;
}


/**
 * An nginx double-quoted string, or null when the value cannot be one safely: `$` starts a variable in
 * add_header values and has no escape, and a line break or control character has no place in a header.
 * nginx's parser unescapes `\"` and `\\` inside quotes; `;`, `{` and `}` are plain text there.
 */
export function nginxString(value: string): string | null {
  if (!isFieldValue(value) || value.includes('$') || /[^\x20-\x7e\t]/.test(value)) return null;
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * An Apache mod_headers value in double quotes, or null when the value cannot be one safely. Apache's config
 * parser unescapes only `\"`, so a backslash cannot be written reliably (a trailing one would swallow the
 * closing quote); `${...}` is replaced by defines and environment variables at startup and has no escape;
 * `%` starts a mod_headers format specifier and is doubled.
 */
export function apacheString(value: string): string | null {
  if (!isFieldValue(value) || value.includes('$') || value.includes('\\') || /[^\x20-\x7e\t]/.test(value)) return null;
  return `"${value.replace(/"/g, '\\"').replace(/%/g, '%%')}"`;
}
