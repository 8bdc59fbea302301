/**
 * Windows cmd.exe. Two parsers read every argument, in this order, and quoting must survive both:
 *  1. cmd.exe itself, which expands %VAR%, treats & | < > ( ) as operators outside double quotes, and removes
 *     a caret after using it to escape the next character;
 *  2. the C runtime of curl.exe, which splits the command line into argv: inside "..." spaces are kept,
 *     backslashes are literal except directly before a double quote, where 2n backslashes + " give n
 *     backslashes and end the quoted part, and 2n+1 give n backslashes and a literal ".
 * So: first quote for the C runtime; then caret-escape every character cmd might act on, including the
 * enclosing double quotes (as ^"), so cmd never enters its quoted state and a " inside a value can never
 * expose an & to it (the bug behind the Copy-as-cURL injections). A % is escaped and so is the character
 * after it: cmd then looks for a variable whose name starts with ^, which does not exist, and leaves the text
 * alone (that is what works at the interactive prompt, where %% is not an escape). A line feed is written as
 * ^ + LF + LF: the caret continues the line and escapes the second LF, which becomes part of the argument.
 * Not representable: CR (cmd removes every CR it reads) and other control characters (the console does not
 * pass them through a paste); a command line is at most 8191 characters.
 * Assumed: delayed expansion is off (cmd's default); with it on, a ! in a value would be expanded.
 */
import type { Shell } from './shell';
import { windowsUnquotable } from './shell-windows';
import { FLAVOUR_LABEL } from './flavours';

const MAX_LINE = 8191;
/** Characters cmd never acts on; everything else is caret-escaped, which is harmless when not needed. */
const SAFE = /[A-Za-z0-9 _\-.,:\/=+~@\\]/;

/** Quotes one argument for the Microsoft C runtime's argv parser. */
export function crtQuote(arg: string): string {
  let out = '"';
  let slashes = 0;
  for (const c of arg) {
    if (c === '\\') {
      slashes++;
      continue;
    }
    if (c === '"') out += `${'\\'.repeat(slashes * 2 + 1)}"`;
    else out += `${'\\'.repeat(slashes)}${c}`;
    slashes = 0;
  }
  return `${out}${'\\'.repeat(slashes * 2)}"`;
}

export function cmdQuote(arg: string): string {
  const crt = crtQuote(arg);
  let out = '';
  let afterPercent = false;
  for (const c of crt) {
    if (c === '\n') out += '^\n\n';
    else if (afterPercent || !SAFE.test(c)) out += `^${c}`;
    else out += c;
    afterPercent = c === '%';
  }
  return out;
}

export function cmdUnquotable(arg: string): string | null {
  const bad = /[\u0000-\u0009\u000b-\u001f\u007f]/.exec(arg);
  if (bad) {
    const code = (bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return bad[0] === '\r'
      ? 'cmd removes every carriage return (CR) from a command line, so a value holding one cannot be passed exactly; use the bash or PowerShell version'
      : `a control character (0x${code}) cannot be pasted into cmd; use the bash or PowerShell version`;
  }
  return windowsUnquotable(arg);
}

export const cmd: Shell = {
  id: 'cmd',
  label: FLAVOUR_LABEL.cmd,
  program: 'curl.exe',
  quote: cmdQuote,
  unquotable: cmdUnquotable,
  continuation: ' ^',
  comment: (text) => `REM ${text}`,
  wrap: (command) => command,
  argLimit: MAX_LINE,
  lineLimit: MAX_LINE,
  stdinBody: null,
  notes: (args) => {
    const out: string[] = [];
    if (args.some((a) => a.includes('!'))) out.push('cmd: a value holds an exclamation mark; run the command with delayed expansion off, the default, or cmd will expand it.');
    return out;
  },
};
