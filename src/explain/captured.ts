/**
 * Captured text inside the explanation's own sentences, marked so that each face can set it apart. A sentence
 * such as "Access-Control-Allow-Origin is 'x', but the request's origin is 'y'" mixes the project's words with
 * values chosen by whoever controls the page or the server. Plain faces (panel, terminal, JSON, card) drop the
 * marks; Markdown puts each marked run in a code span, so a value can never become a link, emphasis or HTML in
 * whichever renderer the report is pasted into, while the project's words stay prose.
 *
 * The marks are two private-use characters. Captured text cannot forge them: `cap` shows any it carries as
 * visible escapes before marking.
 */
import { escapeInvisibleChar } from '../http';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKS = /[\uE000\uE001]/g;

/** Marks a captured value inside a sentence. */
export function cap(value: string): string {
  return `${OPEN}${value.replace(MARKS, escapeInvisibleChar)}${CLOSE}`;
}

/** The sentence as plain text: the marks dropped, the values as they are. */
export function plain(text: string): string {
  return text.includes(OPEN) ? text.replace(MARKS, '') : text;
}

export interface Segment {
  readonly text: string;
  /** True for a captured value, false for the project's own words. */
  readonly captured: boolean;
}

/** The sentence cut into the project's words and the captured values, in order; empty runs are left out. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let rest = text;
  while (rest !== '') {
    const open = rest.indexOf(OPEN);
    if (open === -1) {
      out.push({ text: rest, captured: false });
      break;
    }
    if (open > 0) out.push({ text: rest.slice(0, open), captured: false });
    const close = rest.indexOf(CLOSE, open + 1);
    const end = close === -1 ? rest.length : close;
    if (end > open + 1) out.push({ text: rest.slice(open + 1, end), captured: true });
    rest = close === -1 ? '' : rest.slice(close + 1);
  }
  return out;
}
