/**
 * curl commands that replay a reproduction, one per step, for the shell the reader uses. The command sends the
 * step's method, URL, headers and body and nothing else: curl's own default headers that the capture lacks
 * (User-Agent, Accept, and the Content-Type it adds to a body) are switched off with an empty `-H 'Name:'`,
 * an empty header value is sent with curl's `Name;` form, and `Expect: 100-continue`, which curl adds to
 * larger bodies, is switched off. `-i` prints the response headers, which is what the reader is there for.
 * The body goes in `--data-raw`, never `-d`: `-d @file` would read a local file named by the page.
 */
import { headerValue } from '../cors';
import { type HttpRequest, ok, type Outcome, type Reproduction, refuse, type Step, stepName } from './request';
import { type Shell } from './shell';
import { cmd } from './shell-cmd';
import { posix } from './shell-posix';
import { powershell } from './shell-powershell';
import type { CurlFlavour } from './flavours';

export type { CurlFlavour } from './flavours';

export const SHELLS: Readonly<Record<CurlFlavour, Shell>> = { bash: posix, cmd, powershell };

/** curl's own headers: sent unless the command names them. */
const CURL_DEFAULTS = ['User-Agent', 'Accept'] as const;

/** An option we write (trusted, never quoted) or a value from the capture (always through the shell's quoting). */
type Arg = { readonly option: string } | { readonly value: string };

/** The curl arguments for one request, program name excluded. */
export function curlArgs(r: HttpRequest): Arg[] {
  const args: Arg[] = [{ option: '-i' }];
  const hasBody = r.body !== null;
  // --head, not -X HEAD, which makes curl wait for a body that never comes; curl refuses --head with a body.
  if (r.method === 'HEAD' && !hasBody) args.push({ option: '--head' });
  else if (!(r.method === 'GET' && !hasBody) && !(r.method === 'POST' && hasBody)) args.push({ option: '-X' }, { value: r.method });
  // curl globs [] and {} in URLs unless told not to; a browser URL is never a pattern.
  if (/[[\]{}]/.test(r.url)) args.push({ option: '--globoff' });
  args.push({ value: r.url });
  // `-H 'Name:'` tells curl to remove a header; `-H 'Name;'` sends it empty. A value of only spaces is empty on the wire.
  for (const h of r.headers) args.push({ option: '-H' }, { value: /^[ \t]*$/.test(h.value) ? `${h.name};` : `${h.name}: ${h.value}` });
  for (const name of CURL_DEFAULTS) if (headerValue(r.headers, name) === null) args.push({ option: '-H' }, { value: `${name}:` });
  if (hasBody) {
    if (headerValue(r.headers, 'content-type') === null) args.push({ option: '-H' }, { value: 'Content-Type:' });
    if (new TextEncoder().encode(r.body ?? '').length > 1024) args.push({ option: '-H' }, { value: 'Expect:' });
    args.push({ option: '--data-raw' }, { value: r.body ?? '' });
  }
  return args;
}

function describe(step: Step, browser: string): string {
  const source = { captured: `as ${browser} sent it`, 'page-set': 'rebuilt from the headers the page set', reconstructed: 'rebuilt: not in the capture' }[step.source];
  return `${stepName(step)}, ${source}${step.failed ? '; its response failed the CORS check' : ''}`;
}

const utf8 = new TextEncoder();

/** One step as a command: options and values paired on lines, long values on their own. */
function command(step: Step, shell: Shell): Outcome<{ text: string; values: string[] }> {
  let args = curlArgs(step.request);
  let prefix = '';
  const body = step.request.body;
  if (body !== null && shell.stdinBody && utf8.encode(body).length > shell.argLimit * 0.75) {
    // Too long to pass as an argument: curl reads it from standard input instead, byte for byte.
    prefix = `${shell.stdinBody(body)}\n  `;
    args = args.slice(0, -2).concat({ option: '--data-binary' }, { option: '@-' });
  }
  const values: string[] = [];
  for (const a of args) {
    if (!('value' in a)) continue;
    const why = shell.unquotable(a.value);
    if (why) return refuse(`cannot be replayed faithfully in ${shell.label}: ${why}`);
    if (utf8.encode(a.value).length > shell.argLimit) return refuse(`cannot be replayed faithfully in ${shell.label}: a value is ${utf8.encode(a.value).length} bytes long, more than the ${shell.argLimit} one command-line argument can hold`);
    values.push(a.value);
  }
  const lines: string[] = [];
  let line = `${prefix}${shell.program}`;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as Arg;
    const next = args[i + 1];
    if ('option' in a && (a.option === '-H' || a.option === '--data-raw' || a.option === '-X') && next && 'value' in next) {
      const piece = `${a.option} ${shell.quote(next.value)}`;
      if (a.option === '-X') line += ` ${piece}`;
      else {
        lines.push(line);
        line = `  ${piece}`;
      }
      i++;
      continue;
    }
    if ('option' in a && a.option === '--data-binary') {
      lines.push(line);
      line = ' ';
    }
    line += ` ${'option' in a ? a.option : shell.quote(a.value)}`;
  }
  lines.push(line);
  const text = lines.join(`${shell.continuation}\n`);
  const length = text.length - prefix.length;
  if (length > shell.lineLimit) return refuse(`cannot be replayed faithfully in ${shell.label}: the command is ${length} characters long, more than the ${shell.lineLimit} ${shell.label} accepts; use the bash version`);
  return ok({ text, values });
}

export function curlScript(r: Reproduction, flavour: CurlFlavour): Outcome<string> {
  const shell = SHELLS[flavour];
  if (r.unfaithful) return refuse(`cannot be replayed faithfully: ${r.unfaithful}`);
  const blocks: string[] = [];
  const notes = new Set<string>(r.notes);
  for (const step of r.steps) {
    const c = command(step, shell);
    if (!c.ok) return c;
    const wrapped = shell.wrap(c.value.text, c.value.values);
    for (const n of shell.notes(c.value.values)) notes.add(n);
    blocks.push(`${shell.comment(describe(step, r.browser))}\n${wrapped}`);
  }
  const head = [...notes].map((n) => shell.comment(n));
  return ok(`${[...head, ...(head.length > 0 ? [''] : []), blocks.join('\n\n')].join('\n')}\n`, [...notes]);
}
