/**
 * Models of how Windows reads a pasted command, written from the documented rules, for testing the cmd and
 * PowerShell quoting where no Windows is at hand:
 *  - cmd.exe at the interactive prompt (phase 1 percent expansion, phase 2 carets, quotes and operators), as
 *    described in "How does the Windows Command Interpreter (CMD.EXE) parse scripts?" (dbenham, Stack Overflow)
 *    and SS64;
 *  - the Microsoft C runtime's argv rules ("Parsing C++ command-line arguments", Microsoft Learn);
 *  - PowerShell's verbatim strings (about_Quoting_Rules), including the typographic quotes it accepts, and
 *    PowerShell 7.3+'s standard argument passing to native programs.
 * A model is not the real thing; these catch a quoting rule applied wrongly, not a rule misremembered.
 */

export class Injection extends Error {}

/** Phase 1 at the prompt: %NAME% expands when NAME is defined (case-insensitive); an undefined one stays as typed. */
export function cmdPercent(line: string, env: ReadonlyMap<string, string>): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    const close = line.indexOf('%', i + 1);
    if (close < 0) {
      out += line.slice(i);
      break;
    }
    const name = line.slice(i + 1, close).toUpperCase();
    const value = env.get(name);
    if (value !== undefined && name !== '') {
      out += value;
      i = close + 1;
    } else {
      // Undefined at the prompt: the first % stays and the scan resumes at the second one.
      out += '%';
      i++;
    }
  }
  return out;
}

/** Phase 2: carets escape the next character (a caret before a line feed continues the line), quotes toggle. */
export function cmdPhase2(text: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\r') continue; // cmd drops every CR.
    if (quoted) {
      if (c === '\n') throw new Injection('a line ends inside quotes: the rest runs as a new command');
      if (c === '"') quoted = false;
      out += c;
      continue;
    }
    if (c === '^') {
      const next = text[i + 1];
      if (next === undefined) break;
      if (next === '\n') {
        // Continuation: the line feed goes, and the first character of the next line is taken literally.
        const after = text[i + 2];
        if (after !== undefined) out += after;
        i += 2;
        continue;
      }
      out += next;
      i++;
      continue;
    }
    if (c === '"') quoted = true;
    else if ('&|<>()'.includes(c)) throw new Injection(`cmd would act on ${JSON.stringify(c)}`);
    else if (c === '\n') {
      if (text.slice(i + 1).trim() !== '') throw new Injection('a line feed ends the command: the rest runs as a new one');
      break;
    }
    out += c;
  }
  return out;
}

/** The Microsoft C runtime's argv split. */
export function crtArgv(line: string): string[] {
  const args: string[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) return args;
    let arg = '';
    let quoted = false;
    while (i < line.length) {
      const c = line[i] as string;
      if (c === '\\') {
        let n = 0;
        while (line[i] === '\\') {
          n++;
          i++;
        }
        if (line[i] === '"') {
          arg += '\\'.repeat(Math.floor(n / 2));
          if (n % 2 === 1) {
            arg += '"';
            i++;
          }
        } else arg += '\\'.repeat(n);
        continue;
      }
      if (c === '"') {
        if (quoted && line[i + 1] === '"') {
          arg += '"';
          i += 2;
          continue;
        }
        quoted = !quoted;
        i++;
        continue;
      }
      if (!quoted && (c === ' ' || c === '\t')) break;
      arg += c;
      i++;
    }
    args.push(arg);
  }
}

/** A whole pasted cmd command (REM lines skipped) → the argv curl.exe receives. */
export function cmdArgv(command: string, env: ReadonlyMap<string, string>): string[] {
  const lines = command.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as string;
    if (kept.length === 0 && (l.startsWith('REM ') || l.trim() === '')) continue;
    kept.push(l);
  }
  return crtArgv(cmdPhase2(cmdPercent(kept.join('\n'), env)));
}

const PS_SINGLE = /['\u2018\u2019\u201a\u201b]/;

/**
 * PowerShell, for the forms the exporter writes: bare words, '...' strings (a quote character doubled is one
 * quote), ( '...' + [char]0xHH + ... ) expressions, and ` at a line end continuing the command.
 */
export function powershellArgv(command: string): string[] {
  const text = command.replace(/ `\n\s*/g, ' ');
  if (text.includes('\n')) throw new Injection('a line break ends the command');
  const args: string[] = [];
  let i = 0;
  const literal = (): string => {
    let s = '';
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined) throw new Injection('unterminated string');
      if (PS_SINGLE.test(c)) {
        if (text[i + 1] !== undefined && PS_SINGLE.test(text[i + 1] as string)) {
          s += c;
          i += 2;
          continue;
        }
        i++;
        return s;
      }
      s += c;
      i++;
    }
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ') {
      i++;
      continue;
    }
    if (PS_SINGLE.test(c)) {
      args.push(literal());
    } else if (c === '(') {
      i++;
      let s = '';
      for (;;) {
        while (text[i] === ' ' || text[i] === '+') i++;
        if (text[i] === ')') {
          i++;
          break;
        }
        if (PS_SINGLE.test(text[i] ?? '')) s += literal();
        else {
          const m = /^\[char\]0x([0-9A-F]+)/.exec(text.slice(i));
          if (!m) throw new Injection(`unexpected ${JSON.stringify(text.slice(i, i + 10))} in an expression`);
          s += String.fromCodePoint(Number.parseInt(m[1] as string, 16));
          i += m[0].length;
        }
      }
      args.push(s);
    } else {
      let word = '';
      while (i < text.length && text[i] !== ' ') {
        if (/[$`;|&(){}@"'<>,\u2018-\u201e]/.test(text[i] as string)) throw new Injection(`bare word holds ${JSON.stringify(text[i])}`);
        word += text[i];
        i++;
      }
      args.push(word);
    }
  }
  return args;
}
