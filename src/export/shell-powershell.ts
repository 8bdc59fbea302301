/**
 * PowerShell (Windows PowerShell 5.1 and PowerShell 7), calling curl.exe by its full name because Windows
 * PowerShell aliases `curl` to Invoke-WebRequest. Single-quoted strings are verbatim: only the quote itself
 * is special, and PowerShell counts the typographic single quotes U+2018, U+2019, U+201A and U+201B as quotes
 * too, so each is doubled (a value holding ’ must not end the string). Control characters, line breaks and
 * bidi controls are joined in as [char]0xHH, so the command is plain printable text in any console.
 * Passing arguments to a native program: PowerShell 7.3 and later quote them for the C runtime themselves;
 * earlier versions drop embedded double quotes and mishandle a trailing backslash and empty arguments. A
 * command whose arguments need the newer behaviour says so and refuses to run on an older PowerShell instead
 * of sending something else.
 */
import { INVISIBLE_CHAR as INVISIBLE } from '../http';
import type { Shell } from './shell';
import { windowsUnquotable } from './shell-windows';
import { FLAVOUR_LABEL } from './flavours';

const QUOTES = /['\u2018\u2019\u201a\u201b]/g;
const BARE = /^[A-Za-z0-9_\-.\/:]+$/;

function literal(text: string): string {
  return `'${text.replace(QUOTES, (q) => q + q)}'`;
}

export function powershellQuote(arg: string): string {
  if (BARE.test(arg) && !arg.startsWith('-')) return arg;
  if (!INVISIBLE.test(arg)) return literal(arg);
  const parts: string[] = [];
  let run = '';
  for (const c of arg) {
    if (INVISIBLE.test(c)) {
      if (run !== '') parts.push(literal(run));
      run = '';
      parts.push(`[char]0x${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(2, '0')}`);
    } else run += c;
  }
  if (run !== '') parts.push(literal(run));
  // String + [char] is a string; a leading [char] would make + add numbers, so start from ''.
  if (!parts[0]?.startsWith("'")) parts.unshift("''");
  return `(${parts.join(' + ')})`;
}

/** What PowerShell before 7.3 does not pass to a native program as written. */
export function needsModernPassing(arg: string): boolean {
  return arg === '' || arg.includes('"') || (/\s/.test(arg) && arg.endsWith('\\'));
}

export const powershell: Shell = {
  id: 'powershell',
  label: FLAVOUR_LABEL.powershell,
  program: 'curl.exe',
  quote: powershellQuote,
  unquotable: (arg) => (arg.includes('\0') ? 'a NUL byte cannot be passed in a command-line argument' : windowsUnquotable(arg)),
  continuation: ' `',
  comment: (text) => `# ${text}`,
  wrap: (command, args) => {
    if (!args.some(needsModernPassing)) return command;
    const indented = command.split('\n').map((l) => `  ${l}`).join('\n');
    return [
      "if ($PSVersionTable.PSVersion -lt [version]'7.3' -or $PSNativeCommandArgumentPassing -eq 'Legacy') {",
      "  Write-Error 'This command passes double quotes to curl.exe, which needs PowerShell 7.3 or later with standard argument passing; use the cmd version in Windows PowerShell.'",
      '} else {',
      indented,
      '}',
    ].join('\n');
  },
  argLimit: 32767,
  lineLimit: 32767,
  stdinBody: null,
  notes: () => [],
};
