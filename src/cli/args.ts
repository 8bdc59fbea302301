/** Command-line arguments. Usage errors are one line and exit 2, like input errors. */
import { EXPORT_FORMATS, type ExportFormat } from '../export';

export type Format = 'text' | 'json' | 'markdown';

export type Command =
  | { readonly kind: 'check'; readonly input: string; readonly format: Format }
  | { readonly kind: 'export'; readonly input: string; readonly exchange: number; readonly as: ExportFormat; readonly redact: boolean }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: cors-lens check <file.har|-> [--format text|json|markdown]
       cors-lens export <file.har|-> --exchange <n> --as curl|curl-cmd|curl-powershell|fetch|markdown [--no-redact]

check    Re-runs Chrome's CORS checks on a HAR capture and explains every blocked request.
  <file.har>   a HAR file (DevTools: Network > Export HAR), or - to read standard input
  --format     text (default; for a terminal), json (one document), markdown (for an issue tracker)

export   One exchange for a bug report: curl commands that replay it (bash/zsh, Windows cmd,
         PowerShell), the fetch() call the page made, or a Markdown report.
  --exchange   the exchange's position in check --format json's "exchanges" list (from 0)
  --no-redact  keep Cookie, Authorization, tokens and other secrets (redacted by default)

Exit status: check: 0 nothing blocked, 1 at least one request blocked; export: 0 written;
both: 2 the input is not a HAR, or the exchange does not exist or cannot be replayed faithfully.`;

const FORMATS: readonly Format[] = ['text', 'json', 'markdown'];

/** Splits `--name=value` and `--name value`; returns the value and how many arguments it took. */
function optionValue(arg: string, next: string | undefined): { value: string | undefined; used: number } {
  const eq = arg.indexOf('=');
  return eq >= 0 ? { value: arg.slice(eq + 1), used: 0 } : { value: next, used: 1 };
}

export function parseArgs(argv: readonly string[]): Command {
  if (argv.includes('--help') || argv.includes('-h') || argv.length === 0) return { kind: 'help' };
  if (argv.includes('--version') || argv.includes('-V')) return { kind: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'export') throw new UsageError(`unknown command ${JSON.stringify(command)}; try: cors-lens check <file.har>`);
  let input: string | null = null;
  let format: Format = 'text';
  let exchange: number | null = null;
  let as: ExportFormat | null = null;
  let redact = true;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const name = arg.split('=')[0];
    if (command === 'check' && name === '--format') {
      const { value, used } = optionValue(arg, rest[i + 1]);
      i += used;
      if (!value || !FORMATS.includes(value as Format)) throw new UsageError(`--format takes text, json or markdown, not ${JSON.stringify(value ?? '')}`);
      format = value as Format;
    } else if (command === 'export' && name === '--exchange') {
      const { value, used } = optionValue(arg, rest[i + 1]);
      i += used;
      if (!value || !/^\d{1,9}$/.test(value)) throw new UsageError(`--exchange takes a number (the exchange's position in check --format json), not ${JSON.stringify(value ?? '')}`);
      exchange = Number(value);
    } else if (command === 'export' && name === '--as') {
      const { value, used } = optionValue(arg, rest[i + 1]);
      i += used;
      if (!value || !EXPORT_FORMATS.includes(value as ExportFormat)) throw new UsageError(`--as takes ${EXPORT_FORMATS.join(', ')}, not ${JSON.stringify(value ?? '')}`);
      as = value as ExportFormat;
    } else if (command === 'export' && arg === '--no-redact') {
      redact = false;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${JSON.stringify(arg)}`);
    } else if (input === null) {
      input = arg;
    } else {
      throw new UsageError(`one input file at a time (got ${JSON.stringify(input)} and ${JSON.stringify(arg)})`);
    }
  }
  if (input === null) throw new UsageError(`missing input: cors-lens ${command} <file.har|->`);
  if (command === 'check') return { kind: 'check', input, format };
  if (exchange === null) throw new UsageError('missing --exchange <n>: the exchange\'s position in check --format json');
  if (as === null) throw new UsageError(`missing --as ${EXPORT_FORMATS.join('|')}`);
  return { kind: 'export', input, exchange, as, redact };
}
