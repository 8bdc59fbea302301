/**
 * The streamed analysis against the whole-document one (analyseHar), which the differential tests hold to the
 * real browsers: the same exchanges under the same ids, the inert entries only counted, on every recorded
 * fixture and real-world file, in any chunking, and when a preflight or a redirect names an inert entry written
 * long before it (a second pass).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type AnalysedExchange, type Analysis, analyseHar, analyseHarChunksSync, HarError, HarStream } from '../../../src/har';
import { harEntry } from '../../support/har-builder';

const encoder = new TextEncoder();

/** What an exchange's verdict is made of, for comparing two analyses. */
function face(x: AnalysedExchange): unknown {
  const ev = x.evaluation;
  return { id: x.id, url: x.url, method: x.method, origin: x.origin, entries: x.entries, verdict: ev.verdict, error: ev.error, confidence: ev.confidence, notes: ev.notes, warnings: x.warnings, notCors: x.notCors, credentials: ev.credentials };
}

function chunked(text: string, size: number): () => Iterable<Uint8Array> {
  const bytes = encoder.encode(text);
  return function* () {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  };
}

/** The cheap read lists what the full read lists, less the not-cors exchanges it only counted, under the same ids. */
function expectSameAnalysis(full: Analysis, cheap: Analysis): void {
  const notCors = (a: Analysis) => a.exchanges.filter((x) => x.evaluation.verdict === 'not-cors').length + (a.unlisted ?? 0);
  expect(full.exchanges.map((x, i) => x.id === i)).not.toContain(false);
  expect(cheap.exchanges.length + (cheap.unlisted ?? 0)).toBe(full.exchanges.length);
  expect(notCors(cheap)).toBe(notCors(full));
  const byId = new Map(full.exchanges.map((x) => [x.id, x]));
  for (const x of cheap.exchanges) expect(face(x)).toEqual(face(byId.get(x.id) as AnalysedExchange));
  const listed = new Set(cheap.exchanges.map((x) => x.id));
  for (const x of full.exchanges) if (x.evaluation.verdict !== 'not-cors') expect(listed.has(x.id), `${x.method} ${x.url}`).toBe(true);
  expect([cheap.capture, cheap.skipped, cheap.totalEntries, cheap.browser]).toEqual([full.capture, full.skipped, full.totalEntries, full.browser]);
}

const FIXTURE_DIRS = ['test/fixtures/chromium', 'test/fixtures/chromium-under-load', 'test/fixtures/firefox', 'test/fixtures/producers/chrome-har', 'test/fixtures/producers/mitmproxy', 'test/fixtures/producers/playwright'];
const fixtures: [string, unknown][] = [];
for (const dir of FIXTURE_DIRS) {
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'summary.json')) {
    const doc = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { har?: unknown };
    if (doc.har) fixtures.push([`${dir}/${f}`, doc.har]);
  }
}
for (const f of readdirSync('test/fixtures/samples').filter((n) => n.startsWith('har-'))) fixtures.push([f, JSON.parse(readFileSync(join('test/fixtures/samples', f), 'utf8'))]);
const WILD = ['test/fixtures/wild', '../shared/wild-hars'].filter((d) => existsSync(d));
const wild = new Map<string, string>();
for (const dir of WILD) for (const f of readdirSync(dir).filter((n) => n.endsWith('.har') && !n.includes('not-'))) wild.set(f, join(dir, f));

describe('the same verdicts as reading the whole document', () => {
  test.each(fixtures)('%s (recorded from a real browser)', (_name, har) => {
    const text = JSON.stringify(har);
    const full = analyseHar(har);
    expectSameAnalysis(full, analyseHarChunksSync(chunked(text, 4096)));
    const all = analyseHarChunksSync(chunked(text, 977), { all: true });
    expect(all.exchanges.map(face)).toEqual(full.exchanges.map(face));
    expect(all.unlisted).toBe(0);
  });

  test.each([...wild])('%s (real-world)', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const full = analyseHar(JSON.parse(text.replace(/^\uFEFF/, '').replace(/^\s*onInputData\(/, '').replace(/\);?\s*$/, '')));
    expectSameAnalysis(full, analyseHarChunksSync(chunked(text, 65536)));
  });

  test('in chunks of every small size', () => {
    const har = fixtures.find(([n]) => n.includes('samples') || n.startsWith('har-c4'))?.[1] as unknown;
    const text = JSON.stringify(har);
    const full = analyseHar(har);
    for (let size = 1; size < 64; size++) expectSameAnalysis(full, analyseHarChunksSync(chunked(text, size)));
  });
});

const PAGE = 'http://127.0.0.1:8001';
const API = 'http://127.0.0.1:8002';
/** A same-origin image: inert (Sec-Fetch-Mode: no-cors). */
const image = (n: number, start: number, url = `${PAGE}/img/${n}.png`) =>
  harEntry({ url, start, resourceType: 'image', requestHeaders: [['Sec-Fetch-Mode', 'no-cors'], ['Sec-Fetch-Site', 'same-origin'], ['Referer', `${PAGE}/`]] });
const log = (entries: unknown[]) => ({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages: [], entries } });

describe('analysed in slices (the panel\'s import gives way between them)', () => {
  test.each(fixtures)('%s: the same analysis as at once, with pauses between', async (_name, har) => {
    const text = JSON.stringify(har);
    for (const all of [false, true]) {
      const open = chunked(text, 4096);
      const once = new HarStream({ all });
      for (const c of open()) once.push(c);
      once.end();
      const sliced = new HarStream({ all });
      for (const c of open()) sliced.push(c);
      sliced.end();
      let pauses = 0;
      const a = await sliced.analysisInSlices(async () => {
        pauses++;
      });
      const b = once.analysis();
      expect(a.exchanges.map(face)).toEqual(b.exchanges.map(face));
      expect([a.unlisted, a.truncated, a.capture, a.skipped, a.totalEntries]).toEqual([b.unlisted, b.truncated, b.capture, b.skipped, b.totalEntries]);
      // At least: after reading the entries, after pairing the preflights, after building, before evaluating.
      expect(pauses).toBeGreaterThanOrEqual(4);
    }
  });

  test('a capture large enough to cross every slice boundary: the same analysis, and many pauses', async () => {
    // 600 preflighted PUTs to URLs of their own (pairing pauses every 200 URLs), and 600 GETs: 1,200 exchanges
    // (building pauses every 250, evaluating every 200), half of each blocked.
    const specs: Parameters<typeof harEntry>[0][] = [];
    for (let i = 0; i < 600; i++) {
      const url = `${API}/put/${i}`;
      const allow = i % 2 === 0 ? 'PUT' : 'GET';
      specs.push({ url, start: i * 4, preflight: true, requestHeaders: [['Origin', PAGE], ['Access-Control-Request-Method', 'PUT']], status: 204, responseHeaders: [['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Methods', allow]] });
      specs.push({ url, method: 'PUT', start: i * 4 + 1, requestHeaders: [['Origin', PAGE]], status: allow === 'PUT' ? 200 : 0, responseHeaders: allow === 'PUT' ? [['Access-Control-Allow-Origin', PAGE]] : [], error: allow === 'PUT' ? null : 'net::ERR_FAILED' });
      specs.push({ url: `${API}/get/${i}`, start: i * 4 + 2, requestHeaders: [['Origin', PAGE]], responseHeaders: i % 2 === 0 ? [['Access-Control-Allow-Origin', PAGE]] : [], error: i % 2 === 0 ? null : 'net::ERR_FAILED' });
    }
    const text = JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, entries: specs.map(harEntry) } });
    const once = analyseHarChunksSync(chunked(text, 65536));
    const sliced = new HarStream();
    for (const c of chunked(text, 65536)()) sliced.push(c);
    sliced.end();
    let pauses = 0;
    const a = await sliced.analysisInSlices(async () => {
      pauses++;
    });
    expect(once.exchanges).toHaveLength(1200);
    expect(once.exchanges.filter((x) => x.evaluation.verdict === 'blocked')).toHaveLength(600);
    expect(a.exchanges.map(face)).toEqual(once.exchanges.map(face));
    // Pairing 600 URLs (3), building 1,200 exchanges (4), evaluating them (6), and the steps between.
    expect(pauses).toBeGreaterThanOrEqual(13);
  });
});

describe('an inert entry that a preflight or a redirect names is read in full', () => {
  // A no-cors load redirected to another origin: its second hop is inert on its own, but part of the first's exchange.
  const target = `${API}/img/moved.png`;
  const redirect = harEntry({ url: `${PAGE}/img/old.png`, start: 0, time: 5, resourceType: 'image', status: 302, redirectURL: target, requestHeaders: [['Sec-Fetch-Mode', 'no-cors'], ['Sec-Fetch-Site', 'same-origin']], responseHeaders: [['Location', target]] });
  const hop = image(0, 6, target);

  test.each([
    ['named first', [redirect, hop]],
    ['named a few entries later', [hop, image(1, 7), image(2, 8), redirect]],
    ['named long after: a second pass', [hop, ...Array.from({ length: 1500 }, (_, i) => image(i + 10, 10 + i)), redirect]],
  ])('%s', (_name, entries) => {
    const doc = log(entries);
    const text = JSON.stringify(doc);
    let opened = 0;
    const open = () => {
      opened++;
      return chunked(text, 1000)();
    };
    const cheap = analyseHarChunksSync(open);
    expectSameAnalysis(analyseHar(doc), cheap);
    expect(cheap.exchanges.find((x) => x.entries.length === 2)?.entries).toEqual([entries.indexOf(redirect), entries.indexOf(hop)].sort((a, b) => a - b));
    expect(opened).toBe(entries.length > 1000 ? 2 : 1);
  });

  test('a file that changes between the passes is refused, not misread', () => {
    const doc = log([hop, ...Array.from({ length: 1500 }, (_, i) => image(i + 10, 10 + i)), redirect]);
    let opened = 0;
    const open = () => chunked(JSON.stringify(opened++ === 0 ? doc : log([])), 1000)();
    expect(() => analyseHarChunksSync(open)).toThrow(HarError);
  });
});

describe('key order, and a file that ends early', () => {
  test('log.creator and log.pages after the entries: the same producer and verdicts', () => {
    const har = fixtures.find(([n]) => n.endsWith('chromium/preflight.json'))?.[1] as { creator: unknown; pages: unknown; entries: unknown[] };
    const reordered = { entries: har.entries, pages: har.pages, version: '1.2', creator: har.creator };
    const text = JSON.stringify({ log: reordered });
    const cheap = analyseHarChunksSync(chunked(text, 8192));
    expect(cheap.capture.producer.id).toBe('chrome-devtools');
    expectSameAnalysis(analyseHar({ log: reordered }), cheap);
  });

  test('cut inside an entry: the entries before it, and where it stopped', () => {
    const entries = [image(1, 0), image(2, 1), harEntry({ url: `${API}/a`, start: 2, requestHeaders: [['Origin', PAGE]], responseHeaders: [['Access-Control-Allow-Origin', PAGE]] })];
    const text = JSON.stringify(log(entries));
    const cut = text.lastIndexOf('"url"');
    const a = analyseHarChunksSync(chunked(text.slice(0, cut), 100));
    expect(a.truncated).toEqual({ entries: 2, inEntry: true });
    expect(a.totalEntries).toBe(2);
    expectSameAnalysis(analyseHar(log(entries.slice(0, 2))), { ...a, truncated: null });
    expect(analyseHarChunksSync(chunked(text, 100)).truncated).toBeNull();
  });
});
