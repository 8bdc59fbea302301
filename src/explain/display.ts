/**
 * Observed values shown as text. Explanations end up in a terminal and in the panel; a header value holding
 * ESC, a line break or a bidi override must not move the cursor, colour the terminal or reorder the line,
 * so such characters are shown as escapes (the shared list in src/http/invisible.ts). Nothing else is changed.
 */
export { showInvisible as clean } from '../http';

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
