/**
 * The capture's bytes for the engine (src/har/stream.ts), read in chunks so a file of any size fits: V8 cannot
 * hold more than 512 MiB as one string, and Chrome exports larger captures. The engine may ask for the bytes a
 * second time, so a file is read again from its start, and standard input is copied to a temporary file as it
 * is read (a pipe cannot be read twice).
 */
import { closeSync, fstatSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HarError } from '../har';
import { printable } from './terminal';

/** Large enough that per-chunk work vanishes, small enough to stay out of the memory profile. */
const CHUNK = 1 << 20;

export interface Input {
  /** The bytes from the start, each chunk valid until the next is asked for. */
  chunks(): Iterable<Uint8Array>;
  /** Lets go of the file (and removes standard input's copy). */
  close(): void;
}

function cannotRead(name: string, e: unknown): HarError {
  const code = (e as NodeJS.ErrnoException).code;
  return new HarError(`cannot read ${name}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? String(e))}`);
}

/** Reads `fd` from `position` (or onwards, for null) to its end. `copy` receives each chunk too. */
function* readAll(fd: number, name: string, position: number | null, copy?: (bytes: Uint8Array) => void): Generator<Uint8Array> {
  // One buffer for every chunk: the engine copies what it keeps before asking for the next.
  const buffer = Buffer.allocUnsafe(CHUNK);
  let at = position;
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buffer, 0, CHUNK, at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      throw cannotRead(name, e);
    }
    if (n === 0) return;
    if (at !== null) at += n;
    const chunk = buffer.subarray(0, n);
    copy?.(chunk);
    yield chunk;
  }
}

export function openInput(path: string): Input {
  if (path === '-') return openStdin();
  const name = printable(path);
  let fd: number;
  try {
    fd = openSync(path, 'r');
    if (fstatSync(fd).isDirectory()) {
      closeSync(fd);
      throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    }
  } catch (e) {
    throw cannotRead(name, e);
  }
  return { chunks: () => readAll(fd, name, 0), close: () => closeSync(fd) };
}

/** Standard input, copied to a temporary file on the first read, which later reads use. */
function openStdin(): Input {
  const name = 'standard input';
  let dir: string | null = null;
  let copy: number | null = null;
  let read = false;
  return {
    chunks: () => {
      if (read && copy !== null) return readAll(copy, name, 0);
      read = true;
      dir = mkdtempSync(join(tmpdir(), 'cors-lens-'));
      const fd = openSync(join(dir, 'stdin.har'), 'w+');
      copy = fd;
      return readAll(0, name, null, (bytes) => writeSync(fd, bytes));
    },
    close: () => {
      if (copy !== null) closeSync(copy);
      if (dir !== null) rmSync(dir, { recursive: true, force: true });
    },
  };
}
