/**
 * A HAR file read as a stream of bytes: where its entries are (`log.entries`; `entries` of a bare log; an array
 * of entries, as the DevTools API hands them out), each entry's bytes as soon as it is whole, and the log's
 * other fields whatever their order in the file (some tools write `creator` and `pages` after the entries).
 * What JSON.parse of the whole file would refuse is refused with the same one-line errors, except a file that
 * ends early: its whole entries are read, and the layout says where it stopped.
 */
import { describeJson, type Json } from './json';
import { JsonOutline, type OutlineEnd, OutlineError, type OutlineKey, type OutlineSink } from './json-outline';
import { HarError } from './parsed-har';

/** Where the entries are: the root array, a bare log's `entries`, or `log.entries`. */
export type EntrySource = 'array' | 'entries' | 'log.entries';

export interface EntrySink {
  /** An array of entries begins; again for a key written twice, where the later one counts, as for JSON.parse. */
  begin(source: EntrySource): void;
  /** One entry's bytes, and the key marks of its first two levels (JsonOutline.keyMarks), valid only during the call. */
  entry(source: EntrySource, index: number, bytes: Uint8Array, marks: Int32Array): void;
}

/** The file ended before the HAR did. */
export interface Truncation {
  /** Whole entries read. */
  readonly entries: number;
  /** It ended inside an entry (which is not read), rather than between entries or after the last. */
  readonly inEntry: boolean;
}

export interface HarLayout {
  readonly source: EntrySource;
  readonly pages: Json;
  readonly browser: Json;
  readonly creator: Json;
  readonly truncated: Truncation | null;
}

/** The fields of a log object, or of the root when it is a bare log. */
interface LogFields {
  pages: Json;
  browser: Json;
  creator: Json;
  /** `entries` when it is not an array (arrays are streamed), for the error naming what it is. */
  entries: Json;
  entriesArray: boolean;
}

const noFields = (): LogFields => ({ pages: undefined, browser: undefined, creator: undefined, entries: undefined, entriesArray: false });

const decoder = /* @__PURE__ */ new TextDecoder('utf-8', { ignoreBOM: true });

/** A value other than an entry: small (creator, pages), parsed to check it and to keep the fields the analysis reads. */
function parseValue(bytes: Uint8Array, where: string): Json {
  try {
    return JSON.parse(decoder.decode(bytes)) as Json;
  } catch (e) {
    throw new HarError(`not JSON: ${firstLine(e)} (in ${where})`);
  }
}

export function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}

export class HarReader implements OutlineSink {
  private readonly outline = new JsonOutline(this);
  private root: 'object' | 'array' | 'scalar' | null = null;
  private scalar: Json = undefined;
  private readonly rootFields: LogFields = noFields();
  /** The last `log` object; null when there is none, or `log` was last written as something else. */
  private log: LogFields | null = null;
  private readonly counts = new Map<EntrySource, number>();

  constructor(private readonly sink: EntrySink) {}

  push(chunk: Uint8Array): void {
    try {
      this.outline.push(chunk);
    } catch (e) {
      throw e instanceof OutlineError ? new HarError(`not JSON: ${e.message}`) : e;
    }
  }

  /** The layout, once the bytes are all in; a HarError for a file that is not a HAR. */
  end(): HarLayout {
    let end: OutlineEnd;
    try {
      end = this.outline.end();
    } catch (e) {
      throw e instanceof OutlineError ? new HarError(`not JSON: ${e.message}`) : e;
    }
    if (this.root === 'scalar') throw new HarError(`not a HAR: expected a JSON object with log.entries, got ${describeJson(this.scalar)}`);
    const source = this.sourceOf(end);
    const fields = source === 'array' ? noFields() : source === 'entries' ? this.rootFields : (this.log as LogFields);
    return { source, pages: fields.pages, browser: fields.browser, creator: fields.creator, truncated: end.complete ? null : this.truncation(source, end) };
  }

  /** The rules of reading a whole document (parse.ts entriesOf): a `log` object, else a bare log with `entries`. */
  private sourceOf(end: OutlineEnd): EntrySource {
    if (this.root === 'array') return 'array';
    const log = this.log;
    if (log) {
      if (log.entriesArray) return 'log.entries';
      if (!end.complete) throw this.endedEarly(end);
      throw new HarError(`not a HAR: log.entries is ${describeJson(log.entries)}, expected an array`);
    }
    if (this.rootFields.entriesArray) return 'entries';
    if (!end.complete) throw this.endedEarly(end);
    throw new HarError('not a HAR: the JSON object has no "log" object');
  }

  private endedEarly(end: OutlineEnd): HarError {
    return new HarError(`not JSON: the file ends before any entry (${end.open.length} brackets left open)`);
  }

  private truncation(source: EntrySource, end: OutlineEnd): Truncation {
    const open = end.open.find((l) => l.path === source);
    if (!open) return { entries: this.counts.get(source) ?? 0, inEntry: false };
    return { entries: open.values, inEntry: end.cut !== null && end.cut.path === source };
  }

  enter(path: string, key: OutlineKey, kind: 'object' | 'array'): string | null {
    if (path === '' && this.root === null) {
      this.root = kind;
      if (kind === 'array') this.beginSource('array');
      return kind === 'array' ? 'array' : '$';
    }
    if (path === '$' && key === 'log' && kind === 'object') {
      // A key written twice: the later value is the one JSON.parse keeps.
      this.log = noFields();
      return 'log';
    }
    if (kind !== 'array' || key !== 'entries' || (path !== '$' && path !== 'log')) return null;
    const source = path === '$' ? 'entries' : 'log.entries';
    const fields = path === '$' ? this.rootFields : (this.log as LogFields);
    fields.entriesArray = true;
    fields.entries = undefined;
    this.beginSource(source);
    return source;
  }

  private beginSource(source: EntrySource): void {
    this.counts.set(source, 0);
    this.sink.begin(source);
  }

  value(path: string, key: OutlineKey, bytes: Uint8Array): void {
    if (path === 'array' || path === 'entries' || path === 'log.entries') {
      this.counts.set(path, (this.counts.get(path) ?? 0) + 1);
      this.sink.entry(path, key as number, bytes, this.outline.keyMarks());
      return;
    }
    if (path === '') {
      this.root = 'scalar';
      this.scalar = parseValue(bytes, 'the file');
      return;
    }
    const where = path === '$' ? String(key) : `${path}.${String(key)}`;
    const v = parseValue(bytes, where);
    if (path === '$' && key === 'log') {
      this.log = null;
      return;
    }
    const fields = path === '$' ? this.rootFields : this.log;
    if (!fields) return;
    if (key === 'pages') fields.pages = v;
    else if (key === 'browser') fields.browser = v;
    else if (key === 'creator') fields.creator = v;
    else if (key === 'entries') {
      fields.entries = v;
      fields.entriesArray = false;
    }
  }
}

export function decodeEntry(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** An entry's text parsed: the raw entry, or why it is not JSON. */
export function parseEntryText(text: string): { readonly raw: Json } | { readonly error: string } {
  try {
    return { raw: JSON.parse(text) as Json };
  } catch (e) {
    return { error: `not JSON: ${firstLine(e)}` };
  }
}

/** Decodes an entry's bytes and parses them. */
export function parseEntryBytes(bytes: Uint8Array): { readonly raw: Json } | { readonly error: string } {
  return parseEntryText(decoder.decode(bytes));
}
