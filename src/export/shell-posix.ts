/**
 * POSIX shells (bash, zsh, sh). Single quotes are the one quoting form in which nothing is special: no `$`,
 * no backticks, no `!` history expansion, no globbing. A single quote itself is closed, escaped and reopened.
 * A value with control characters uses `$'...'` (bash, zsh, and POSIX since 2024) instead, with every control
 * written as `\xHH`: a raw tab in a pasted command triggers completion, a raw CR becomes Enter, ESC would
 * drive the terminal, and bidi overrides would make the command read differently than it runs. Inside
 * `$'...'`, `'` and `!` are written as escapes too, so bash's history expansion never sees them.
 */
import { INVISIBLE_CHAR as INVISIBLE } from '../http';
import type { Shell } from './shell';
import { FLAVOUR_LABEL } from './flavours';

/** Left unquoted: a method, a plain word. Anything with ':' (URLs, headers) is quoted, for the reader's eye. */
const BARE = /^[A-Za-z0-9_\-.\/]+$/;
const ENCODER = new TextEncoder();

function hexBytes(c: string): string {
  return [...ENCODER.encode(c)].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
}

function ansiC(arg: string): string {
  let out = "$'";
  for (const c of arg) {
    if (c === '\\') out += '\\\\';
    else if (c === "'") out += '\\x27';
    else if (c === '!') out += '\\x21';
    else if (INVISIBLE.test(c)) out += hexBytes(c);
    else out += c;
  }
  return `${out}'`;
}

export function posixQuote(arg: string): string {
  if (BARE.test(arg)) return arg;
  if (INVISIBLE.test(arg)) return ansiC(arg);
  return `'${arg.replaceAll("'", "'\\''")}'`;
}

export const posix: Shell = {
  id: 'bash',
  label: FLAVOUR_LABEL.bash,
  program: 'curl',
  quote: posixQuote,
  unquotable: (arg) => (arg.includes('\0') ? 'a NUL byte cannot be passed in a command-line argument' : null),
  continuation: ' \\',
  comment: (text) => `# ${text}`,
  wrap: (command) => command,
  notes: () => [],
  argLimit: 131071,
  lineLimit: Number.POSITIVE_INFINITY,
  // printf is a builtin, so its argument never goes through exec and its length is not limited.
  stdinBody: (body) => `printf '%s' ${posixQuote(body)} |`,
};
