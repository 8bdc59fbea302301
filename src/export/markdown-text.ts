/**
 * Captured text inside Markdown. Values are attacker-controlled: in prose they are escaped (pipes, backslashes,
 * HTML, emphasis), in code spans they get a fence longer than any backtick run inside them, in fenced blocks a
 * fence longer than any inside, and a newline never survives into a table cell.
 */
import { clean } from '../explain';

/**
 * Text safe in a Markdown table cell or paragraph: no HTML, no table breaks, no emphasis surprises, and no
 * autolinks (GFM links a bare http://... or www....; a captured URL must not become a link in a bug report).
 */
export function mdText(text: string): string {
  return clean(text.replace(/[\r\n]+/g, ' '))
    .replace(/[\\`*_[\]|<>&#!~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`)
    .replace(/@/g, '\\@');
}

/**
 * A code span that holds any text: the fence is one backtick longer than the longest run inside. In a table
 * cell (the default) a pipe is escaped, which GFM requires even inside code; elsewhere it would show as \|.
 */
export function mdCode(text: string, where: 'table' | 'prose' = 'table'): string {
  // Inside a code span nothing is markup, so `<`, `*` and friends stay literal; control characters are made visible.
  const flat = clean(text.replace(/[\r\n]+/g, ' '));
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  const span = `${fence}${pad}${flat}${pad}${fence}`;
  return where === 'table' ? span.replace(/\|/g, '\\|') : span;
}

/** A fenced code block holding any text: the fence is longer than any backtick run at a line start inside. */
export function mdBlock(text: string, info = ''): string {
  const longest = Math.max(2, ...(text.match(/`{3,}/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${text.replace(/\n$/, '')}\n${fence}`;
}

/** A long value cut for a table, saying how much was left out. */
export function cut(text: string, max = 300): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
