/**
 * Header lines as a person types them in the what-if editor, `Name: value` per line, to a header list and
 * back. What is typed is hostile text like any captured value: it is only ever split here, never interpreted,
 * and the engine checks it as it would check a server's answer. A line that is not `Name: value` is reported,
 * with its number, rather than guessed at.
 */
import { type Header, headerText, trimOws } from '../src/cors';

export interface ParsedLines {
  readonly headers: Header[];
  /** 1-based numbers of the lines left out: no colon, or nothing before it. */
  readonly rejected: number[];
}

export { headerText };

export function parseHeaderLines(text: string): ParsedLines {
  const headers: Header[] = [];
  const rejected: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (name === '') {
      rejected.push(i + 1);
      return;
    }
    // A server's value is read without its surrounding spaces and tabs, as browsers read a header line.
    headers.push({ name, value: trimOws(line.slice(colon + 1)) });
  });
  return { headers, rejected };
}
