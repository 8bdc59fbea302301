/**
 * `cors-lens check <file.har|->`: the same engine as the panel, on a HAR file. Exit 0 nothing blocked,
 * 1 something blocked, 2 the input is not a HAR (one line on stderr, nothing on stdout).
 */
import { exportExchange } from '../export';
import { type Analysis, analyseHarChunksSync, exchangeById, HarError } from '../har';
import { VERSION } from '../version';
import { truncationText } from '../explain';
import { type Command, parseArgs, USAGE, UsageError } from './args';
import { formatMarkdown } from './format-markdown';
import { formatPolicyMarkdown } from './format-policy-markdown';
import { formatPolicyText } from './format-policy-text';
import { policyDocument, TargetError } from './policy-command';
import { formatText } from './format-text';
import { openInput } from './input';
import { buildReport, tally, writeReportJson } from './report';
import { paintFor, printable } from './terminal';

/**
 * The analysis of the input. A report lists CORS exchanges only (unless --all), so the entries that cannot be
 * CORS are only counted; `export` may ask for any exchange, so it reads every one in full.
 */
function analyse(path: string, all: boolean): Analysis {
  const input = openInput(path);
  try {
    return analyseHarChunksSync(() => input.chunks(), { all });
  } finally {
    input.close();
  }
}

function truncationLine(analysis: Analysis): string | null {
  return analysis.truncated ? truncationText(analysis.truncated) : null;
}

export function run(argv: readonly string[], io: { stdout: (s: string) => void; stderr: (s: string) => void; isTty: boolean; env: Record<string, string | undefined> }): number {
  let command;
  try {
    command = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`cors-lens: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (command.kind === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (command.kind === 'version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  let analysis;
  try {
    analysis = analyse(command.input, command.kind === 'export' || (command.kind === 'check' && command.all));
  } catch (e) {
    if (e instanceof HarError) {
      io.stderr(`cors-lens: ${printable(e.message)}\n`);
      return 2;
    }
    throw e;
  }
  if (command.kind === 'export') return exportOne(analysis, command, io);
  for (const s of analysis.skipped) io.stderr(`cors-lens: skipped entry ${s.index}: ${printable(s.reason)}\n`);
  const truncated = truncationLine(analysis);
  if (truncated) io.stderr(`cors-lens: ${truncated}\n`);
  if (command.kind === 'policy') return policyOf(analysis, command, io);
  if (command.format === 'json') {
    const t = tally(analysis, command.all);
    writeReportJson(analysis, t, io.stdout);
    return t.counts.blocked > 0 ? 1 : 0;
  }
  const report = buildReport(analysis, command.all);
  if (command.format === 'markdown') io.stdout(formatMarkdown(report));
  else io.stdout(formatText(report, paintFor(io.isTty, io.env)));
  return report.counts.blocked > 0 ? 1 : 0;
}

/** `policy`: the document in the format asked for; 2 when --target names no target of the capture. */
function policyOf(analysis: Analysis, command: Extract<Command, { kind: 'policy' }>, io: { stdout: (s: string) => void; stderr: (s: string) => void; isTty: boolean; env: Record<string, string | undefined> }): number {
  let doc;
  try {
    doc = policyDocument(analysis, { target: command.target, stack: command.stack });
  } catch (e) {
    if (e instanceof TargetError) {
      io.stderr(`cors-lens: ${printable(e.message)}\n`);
      return 2;
    }
    throw e;
  }
  if (command.format === 'json') io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
  else if (command.format === 'markdown') io.stdout(formatPolicyMarkdown(doc, analysis.exchanges));
  else io.stdout(formatPolicyText(doc, analysis.exchanges, paintFor(io.isTty, io.env), command.stack !== null));
  return doc.cannotPass.length > 0 ? 1 : 0;
}

/** `export`: one exchange, written to stdout; or one line on stderr, nothing on stdout, exit 2. */
function exportOne(analysis: Analysis, command: Extract<Command, { kind: 'export' }>, io: { stdout: (s: string) => void; stderr: (s: string) => void }): number {
  const x = exchangeById(analysis.exchanges, command.exchange);
  if (!x) {
    const n = analysis.exchanges.length + (analysis.unlisted ?? 0);
    io.stderr(`cors-lens: there is no exchange ${command.exchange}: the capture has ${n === 0 ? 'none' : n === 1 ? 'only exchange 0' : `exchanges 0 to ${n - 1}`} (see check --format json)\n`);
    return 2;
  }
  const tool = `CORS Lens ${VERSION}`;
  const out = exportExchange(x, command.as, { redact: command.redact, context: { browser: analysis.browser, tool } });
  if (!out.ok) {
    io.stderr(`cors-lens: exchange ${command.exchange} (${printable(x.method)} ${printable(x.url.slice(0, 200))}) ${printable(out.reason)}\n`);
    return 2;
  }
  io.stdout(out.value);
  return 0;
}

const isEntryPoint = typeof process !== 'undefined' && process.argv[1] !== undefined && /cors-lens(\.mjs)?$|main\.ts$/.test(process.argv[1]);
if (isEntryPoint) {
  const code = run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTty: process.stdout.isTTY === true,
    env: process.env,
  });
  process.exitCode = code;
}
