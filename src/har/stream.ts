/**
 * The analysis of a capture read as byte chunks: a file of any size from the command line, File.stream() in the
 * panel. Memory holds one entry's text at a time, the entries an exchange needs, and 16 bytes for each of the
 * others (the inert ones: inert.ts), which are counted as the not-cors exchanges they are and never built.
 *
 * Only the whole file shows whether a preflight or a redirect names an inert entry's URL; when one does (rare:
 * a page's own request to a URL another page preflighted), the source is read a second time for just those
 * entries, which is why it is opened by a function.
 */
import { type Analysis, analyseParsed, analyseParsedInSlices } from './analyze';
import { EntryCollector } from './collect';
import { decodeEntry, type EntrySource, type HarLayout, HarReader, parseEntryBytes, parseEntryText } from './har-reader';
import { HarError } from './parsed-har';
import type { Producer } from './producer';
import { skim } from './skim';

export interface StreamOptions {
  /** Build every exchange, not-cors ones too (check --all, export): every entry is kept in full. */
  readonly all?: boolean;
  /** Who wrote the capture, when the caller knows better than the file. */
  readonly producer?: Producer;
}

/** Opens the capture's bytes; called again only when a second pass is needed. */
export type ChunkSource = () => Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/** One pass over the bytes, pushed chunk by chunk. */
export class HarStream {
  private readonly collectors = new Map<EntrySource, EntryCollector>();
  private readonly reader: HarReader;
  private layout: HarLayout | null = null;
  private needed: ReadonlySet<number> = new Set();

  constructor(private readonly options: StreamOptions = {}) {
    this.reader = new HarReader({
      // A key written twice starts its collector afresh: the later array is the one JSON.parse keeps.
      begin: (source) => this.collectors.set(source, new EntryCollector({ inert: options.all !== true, ownsEntries: true })),
      entry: (source, index, bytes, marks) => {
        const collector = this.collectors.get(source) as EntryCollector;
        const text = decodeEntry(bytes);
        // Skimmed only where byte offsets are string offsets: all ASCII, as most captures are.
        if (collector.skims && text.length === bytes.length) {
          const standIn = skim(text, marks);
          if (standIn !== null && collector.addSkimmed(standIn, index, text)) return;
        }
        const read = parseEntryText(text);
        if ('raw' in read) collector.add(read.raw, index);
        else collector.addUnreadable(index, read.error);
      },
    });
  }

  push(chunk: Uint8Array): void {
    this.reader.push(chunk);
  }

  /** After the last chunk: the entries a second pass must read in full (`secondPass`), usually none. */
  end(): ReadonlySet<number> {
    this.layout = this.reader.end();
    this.needed = this.collector().takeNamedByKept();
    return this.needed;
  }

  /** Reads the entries `end` named from the same bytes again; push every chunk, then call `end`. */
  secondPass(): { push(chunk: Uint8Array): void; end(): void } {
    const layout = this.done();
    const collector = this.collector();
    const found = new Set<number>();
    const reader = new HarReader({
      begin: () => found.clear(),
      entry: (source, index, bytes) => {
        if (source !== layout.source || !this.needed.has(index)) return;
        const read = parseEntryBytes(bytes);
        if (!('raw' in read)) return;
        collector.addNeeded(read.raw, index);
        found.add(index);
      },
    });
    return {
      push: (chunk) => reader.push(chunk),
      end: () => {
        reader.end();
        if (found.size !== this.needed.size) throw new HarError('the file changed while it was being read');
      },
    };
  }

  analysis(): Analysis {
    const layout = this.done();
    const { har, inert } = this.collector().finish(layout, this.options.producer);
    return { ...analyseParsed(har, inert), truncated: layout.truncated };
  }

  /** The same, evaluated a slice at a time with `pause` awaited between slices (the panel's import). */
  async analysisInSlices(pause: () => Promise<void>): Promise<Analysis> {
    const layout = this.done();
    const { har, inert } = this.collector().finish(layout, this.options.producer);
    await pause();
    return { ...(await analyseParsedInSlices(har, inert, pause)), truncated: layout.truncated };
  }

  private done(): HarLayout {
    if (!this.layout) throw new Error('HarStream: end() first');
    return this.layout;
  }

  private collector(): EntryCollector {
    const layout = this.done();
    // The reader names a source only once its array began.
    return this.collectors.get(layout.source) as EntryCollector;
  }
}

/** The analysis of the bytes `open` yields (File.stream(), a Node stream of Buffers, chunks in memory). */
export async function analyseHarChunks(open: ChunkSource, options: StreamOptions = {}): Promise<Analysis> {
  const stream = new HarStream(options);
  for await (const chunk of open()) stream.push(chunk);
  if (stream.end().size > 0) {
    const again = stream.secondPass();
    for await (const chunk of open()) again.push(chunk);
    again.end();
  }
  return stream.analysis();
}

/** The same, for a source read synchronously (the command line reads files so). */
export function analyseHarChunksSync(open: () => Iterable<Uint8Array>, options: StreamOptions = {}): Analysis {
  const stream = new HarStream(options);
  for (const chunk of open()) stream.push(chunk);
  if (stream.end().size > 0) {
    const again = stream.secondPass();
    for (const chunk of open()) again.push(chunk);
    again.end();
  }
  return stream.analysis();
}
