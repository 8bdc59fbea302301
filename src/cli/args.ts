/**
 * Command-line arguments. Node's `util.parseArgs` splits them (`--name=value`, `--name value`, `-h`, `--`); the
 * checks and their messages are ours, because a usage error is one line and exit 2, like an input error, and
 * parseArgs' own strict errors run over several lines. A new command or flag is one entry in COMMANDS.
 */
import { parseArgs as tokenize } from 'node:util';
import { type Stack, STACKS } from '../explain/snippets';
import { EXPORT_FORMATS, type ExportFormat } from '../export';

export type Format = 'text' | 'json' | 'markdown';

export type Command =
  | { readonly kind: 'check'; readonly input: string; readonly format: Format; readonly all: boolean }
  | { readonly kind: 'policy'; readonly input: string; readonly format: Format; readonly target: string | null; readonly stack: Stack | null }
  | { readonly kind: 'export'; readonly input: string; readonly exchange: number; readonly as: ExportFormat; readonly redact: boolean }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: cors-lens check <file.har|-> [--format text|json|markdown] [--all]
       cors-lens policy <file.har|-> [--target <origin>] [--stack ${STACKS.join('|')}] [--format text|json|markdown]
       cors-lens export <file.har|-> --exchange <n> --as curl|curl-cmd|curl-powershell|fetch|markdown [--no-redact]
       cors-lens --help | --version

check    Re-runs Chrome's CORS checks on a HAR capture and explains every blocked request.
  <file.har>   a HAR file (DevTools: Network > Export HAR), or - to read standard input
  --format     text (default; for a terminal), json (one document), markdown (for an issue tracker)
  --all        list the requests that are not CORS too (same-origin, no-cors loads, navigations);
               the summary counts them either way

policy   The server's CORS configuration for everything the capture's pages asked of it, per target origin:
         only the origins, methods and headers seen, credentials only where used. Every captured CORS
         request is replayed against it ("with this policy: 12 of 12 requests pass").
  --target     one origin the requests went to (https://api.example.com); default: every one
  --stack      the configuration for one server stack (default: the lines, and in json every stack)

export   One exchange for a bug report: curl commands that replay it (bash/zsh, Windows cmd,
         PowerShell), the fetch() call the page made, or a Markdown report.
  --exchange   the exchange's "id" in check --format json
  --no-redact  keep Cookie, Authorization, tokens and other secrets (redacted by default)

Exit status: check: 0 nothing blocked, 1 at least one request blocked; policy: 0 every CORS request
passes under the policy, 1 some cannot (each listed with the reason); export: 0 written;
all: 2 the input is not a HAR, or the exchange does not exist or cannot be replayed faithfully.`;

interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
}

/** What the user wrote, by option name: a string option's value (undefined when none followed), or true. */
type Given = ReadonlyMap<string, string | undefined | true>;

interface CommandSpec {
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly build: (positionals: readonly string[], given: Given) => Command;
}

/** Recognised before anything else, anywhere on the line: `cors-lens check --help` shows the help. */
const GLOBAL: Readonly<Record<'help' | 'version', OptionSpec>> = { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'V' } };

const FORMATS: readonly Format[] = ['text', 'json', 'markdown'];
function formatOf(given: Given): Format {
  return given.has('format') ? oneOf(given.get('format'), FORMATS, '--format takes text, json or markdown') : 'text';
}

/** One value out of a fixed list, or a usage error naming the list. */
function oneOf<T extends string>(value: string | undefined | true, allowed: readonly T[], message: string): T {
  const v = typeof value === 'string' ? value : '';
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`${message}, not ${JSON.stringify(v)}`);
  return v as T;
}

function oneInput(command: string, positionals: readonly string[]): string {
  const [input, second] = positionals;
  if (input === undefined) throw new UsageError(`missing input: cors-lens ${command} <file.har|->`);
  if (second !== undefined) throw new UsageError(`one input file at a time (got ${JSON.stringify(input)} and ${JSON.stringify(second)})`);
  return input;
}

const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  check: {
    options: { format: { type: 'string' }, all: { type: 'boolean' } },
    build: (positionals, given) => ({
      kind: 'check',
      input: oneInput('check', positionals),
      format: formatOf(given),
      all: given.has('all'),
    }),
  },
  policy: {
    options: { format: { type: 'string' }, target: { type: 'string' }, stack: { type: 'string' } },
    build: (positionals, given) => {
      const target = given.get('target');
      if (given.has('target') && (typeof target !== 'string' || target === '')) throw new UsageError('--target takes an origin, such as https://api.example.com');
      return {
        kind: 'policy',
        input: oneInput('policy', positionals),
        format: formatOf(given),
        target: typeof target === 'string' ? target : null,
        stack: given.has('stack') ? oneOf(given.get('stack'), STACKS, `--stack takes ${STACKS.join(', ')}`) : null,
      };
    },
  },
  export: {
    options: { exchange: { type: 'string' }, as: { type: 'string' }, 'no-redact': { type: 'boolean' } },
    build: (positionals, given) => {
      const input = oneInput('export', positionals);
      const exchange = given.get('exchange');
      if (!given.has('exchange')) throw new UsageError("missing --exchange <n>: the exchange's id in check --format json");
      if (typeof exchange !== 'string' || !/^\d{1,9}$/.test(exchange)) {
        throw new UsageError(`--exchange takes a number (the exchange's id in check --format json), not ${JSON.stringify(typeof exchange === 'string' ? exchange : '')}`);
      }
      if (!given.has('as')) throw new UsageError(`missing --as ${EXPORT_FORMATS.join('|')}`);
      const as = oneOf(given.get('as'), EXPORT_FORMATS, `--as takes ${EXPORT_FORMATS.join(', ')}`);
      return { kind: 'export', input, exchange: Number(exchange), as, redact: !given.has('no-redact') };
    },
  },
};

/**
 * Lenient tokenizing (strict: false) keeps parseArgs' splitting without its multi-line errors: an unknown option
 * comes back as a token to reject in one line, and a string option takes the next argument whatever it looks
 * like (`--exchange -1` is a bad number, not an unknown option).
 */
function tokens(args: readonly string[], options: Readonly<Record<string, OptionSpec>>) {
  return tokenize({ args: [...args], options: { ...options }, strict: false, allowPositionals: true, tokens: true }).tokens;
}

export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) return { kind: 'help' };
  // Only a whole argument counts: `-dashed.har` is not the short options -d -a -s -h… (parseArgs groups them).
  const globals = new Set(tokens(argv, GLOBAL).flatMap((t) => (t.kind === 'option' && argv[t.index] === t.rawName ? [t.name] : [])));
  if (globals.has('help')) return { kind: 'help' };
  if (globals.has('version')) return { kind: 'version' };
  const [command = '', ...rest] = argv;
  const spec = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!spec) throw new UsageError(`unknown command ${JSON.stringify(command)}; try: cors-lens check <file.har>`);
  const given = new Map<string, string | undefined | true>();
  const positionals: string[] = [];
  for (const t of tokens(rest, spec.options)) {
    if (t.kind === 'positional') positionals.push(t.value);
    if (t.kind !== 'option') continue;
    const option = Object.hasOwn(spec.options, t.name) ? spec.options[t.name] : undefined;
    // The whole argument as typed: `--nope=1` or `-dashed.har`, not the `-d` parseArgs split off a group.
    if (!option) throw new UsageError(`unknown option ${JSON.stringify(rest[t.index] ?? t.rawName)}`);
    if (option.type === 'boolean' && t.value !== undefined) throw new UsageError(`${t.rawName} takes no value`);
    given.set(t.name, option.type === 'boolean' ? true : t.value);
  }
  return spec.build(positionals, given);
}
