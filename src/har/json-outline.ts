/**
 * A JSON text read as bytes, chunk by chunk, only as deep as the caller asks. The caller names the containers
 * it wants read level by level (a HAR's root, `log`, `log.entries`); every value inside them is handed over
 * whole, as the bytes of that value, for the caller to JSON.parse. So a capture of any size is read with no
 * more memory than its largest entry, and never as one string (V8 caps a string at 512 MiB).
 *
 * The levels read here are checked as strictly as JSON.parse would (keys, colons, commas, brackets); inside a
 * value handed over, only strings and the nesting of brackets are followed, and JSON.parse checks the rest.
 * Every structural byte is ASCII and no byte of a multi-byte UTF-8 sequence is, so a chunk may end anywhere.
 *
 * Why not a maintained streaming JSON parser: they tokenize every byte in JavaScript and build each value from
 * the tokens. Measured on the 206 MB realistic capture (bench/generate-realistic-har.mjs, 99,835 entries), only
 * handing over the entries as objects took @streamparser/json 0.0.26 8.9 to 10.7 s and stream-json 3.8.0 42 s,
 * where a bare JSON.parse of the file takes 2.8 to 3.5 s and the whole `check --format json` over this scanner
 * 4.1 to 5.7 s: here only the levels above the entries are tokenized, and the native JSON.parse does the rest.
 */

export type OutlineKey = string | number;

export interface OutlineSink {
  /** Read this container level by level (true), or take it as one value (false). `path` is the parent's. */
  enter(path: string, key: OutlineKey, kind: 'object' | 'array'): string | null;
  /** A whole value at a level read level by level. `bytes` is valid only during the call. */
  value(path: string, key: OutlineKey, bytes: Uint8Array): void;
}

/** Where a text that ends early stopped: the levels still open, innermost last, and the value cut short, if any. */
export interface OutlineEnd {
  readonly complete: boolean;
  readonly open: readonly { readonly path: string; readonly values: number }[];
  readonly cut: { readonly path: string; readonly key: OutlineKey } | null;
}

/** A syntax error at a level read here: one line, naming the byte. */
export class OutlineError extends Error {
  override readonly name = 'OutlineError';
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** Before the root value, inside it, after it, after the JSONP call's `)`. */
type Phase = 'start' | 'value' | 'after' | 'done';

/** What a level expects next. */
type Want = 'key-or-end' | 'key' | 'colon' | 'value' | 'value-or-end' | 'comma-or-end';

interface Level {
  readonly object: boolean;
  readonly path: string;
  want: Want;
  values: number;
  key: string;
}

/** What is being taken whole: a key of a level read here, or a value. */
type Take = 'container' | 'string' | 'scalar' | 'key';

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Bytes a number or a literal (true, false, null) is made of; JSON.parse rejects a wrong one. */
function isScalarByte(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x2d || c === 0x2b || c === 0x2e;
}

function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x24;
}

const keyDecoder = /* @__PURE__ */ new TextDecoder('utf-8', { ignoreBOM: true });
const LITERALS: ReadonlySet<string> = /* @__PURE__ */ new Set(['true', 'false', 'null']);

export class JsonOutline {
  private readonly levels: Level[] = [];
  private phase: Phase = 'start';
  /** Bytes before the current chunk: errors name the byte in the file. */
  private offset = 0;
  private startBytes = 0;
  /** HAR Viewer's JSONP form, `name({...});`: its name seen, then its `(`. */
  private jsonp: 'no' | 'name' | 'open' = 'no';
  private name = '';

  // The value (or key) being taken, possibly over several chunks.
  private taking: Take | null = null;
  private parts: Uint8Array[] = [];
  /** A string or key being taken ended a chunk with a backslash: the next chunk's first byte is escaped. */
  private escaped = false;
  private firstAt = 0;
  private readonly scan: ScanState = { depth: 0, inString: false, escaped: false, brackets: new Uint8Array(64), at: 0, expectKey: 0, marks: new Int32Array(256), markCount: 0, base: 0 };
  /** Bytes of the value being taken held in `parts`. */
  private partsBytes = 0;

  constructor(private readonly sink: OutlineSink) {}

  push(chunk: Uint8Array): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (this.taking !== null) {
        // Within the chunk where the value began, it begins at `firstAt`; a later chunk continues it from 0.
        i = this.take(chunk, i, this.parts.length === 0 ? this.firstAt : 0);
        continue;
      }
      i = this.step(chunk, i);
    }
    this.offset += n;
  }

  /** Where the text stopped. Throws only for a text with nothing to read at all. */
  end(): OutlineEnd {
    // A root that is a bare literal (`true`) was read as the start of a JSONP name.
    if (this.phase === 'start' && this.jsonp === 'name' && LITERALS.has(this.name)) this.finishTaking(new TextEncoder().encode(this.name));
    if (this.taking === 'scalar' && this.levels.length === 0) this.finishTaking(this.joinParts(new Uint8Array(0)));
    if (this.phase === 'start' || (this.phase === 'value' && this.levels.length === 0 && this.taking === null)) {
      throw new OutlineError(this.offset === 0 ? 'the file is empty' : 'the file ends before its JSON begins');
    }
    const complete = this.levels.length === 0 && this.taking === null && (this.phase === 'after' || this.phase === 'done');
    const open = this.levels.map((l) => ({ path: l.path, values: l.values }));
    const inner = this.levels[this.levels.length - 1];
    let cut: OutlineEnd['cut'] = null;
    if (this.taking !== null && this.taking !== 'key') cut = inner ? { path: inner.path, key: inner.object ? inner.key : inner.values } : { path: '', key: '' };
    return { complete, open, cut };
  }

  private fail(what: string, at: number, c?: number): never {
    const seen = c === undefined ? '' : c >= 0x20 && c < 0x7f ? ` ${JSON.stringify(String.fromCharCode(c))}` : ` byte 0x${c.toString(16)}`;
    throw new OutlineError(`${what}${seen ? `, found${seen}` : ''} at byte ${this.offset + at}`);
  }

  /** Whitespace and punctuation at the levels read here, the BOM and the JSONP wrapper around them. */
  private step(chunk: Uint8Array, i: number): number {
    const c = chunk[i] as number;
    if (this.phase === 'start') return this.prelude(chunk, i);
    if (isSpace(c)) return i + 1;
    if (this.phase === 'after' && this.levels.length === 0) {
      // Whatever follows the JSONP call's `)` is the page's script, not the capture.
      if (this.jsonp === 'open' && c === 0x29) this.phase = 'done';
      else this.fail('unexpected text after the JSON', i, c);
      return i + 1;
    }
    if (this.phase === 'done') return chunk.length;
    const level = this.levels[this.levels.length - 1];
    if (!level) return this.startValue(chunk, i, '', '');
    switch (level.want) {
      case 'key-or-end':
      case 'key':
        if (c === QUOTE) {
          this.begin('key', i);
          return i;
        }
        if (c === CLOSE_OBJECT && level.want === 'key-or-end') return this.close(i);
        return this.fail(level.want === 'key' ? 'expected a key after ","' : 'expected a key or "}"', i, c);
      case 'colon':
        if (c !== 0x3a) this.fail(`expected ":" after the key ${JSON.stringify(level.key)}`, i, c);
        level.want = 'value';
        return i + 1;
      case 'value-or-end':
        if (c === CLOSE_ARRAY) return this.close(i);
        return this.startValue(chunk, i, level.path, level.values);
      case 'value':
        return this.startValue(chunk, i, level.path, level.object ? level.key : level.values);
      case 'comma-or-end':
        if (c === 0x2c) {
          level.want = level.object ? 'key' : 'value';
          return i + 1;
        }
        if (c === (level.object ? CLOSE_OBJECT : CLOSE_ARRAY)) return this.close(i);
        return this.fail(`expected "," or "${level.object ? '}' : ']'}"`, i, c);
    }
  }

  /** Before the root value: a UTF-8 byte-order mark (Fiddler, mitmproxy), whitespace, `name(` (HAR Viewer). */
  private prelude(chunk: Uint8Array, i: number): number {
    const c = chunk[i] as number;
    const BOM = [0xef, 0xbb, 0xbf];
    if (this.offset + i === this.startBytes && this.startBytes < 3 && c === BOM[this.startBytes]) {
      this.startBytes++;
      return i + 1;
    }
    if (this.startBytes > 0 && this.startBytes < 3) this.fail('not UTF-8 JSON', i, c);
    if (isSpace(c)) return i + 1;
    if (this.jsonp === 'no' && isNameStart(c)) {
      this.jsonp = 'name';
      this.name = String.fromCharCode(c);
      return i + 1;
    }
    if (this.jsonp === 'name') {
      if (isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e) {
        if (this.name.length < 200) this.name += String.fromCharCode(c);
        return i + 1;
      }
      if (c !== 0x28) this.fail('expected a JSON value', i, c);
      this.jsonp = 'open';
      return i + 1;
    }
    if (this.jsonp === 'open' && c !== OPEN_OBJECT && c !== OPEN_ARRAY) this.fail('expected "{" or "[" inside the JSONP call', i, c);
    this.phase = 'value';
    return this.startValue(chunk, i, '', '');
  }

  private startValue(chunk: Uint8Array, i: number, path: string, key: OutlineKey): number {
    const c = chunk[i] as number;
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      const object = c === OPEN_OBJECT;
      const inner = this.sink.enter(path, key, object ? 'object' : 'array');
      if (inner !== null) {
        this.levels.push({ object, path: inner, want: object ? 'key-or-end' : 'value-or-end', values: 0, key: '' });
        return i + 1;
      }
      this.begin('container', i);
      return i;
    }
    if (c === QUOTE) this.begin('string', i);
    else if (isScalarByte(c)) this.begin('scalar', i);
    else this.fail('expected a value', i, c);
    return i;
  }

  private begin(kind: Take, i: number): void {
    this.taking = kind;
    this.parts = [];
    this.escaped = false;
    this.firstAt = i;
    this.scan.depth = 0;
    this.scan.inString = false;
    this.scan.escaped = false;
    this.scan.expectKey = 0;
    this.scan.markCount = 0;
    this.partsBytes = 0;
  }

  /**
   * During `sink.value` for an object or array: where the keys of its first two levels start, as pairs (level,
   * offset of the key's opening quote). An entry's members and its members' members: what a reader needs to find
   * `request.headers` without parsing the rest.
   */
  keyMarks(): Int32Array {
    return this.scan.marks.subarray(0, this.scan.markCount * 2);
  }

  /**
   * Follows the value being taken from `i` to its end, or to the end of the chunk. The hot loop: nearly every
   * byte of a capture passes here, so its state lives in locals.
   */
  private take(chunk: Uint8Array, i: number, from: number): number {
    const n = chunk.length;
    const kind = this.taking as Take;
    if (kind === 'scalar') {
      let j = i;
      while (j < n && isScalarByte(chunk[j] as number)) j++;
      if (j === n) return this.keep(chunk, from);
      this.finishTaking(this.joinParts(chunk.subarray(from, j)));
      return j;
    }
    let j = i;
    if (kind !== 'container') {
      if (this.escaped) {
        this.escaped = false;
        j++;
      }
      // A string: the opening quote is the first byte taken.
      if (j === this.firstAt && this.parts.length === 0) j++;
      for (; j < n; j++) {
        const c = chunk[j];
        if (c === BACKSLASH) {
          if (++j === n) this.escaped = true;
        } else if (c === QUOTE) {
          this.finishTaking(this.joinParts(chunk.subarray(from, j + 1)));
          return j + 1;
        }
      }
      return this.keep(chunk, from);
    }
    this.scan.base = this.partsBytes - from;
    const end = scanContainer(chunk, j, this.scan);
    if (end === BAD_BRACKET) this.fail('a bracket closes what it did not open', this.scan.at, chunk[this.scan.at]);
    if (end === -1) return this.keep(chunk, from);
    this.finishTaking(this.joinParts(chunk.subarray(from, end)));
    return end;
  }

  /** The chunk ends inside the value: keep a copy of its part (the caller may reuse the chunk). */
  private keep(chunk: Uint8Array, from: number): number {
    // Not chunk.slice: on a Node Buffer, slice is a view of the same memory.
    this.parts.push(new Uint8Array(chunk.subarray(from)));
    this.partsBytes += chunk.length - from;
    return chunk.length;
  }

  private joinParts(last: Uint8Array): Uint8Array {
    if (this.parts.length === 0) return last;
    let size = last.length;
    for (const p of this.parts) size += p.length;
    const out = new Uint8Array(size);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    out.set(last, at);
    this.parts = [];
    return out;
  }

  private finishTaking(bytes: Uint8Array): void {
    const kind = this.taking;
    this.taking = null;
    const level = this.levels[this.levels.length - 1];
    if (kind === 'key') {
      if (!level) return;
      level.key = decodeKey(bytes);
      level.want = 'colon';
      return;
    }
    if (!level) {
      this.sink.value('', '', bytes);
      this.phase = 'after';
      return;
    }
    this.sink.value(level.path, level.object ? level.key : level.values, bytes);
    level.values++;
    level.want = 'comma-or-end';
  }

  private close(i: number): number {
    this.levels.pop();
    const parent = this.levels[this.levels.length - 1];
    if (parent) {
      parent.values++;
      parent.want = 'comma-or-end';
    } else this.phase = 'after';
    return i + 1;
  }
}

/** Where a container being taken stands between chunks. */
interface ScanState {
  depth: number;
  inString: boolean;
  escaped: boolean;
  /** The open brackets, to catch a `]` closing a `{`. */
  brackets: Uint8Array;
  /** Where a bracket closed what it did not open. */
  at: number;
  /** Levels 1 and 2 (bits 1 and 2) where the next string is a key. */
  expectKey: number;
  /** The keys of levels 1 and 2 so far: pairs of (level, offset of the key's opening quote in the value). */
  marks: Int32Array;
  markCount: number;
  /** The value's offset of the chunk's byte 0: what a byte index adds up to. */
  base: number;
}

const BAD_BRACKET = -2;

function mark(s: ScanState, level: number, at: number): void {
  if (s.markCount * 2 === s.marks.length) {
    const grown = new Int32Array(s.marks.length * 2);
    grown.set(s.marks);
    s.marks = grown;
  }
  s.marks[s.markCount * 2] = level;
  s.marks[s.markCount * 2 + 1] = at;
  s.markCount++;
}

/**
 * Follows a container from `j` to the byte after its closing bracket; -1 when the chunk ends first (the state is
 * saved for the next chunk), BAD_BRACKET on a mismatched bracket. Nearly every byte of a capture passes here,
 * so it is a plain function over locals, with the byte values written out.
 */
function scanContainer(chunk: Uint8Array, from: number, s: ScanState): number {
  const n = chunk.length;
  let j = from;
  let depth = s.depth;
  let inString = s.inString;
  let brackets = s.brackets;
  if (s.escaped) {
    s.escaped = false;
    j++;
  }
  while (j < n) {
    if (inString) {
      // Most bytes are inside strings: jump to the next quote natively, then see whether a backslash escapes it.
      const q = chunk.indexOf(0x22, j);
      const stop = q < 0 ? n : q;
      let k = stop - 1;
      while (k >= j && chunk[k] === 0x5c) k--;
      const escapes = (stop - 1 - k) & 1;
      if (q < 0) {
        // An odd run of backslashes at the end escapes the next chunk's first byte (j lands past n).
        j = escapes === 1 ? n + 1 : n;
        break;
      }
      j = q + 1;
      if (escapes === 0) inString = false;
      continue;
    }
    const c = chunk[j++] as number;
    if (c === 0x22) {
      inString = true;
      if (depth <= 2 && (s.expectKey & depth) !== 0) {
        s.expectKey &= ~depth;
        mark(s, depth, s.base + j - 1);
      }
    } else if (c === 0x2c) {
      if (depth <= 2 && brackets[depth - 1] === 0x7b) s.expectKey |= depth;
    } else if (c === 0x7b || c === 0x5b) {
      if (depth === brackets.length) {
        const grown = new Uint8Array(depth * 2);
        grown.set(brackets);
        s.brackets = brackets = grown;
      }
      brackets[depth++] = c;
      // An object's first key follows its brace; an array's strings are not keys.
      if (depth <= 2) s.expectKey = c === 0x7b ? s.expectKey | depth : s.expectKey & ~depth;
    } else if (c === 0x7d || c === 0x5d) {
      if (depth <= 2) s.expectKey &= ~depth;
      if (depth === 0 || brackets[--depth] !== c - 2) {
        s.at = j - 1;
        return BAD_BRACKET;
      }
      if (depth === 0) {
        s.inString = false;
        s.depth = 0;
        return j;
      }
    }
  }
  s.escaped = j > n;
  s.depth = depth;
  s.inString = inString;
  return -1;
}

/** A key as JSON.parse reads it: escapes decoded (`"l\u006fg"` is "log"). */
function decodeKey(bytes: Uint8Array): string {
  const text = keyDecoder.decode(bytes);
  if (!text.includes('\\')) return text.slice(1, -1);
  try {
    return JSON.parse(text) as string;
  } catch {
    throw new OutlineError(`a key is not a JSON string: ${text.slice(0, 40)}`);
  }
}
