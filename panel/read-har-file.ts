/**
 * A HAR file opened in or dropped on the panel, read the way the command line reads one: its bytes in chunks
 * through HarStream, never as one string (a string stops at V8's 512 MiB, and a 300 MB text plus its parse
 * held three times the file). The work gives way to the panel every FRAME_MS, so DevTools keeps painting,
 * the progress shows and Cancel is heard.
 */
import type { AnalysedExchange, Analysis } from '../src/har';
// Straight from its module: through the index, the bundler kept the reader in the panel's first chunk.
import { HarStream } from '../src/har/stream';

/**
 * Files up to this size list every request, not-cors ones too, as before. Larger ones only count the entries
 * that can never be CORS (inert.ts): a 300 MB session is two thirds page scripts and assets, and listing them
 * would keep them all.
 */
export const LIST_EVERY_REQUEST_UP_TO = 32 * 1024 * 1024;

/** Longest stretch of work between two paints. */
const FRAME_MS = 25;

export type ReadPhase = 'reading' | 'rereading' | 'analysing';

export interface ReadProgress {
  readonly read: number;
  readonly size: number;
  readonly phase: ReadPhase;
}

/** The user cancelled the import. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
  }
}

/** What the reader needs of a File (tests pass a Blob). */
export interface HarFile {
  readonly size: number;
  stream(): ReadableStream<Uint8Array>;
}

export interface ReadOptions {
  /**
   * Work the panel would otherwise do for every exchange at once when it shows the list (its row), done here
   * between pauses: about 20 us an exchange, over half a second for the 30,000 of a 300 MB capture.
   */
  readonly warm?: (x: AnalysedExchange) => void;
  /** Longest stretch of work between two pauses; tests set 0 to pause at every chunk. */
  readonly frameMs?: number;
}

export async function readHarFile(file: HarFile, onProgress: (p: ReadProgress) => void, cancelled: () => boolean, options: ReadOptions = {}): Promise<Analysis> {
  const { warm, frameMs = FRAME_MS } = options;
  const pause = pauser(cancelled, frameMs);
  const stream = new HarStream({ all: file.size <= LIST_EVERY_REQUEST_UP_TO });
  await readChunks(file, (chunk) => stream.push(chunk), 'reading', onProgress, pause);
  // A preflight or redirect named a request counted long before: those few entries are read again.
  if (stream.end().size > 0) {
    const again = stream.secondPass();
    await readChunks(file, (chunk) => again.push(chunk), 'rereading', onProgress, pause);
    again.end();
  }
  onProgress({ read: file.size, size: file.size, phase: 'analysing' });
  const analysis = await stream.analysisInSlices(pause);
  if (warm) {
    for (const x of analysis.exchanges) {
      warm(x);
      await pause.due();
    }
  }
  return analysis;
}

async function readChunks(file: HarFile, push: (chunk: Uint8Array) => void, phase: ReadPhase, onProgress: (p: ReadProgress) => void, pause: Pause): Promise<void> {
  const reader = file.stream().getReader();
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      push(value);
      read += value.byteLength;
      if (await pause.due()) onProgress({ read, size: file.size, phase });
    }
  } finally {
    // Stops the file's read on an error or a cancel; a finished reader ignores it.
    void reader.cancel().catch(() => {});
  }
}

interface Pause {
  (): Promise<void>;
  /** Gives way if FRAME_MS have passed since the last time (true when it did); throws once cancelled. */
  due(): Promise<boolean>;
}

/**
 * Yields to the panel's event loop once FRAME_MS of work have run. A message to itself, not setTimeout: a
 * timer in a panel that is not in front can be held back for a second or more, and the import with it.
 */
function pauser(cancelled: () => boolean, frameMs: number): Pause {
  let since = performance.now();
  const due = async (): Promise<boolean> => {
    if (cancelled()) throw new ImportCancelled();
    if (performance.now() - since < frameMs) return false;
    await nextTask();
    since = performance.now();
    return true;
  };
  const pause = async () => {
    await due();
  };
  return Object.assign(pause, { due });
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
