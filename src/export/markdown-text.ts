/**
 * The one Markdown escaper. Reports are pasted into trackers and chats rendered by different engines
 * (cmark-gfm on GitHub, markdown-it, marked), and they disagree on escapes: a backslash before a pipe ends a
 * table cell in marked but not in markdown-it, `//host` is a link in one and text in another. Escaping prose
 * for every engine at once is where past bugs came from, so captured text is never prose here:
 *
 * - every captured value (URL, method, header, origin, body, browser) goes in a code span or a fenced block,
 *   where no engine reads markup;
 * - a code span's fence is longer than any backtick run inside it, and padded where CommonMark would eat a
 *   space or merge backticks;
 * - in a table cell, a value's pipes are never inside the code span: the value is cut at each pipe into code
 *   spans joined by `\|`, and a backtick (not a backslash) always stands before that escape, so no run of
 *   backslashes can turn it into a cell break in any engine;
 * - prose carries only the project's own words, with Markdown's punctuation escaped all the same.
 *
 * Invisible characters are shown as escapes everywhere (src/http/invisible.ts).
 */
import { segments } from '../explain';
import { showInvisible } from '../http';

/** A code span holding `text` exactly (after invisible characters are made visible); `text` holds no pipe in a table. */
function span(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space from each end when both ends have one, and a backtick next to the fence would
  // lengthen it: a space of padding on each side keeps the content as it is in both cases.
  const spaced = text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '';
  const pad = text.startsWith('`') || text.endsWith('`') || spaced ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Captured text inline in prose: one code span. An empty value says so in the project's words. */
export function mdCode(text: string): string {
  const shown = showInvisible(text);
  return shown === '' ? '*(empty)*' : span(shown);
}

/**
 * Captured text in a table cell: the exact value, and nothing that can end the cell or the row. An empty value
 * is an empty cell.
 */
export function mdCell(text: string): string {
  return showInvisible(text)
    .split('|')
    .map((piece) => (piece === '' ? '' : span(piece)))
    .join('\\|');
}

/** A fenced code block holding any text: the fence is longer than any backtick run inside. */
export function mdBlock(text: string, info = ''): string {
  const body = text.replace(/\r\n?/g, '\n').split('\n').map(showInvisible).join('\n');
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${body.replace(/\n$/, '')}\n${fence}`;
}

/**
 * The project's own words as prose. They are not captured, but they hold characters such as `*` and `<` that
 * mean something in Markdown, so each is escaped; a newline becomes a space so a sentence stays one paragraph.
 */
export function mdText(words: string): string {
  return showInvisible(words.replace(/[\r\n]+/g, ' '))
    .replace(/[\\`*_[\]|<>&#!~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`)
    .replace(/@/g, '\\@');
}

/**
 * A sentence of the explanation layer: its words as prose, each captured value (captured.ts) in a code span,
 * written for a table cell when it stands in one.
 */
export function mdProse(marked: string, where: 'prose' | 'cell' = 'prose'): string {
  const value = where === 'cell' ? mdCell : mdCode;
  return segments(marked)
    .map((s) => (s.captured ? value(s.text) : mdText(s.text)))
    .join('');
}

/** A long value cut for a table, saying how much was left out. */
export function cut(text: string, max = 300): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
