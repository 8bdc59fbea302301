/**
 * The streamed HAR reader against JSON.parse of the whole text: the same entries and log fields whatever the
 * chunk size, key order, wrapper or content of the strings; the same one-line errors for what is not a HAR; and
 * a file that ends early read up to its last whole entry, never more.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { HarError } from '../../../src/har';
import { type EntrySource, type HarLayout, HarReader, parseEntryBytes } from '../../../src/har/har-reader';

const encoder = new TextEncoder();

interface Read {
  readonly layout: HarLayout;
  readonly entries: unknown[];
}

/** Reads `text` in chunks of `size` bytes (0: one chunk), keeping the entries of the source the layout names. */
function read(text: string | Uint8Array, size = 0): Read {
  const bytes = typeof text === 'string' ? encoder.encode(text) : text;
  const bySource = new Map<EntrySource, unknown[]>();
  const reader = new HarReader({
    begin: (source) => bySource.set(source, []),
    entry: (source, index, b) => {
      const list = bySource.get(source) as unknown[];
      expect(index).toBe(list.length);
      const parsed = parseEntryBytes(b);
      list.push('raw' in parsed ? parsed.raw : { unreadable: parsed.error });
    },
  });
  const step = size === 0 ? Math.max(1, bytes.length) : size;
  // One Buffer for every chunk, as the command line reads: the reader may keep no reference to a chunk.
  const buffer = Buffer.alloc(step);
  for (let at = 0; at < bytes.length; at += step) {
    const chunk = buffer.subarray(0, Math.min(step, bytes.length - at));
    chunk.set(bytes.subarray(at, at + step));
    reader.push(chunk);
    buffer.fill(0x20);
  }
  const layout = reader.end();
  return { layout, entries: bySource.get(layout.source) ?? [] };
}

/** What JSON.parse of the whole text says: parse.ts's rules for where the entries are. */
function expected(text: string): { entries: unknown[]; pages: unknown; browser: unknown; creator: unknown } {
  const doc = JSON.parse(text) as Record<string, unknown> | unknown[];
  if (Array.isArray(doc)) return { entries: doc, pages: undefined, browser: undefined, creator: undefined };
  const log = (typeof doc.log === 'object' && doc.log !== null && !Array.isArray(doc.log) ? doc.log : doc) as Record<string, unknown>;
  return { entries: log.entries as unknown[], pages: log.pages, browser: log.browser, creator: log.creator };
}

const ENTRY_A = { request: { method: 'GET', url: 'http://a.test/x?q={"b":[1]}', headers: [{ name: 'X', value: 'say "hi" \\ [ ] { }' }] }, response: { status: 200 } };
const ENTRY_B = { request: { method: 'PUT', url: 'http://b.test/é/😀/中文', headers: [] }, response: { status: 0, content: { text: '}]},{"log":' } } };
const CREATOR = { name: 'WebInspector', version: '537.36' };
const PAGES = [{ id: 'page_1', title: 'http://page.test/' }];

const layouts: [string, string][] = [
  ['the usual order', JSON.stringify({ log: { version: '1.2', creator: CREATOR, pages: PAGES, entries: [ENTRY_A, ENTRY_B] } })],
  ['creator, pages and browser after the entries', JSON.stringify({ log: { entries: [ENTRY_A, ENTRY_B], pages: PAGES, browser: { name: 'Firefox', version: '1' }, creator: CREATOR } })],
  ['pretty-printed, tabs and CRLF', JSON.stringify({ log: { creator: CREATOR, entries: [ENTRY_A, ENTRY_B] } }, null, '\t').replace(/\n/g, '\r\n')],
  ['a bare log', JSON.stringify({ creator: CREATOR, entries: [ENTRY_A, ENTRY_B] })],
  ['an array of entries', JSON.stringify([ENTRY_A, ENTRY_B])],
  ['an empty array', '[]'],
  ['empty entries', '{"log":{"entries":[]}}'],
  ['a key written with an escape', '{"l\\u006fg":{"entries":[{"request":{}}]}}'],
  ['a key written twice: the later counts', `{"log":{"entries":[${JSON.stringify(ENTRY_A)}]},"log":{"entries":[${JSON.stringify(ENTRY_B)}],"creator":${JSON.stringify(CREATOR)}}}`],
  ['entries at the root and in log: log wins', `{"entries":[1,2,3],"log":{"entries":[${JSON.stringify(ENTRY_B)}]}}`],
  ['log not an object: the root entries', `{"log":[1],"entries":[${JSON.stringify(ENTRY_A)}]}`],
  ['entries that are not objects', '{"log":{"entries":[1,"two",null,true,[3,[4]],{"a":"]"},-1.5e3]}}'],
  ['strings ending in backslashes', JSON.stringify({ log: { entries: [{ a: '\\', b: '\\\\', c: '"\\"', d: '\\"}' }] } })],
  ['unknown fields of every kind', JSON.stringify({ version: '1', log: { comment: 'x', _x: [{ y: [1, { z: '}' }] }], entries: [ENTRY_A], n: 1.5, t: true, z: null } })],
];

describe('entries and log fields as JSON.parse reads them', () => {
  test.each(layouts)('%s, in chunks of every size', (_name, text) => {
    const want = expected(text);
    const bytes = encoder.encode(text);
    for (let size = 1; size <= bytes.length + 1; size += size < 40 ? 1 : 17) {
      const { layout, entries } = read(bytes, size);
      expect(entries).toEqual(want.entries);
      expect([layout.pages, layout.browser, layout.creator]).toEqual([want.pages, want.browser, want.creator]);
      expect(layout.truncated).toBeNull();
    }
  });

  test.each([
    ['a UTF-8 byte-order mark', (t: string) => `\uFEFF${t}`],
    ['a JSONP call', (t: string) => `onInputData(${t});`],
    ['a JSONP call with spaces and a dotted name', (t: string) => `  window.har.load ( ${t} )\n`],
    ['both', (t: string) => `\uFEFFonInputData(${t})`],
  ])('%s around the file', (_name, wrap) => {
    const text = JSON.stringify({ log: { creator: CREATOR, entries: [ENTRY_A] } });
    for (const size of [1, 2, 3, 5, 1000]) expect(read(wrap(text), size).entries).toEqual([ENTRY_A]);
  });
});

describe('what is not a HAR: one line, as before', () => {
  const refused: [string, string, RegExp][] = [
    ['not JSON', '{oops', /^not JSON: /],
    ['a truncated object', '{"log": ', /^not JSON: /],
    ['an empty file', '', /^not JSON: the file is empty$/],
    ['only spaces', '  \n ', /^not JSON: /],
    ['a bracket closing a brace', '{"log":{"entries":[{"a":[1}]}}', /^not JSON: .*closes/],
    ['a missing comma between entries', '{"log":{"entries":[{} {}]}}', /^not JSON: expected "," or "\]"/],
    ['a trailing comma', '{"log":{"entries":[{},]}}', /^not JSON: expected a value/],
    ['text after the JSON', '{"log":{"entries":[]}} x', /^not JSON: unexpected text after the JSON/],
    ['a broken field outside the entries', '{"log":{"creator":{"name":tru},"entries":[]}}', /^not JSON: .*\(in log\.creator\)$/],
    ['a key without a colon', '{"log" {}}', /^not JSON: expected ":"/],
    ['a string at the root', '"hello"', /^not a HAR: expected a JSON object with log\.entries, got a string$/],
    ['a number at the root', '42', /^not a HAR: expected a JSON object with log\.entries, got a number$/],
    ['true at the root', 'true', /^not a HAR: expected a JSON object with log\.entries, got a boolean$/],
    ['null at the root', 'null', /^not a HAR: expected a JSON object with log\.entries, got null$/],
    ['an object without log', '{"foo": 1}', /^not a HAR: the JSON object has no "log" object$/],
    ['entries that are not an array', '{"entries": 3}', /^not a HAR: the JSON object has no "log" object$/],
    ['log.entries an object', '{"log": {"entries": {}}}', /^not a HAR: log\.entries is an object, expected an array$/],
    ['log.entries missing', '{"log": {}}', /^not a HAR: log\.entries is missing, expected an array$/],
  ];
  test.each(refused)('%s', (_name, text, message) => {
    for (const size of [0, 1, 3]) {
      let error: unknown;
      try {
        read(text, size);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(HarError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  test('an entry that is not JSON inside is handed over as such, not the whole file refused', () => {
    const { entries } = read('{"log":{"entries":[{"a" 1},{"b":2}]}}');
    expect(entries).toEqual([{ unreadable: expect.stringMatching(/^not JSON: /) }, { b: 2 }]);
  });
});

describe('a file that ends early', () => {
  const entries = [ENTRY_A, ENTRY_B, { request: { url: 'http://c.test/' } }];
  const text = JSON.stringify({ log: { version: '1.2', creator: CREATOR, entries, pages: PAGES } }, null, 1);
  const ends = entries.map((_, k) => {
    // The byte offset just past entry k: JSON.stringify of the prefix ends with the same text.
    const prefix = JSON.stringify({ log: { version: '1.2', creator: CREATOR, entries: entries.slice(0, k + 1) } }, null, 1);
    return encoder.encode(prefix.slice(0, prefix.lastIndexOf('}', prefix.lastIndexOf(']')) + 1)).length;
  });

  test('at every byte: the whole entries before the cut, or one line saying there is nothing to read', () => {
    const bytes = encoder.encode(text);
    for (let cut = 0; cut < bytes.length; cut++) {
      let r: Read;
      try {
        r = read(bytes.subarray(0, cut), 7);
      } catch (e) {
        expect(e).toBeInstanceOf(HarError);
        expect((e as Error).message).toMatch(/^not JSON: [^\n]+$/);
        expect(cut).toBeLessThan(ends[0] as number);
        continue;
      }
      const whole = ends.filter((end) => end <= cut).length;
      expect(r.entries).toEqual(entries.slice(0, whole));
      expect(r.layout.truncated).toEqual({ entries: whole, inEntry: expect.any(Boolean) });
      expect(r.layout.creator).toEqual(CREATOR);
    }
    expect(read(text).layout.truncated).toBeNull();
  });

  test('says whether it ended inside an entry', () => {
    const cutInside = (ends[1] as number) - 3;
    expect(read(encoder.encode(text).subarray(0, cutInside)).layout.truncated).toEqual({ entries: 1, inEntry: true });
    expect(read(encoder.encode(text).subarray(0, (ends[1] as number) + 1)).layout.truncated).toEqual({ entries: 2, inEntry: false });
  });
});

describe('any HAR-like document, split anywhere (fast-check)', () => {
  const field = fc.constantFrom('version', 'creator', 'browser', 'pages', 'comment', '_custom');
  const doc = fc.record({
    entries: fc.array(fc.oneof(fc.jsonValue(), fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }))), { maxLength: 6 }),
    fields: fc.uniqueArray(fc.tuple(field, fc.jsonValue({ maxDepth: 2 })), { selector: ([k]) => k, maxLength: 4 }),
    entriesAt: fc.nat(),
    indent: fc.constantFrom(undefined, 0, 1, 2, '\t'),
    form: fc.constantFrom('log', 'bare', 'array'),
  });
  test('the same entries and fields as JSON.parse', () => {
    fc.assert(
      fc.property(doc, fc.array(fc.nat(), { maxLength: 8 }), ({ entries, fields, entriesAt, indent, form }, cuts) => {
        const members: [string, unknown][] = [...fields];
        members.splice(entriesAt % (members.length + 1), 0, ['entries', entries]);
        const log = Object.fromEntries(members);
        const text = JSON.stringify(form === 'array' ? entries : form === 'bare' ? log : { log }, null, indent);
        const bytes = encoder.encode(text);
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks: Uint8Array[] = [];
        let at = 0;
        for (const p of [...points, bytes.length]) {
          chunks.push(bytes.slice(at, p));
          at = p;
        }
        const got: unknown[] = [];
        const reader = new HarReader({ begin: () => got.splice(0), entry: (_s, _i, b) => got.push((parseEntryBytes(b) as { raw: unknown }).raw) });
        for (const c of chunks) reader.push(c);
        const layout = reader.end();
        const want = expected(text);
        expect(got).toEqual(want.entries);
        expect([layout.pages, layout.browser, layout.creator]).toEqual([want.pages, want.browser, want.creator]);
      }),
      { numRuns: 400 },
    );
  });
});
