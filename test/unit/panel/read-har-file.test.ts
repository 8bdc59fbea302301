/**
 * The panel's import (read-har-file.ts, store.importFile): a file read as a stream of chunks gives the same
 * exchanges as the whole text read at once, reports its progress, can be cancelled, and says where a file that
 * ends early stopped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type Analysis, analyseHarText } from '../../../src/har';
import { ImportCancelled, type ReadProgress, readHarFile } from '../../../panel/read-har-file';
import { CaptureStore } from '../../../panel/store';

const fixtures = join(import.meta.dirname, '../../fixtures');
const chromium = JSON.stringify(JSON.parse(readFileSync(join(fixtures, 'chromium/redirects.json'), 'utf8')).har);
const wild = readFileSync(join(fixtures, 'wild/mitm-chrome.har'), 'utf8');

/** A Blob whose stream hands over `size`-byte chunks, as a File read from disk does. */
function fileOf(text: string, size = 4096): Blob {
  const bytes = new TextEncoder().encode(text);
  const blob = new Blob([bytes]);
  return Object.assign(blob, {
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(c) {
          for (let at = 0; at < bytes.length; at += size) c.enqueue(bytes.slice(at, at + size));
          c.close();
        },
      }),
  });
}

const verdicts = (a: Analysis) => a.exchanges.map((x) => [x.id, x.url, x.evaluation.verdict, x.evaluation.error?.code ?? null, x.evaluation.confidence]);

describe('readHarFile', () => {
  test.each([
    ['a Chromium recording', chromium],
    ['a mitmproxy export', wild],
  ])('%s: the same exchanges, ids and verdicts as the whole text', async (_, text) => {
    const streamed = await readHarFile(fileOf(text, 777), () => {}, () => false);
    const whole = analyseHarText(text);
    expect(streamed.exchanges.length).toBeGreaterThan(0);
    expect(verdicts(streamed)).toEqual(verdicts(whole));
  });

  test('progress only grows, and the last is the analysis', async () => {
    const seen: ReadProgress[] = [];
    // Pausing at every chunk: a progress report for each.
    await readHarFile(fileOf(chromium, 64), (p) => seen.push(p), () => false, { frameMs: 0 });
    expect(seen.at(-1)).toEqual({ read: chromium.length, size: chromium.length, phase: 'analysing' });
    const reads = seen.filter((p) => p.phase === 'reading').map((p) => p.read);
    expect(reads.length).toBeGreaterThan(Math.floor(chromium.length / 64) - 2);
    expect(reads).toEqual([...reads].sort((a, b) => a - b));
  });

  test('a cancel stops it with ImportCancelled', async () => {
    await expect(readHarFile(fileOf(chromium, 16), () => {}, () => true)).rejects.toBeInstanceOf(ImportCancelled);
  });
});

test('rows are warmed for every exchange, in the pauses', async () => {
  const warmed: number[] = [];
  const a = await readHarFile(fileOf(chromium), () => {}, () => false, { warm: (x) => warmed.push(x.id), frameMs: 0 });
  expect(warmed).toEqual(a.exchanges.map((x) => x.id));
});

describe('CaptureStore.importFile', () => {
  test('shows the file when read, with no notice for a whole file', async () => {
    const store = new CaptureStore();
    const phases: (string | null)[] = [];
    store.subscribe((s) => phases.push(s.importing?.phase ?? null));
    await store.importFile('redirects.har', fileOf(chromium));
    expect(store.current.imported?.name).toBe('redirects.har');
    expect(store.current.imported?.analysis.exchanges.length).toBe(analyseHarText(chromium).exchanges.length);
    expect([store.current.importing, store.current.notice]).toEqual([null, null]);
    expect(phases[0]).toBe('reading');
  });

  test('a file that ends inside an entry is shown up to it, and the notice says where it stopped', async () => {
    const store = new CaptureStore();
    const cut = chromium.slice(0, Math.floor(chromium.length / 2));
    await store.importFile('cut.har', fileOf(cut));
    const a = store.current.imported?.analysis;
    expect(a?.truncated?.inEntry).toBe(true);
    expect(store.current.notice).toBe(`cut.har: the file ends in the middle of entry ${a?.truncated?.entries}: analysed the ${a?.truncated?.entries} entries before it`);
  });

  test('a file that ends before its first entry says so, not "after entry -1"', async () => {
    const store = new CaptureStore();
    await store.importFile('empty.har', fileOf('{"log":{"version":"1.2","entries":['));
    expect(store.current.notice).toBe('empty.har: the file ends before its first entry: there is nothing to analyse');
  });

  test('a file that is not a HAR leaves the capture shown and says why', async () => {
    const store = new CaptureStore();
    await store.importFile('notes.txt', fileOf('hello'));
    expect(store.current.imported).toBeNull();
    expect(store.current.importing).toBeNull();
    expect(store.current.notice).toMatch(/^notes\.txt: /);
  });

  test('Cancel drops the import: nothing is shown and no notice', async () => {
    const store = new CaptureStore();
    const big = fileOf(chromium, 8);
    const reading = store.importFile('big.har', big);
    store.cancelImport();
    await reading;
    expect([store.current.imported, store.current.importing, store.current.notice]).toEqual([null, null, null]);
  });

  test('a second import replaces the first', async () => {
    const store = new CaptureStore();
    const first = store.importFile('first.har', fileOf(chromium, 8));
    const second = store.importFile('second.har', fileOf(wild));
    await Promise.all([first, second]);
    expect(store.current.imported?.name).toBe('second.har');
  });
});
