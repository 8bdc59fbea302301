/**
 * Captured text is attacker-controlled. Shown raw, a header value holding ESC, a line break or a bidi override
 * could move a terminal's cursor, colour it, or make a line read differently than it is (Trojan Source,
 * CVE-2021-42574). Every face that shows captured text (panel, terminal, Markdown, shell comments, refusal
 * messages) makes the same characters visible, from this one list, so no face lags behind another.
 */

/**
 * C0 and C1 controls, DEL, the line and paragraph separators, the bidi marks (LRM, RLM, ALM), the bidi
 * embeddings, overrides and isolates, and the byte-order mark: characters that are invisible or move text.
 */
export const INVISIBLE_CHAR = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
const INVISIBLE = new RegExp(INVISIBLE_CHAR.source, 'g');

/** One invisible character as a visible escape: `\x1b` up to U+00FF, `\u202e` above. */
export function escapeInvisibleChar(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every invisible character shown as its escape; nothing else changes. */
export function showInvisible(text: string): string {
  return INVISIBLE_CHAR.test(text) ? text.replace(INVISIBLE, escapeInvisibleChar) : text;
}
