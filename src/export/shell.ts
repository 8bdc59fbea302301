/**
 * What a curl command needs from the shell it is pasted into. One file per shell holds that shell's quoting
 * rules; the curl builder never quotes anything itself.
 */
export interface Shell {
  readonly id: ShellId;
  /** What the user sees in the flavour menu. */
  readonly label: string;
  /** `curl.exe`, never `curl`, in PowerShell: Windows PowerShell aliases `curl` to Invoke-WebRequest. */
  readonly program: string;
  /** One argument, quoted so the shell hands the program exactly `arg` and runs nothing else. */
  quote(arg: string): string;
  /** Null when `quote` can carry `arg` exactly in this shell; otherwise why it cannot. */
  unquotable(arg: string): string | null;
  /** Appended to a line to continue the command on the next one. */
  readonly continuation: string;
  /** A comment line. Only fixed, plain-ASCII wording from CORS Lens goes here, never captured text. */
  comment(text: string): string;
  /** Wraps one complete command when the shell needs more than quoting (PowerShell's version guard). */
  wrap(command: string, args: readonly string[]): string;
  /** Things the reader should know about these arguments in this shell (not refusals). */
  notes(args: readonly string[]): string[];
  /** The longest single argument the OS passes to a program, in UTF-8 bytes (Linux: 128 KiB less one). */
  readonly argLimit: number;
  /** The longest command line, in characters (cmd: 8191; Windows CreateProcess: 32767). */
  readonly lineLimit: number;
  /**
   * A prefix that feeds a body to curl's standard input (`--data-binary @-`) without an argument-length limit,
   * or null when the shell cannot do that exactly.
   */
  stdinBody: ((body: string) => string) | null;
}

export type ShellId = 'bash' | 'cmd' | 'powershell';
