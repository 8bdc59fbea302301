/** Command-line arguments. Usage errors are one line and exit 2, like input errors. */
export type Format = 'text' | 'json' | 'markdown';

export type Command =
  | { readonly kind: 'check'; readonly input: string; readonly format: Format }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: cors-lens check <file.har|-> [--format text|json|markdown]

Re-runs Chrome's CORS checks on a HAR capture and explains every blocked request.
  <file.har>   a HAR file (DevTools: Network > Export HAR), or - to read standard input
  --format     text (default; for a terminal), json (one document), markdown (for an issue tracker)

Exit status: 0 nothing blocked, 1 at least one request blocked, 2 the input is not a HAR.`;

const FORMATS: readonly Format[] = ['text', 'json', 'markdown'];

export function parseArgs(argv: readonly string[]): Command {
  if (argv.includes('--help') || argv.includes('-h') || argv.length === 0) return { kind: 'help' };
  if (argv.includes('--version') || argv.includes('-V')) return { kind: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'check') throw new UsageError(`unknown command ${JSON.stringify(command)}; try: cors-lens check <file.har>`);
  let input: string | null = null;
  let format: Format = 'text';
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (!value || !FORMATS.includes(value as Format)) throw new UsageError(`--format takes text, json or markdown, not ${JSON.stringify(value ?? '')}`);
      format = value as Format;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${JSON.stringify(arg)}`);
    } else if (input === null) {
      input = arg;
    } else {
      throw new UsageError(`one input file at a time (got ${JSON.stringify(input)} and ${JSON.stringify(arg)})`);
    }
  }
  if (input === null) throw new UsageError('missing input: cors-lens check <file.har|->');
  return { kind: 'check', input, format };
}
