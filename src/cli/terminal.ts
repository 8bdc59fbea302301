/**
 * Header values in a capture come from web servers and pages: attacker-controlled text. Printed raw, a value
 * could carry terminal escape sequences (rewrite the screen, set the window title) or bidi overrides (make text
 * read differently than it is). Everything from the capture goes through `printable` before it reaches a terminal.
 */
import { showInvisible } from '../http';

/** The same characters and escapes as every other face (src/http/invisible.ts). */
export const printable = showInvisible;

export interface Paint {
  readonly red: (s: string) => string;
  readonly green: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
}

const plain = (s: string) => s;
const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

/** Colour only on a terminal, and never when NO_COLOR is set (no-color.org); FORCE_COLOR overrides for demos. */
export function paintFor(isTty: boolean, env: Readonly<Record<string, string | undefined>>): Paint {
  const on = env.FORCE_COLOR ? env.FORCE_COLOR !== '0' : isTty && !env.NO_COLOR && env.TERM !== 'dumb';
  if (!on) return { red: plain, green: plain, yellow: plain, bold: plain, dim: plain };
  return { red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), bold: sgr(1, 22), dim: sgr(2, 22) };
}
