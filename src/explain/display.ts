/**
 * Observed values shown as text. Explanations end up in a terminal and in the panel; a header value holding
 * ESC, a line break or a bidi override must not move the cursor, colour the terminal or reorder the line,
 * so such characters are shown as escapes. Nothing else is changed.
 */

/**
 * C0 and C1 controls, DEL, line/paragraph separators, bidi marks and embedding/override/isolate characters, and
 * the byte-order mark: characters that are invisible or move text. One list for every face that shows captured
 * text (panel, terminal, Markdown, shell commands).
 */
export const INVISIBLE_CHAR = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
const INVISIBLE = new RegExp(INVISIBLE_CHAR.source, 'g');

export function clean(text: string): string {
  return text.replace(INVISIBLE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** URLs with a password show it as ***: a Location with user:pass@ is a secret leaking, not something to repeat. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password === '') return url;
    u.password = '***';
    return u.href;
  } catch {
    return url;
  }
}
