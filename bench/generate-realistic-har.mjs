/**
 * A capture shaped like a real one, for `npm run bench`: two thirds same-origin page traffic as Chrome writes it
 * (parser and script initiators with their call stacks, scripts, stylesheets, images and fonts, some from the
 * memory cache with only the page's headers, same-origin API calls, some with their response text), one third
 * CORS exchanges copied from the real-Chromium recordings in test/fixtures/chromium (every case's entries, its
 * preflights and redirect hops, re-timed and given a fresh nonce so copies stay apart). About 1.2 KB an entry.
 *
 * Written entry by entry through `write`, never as one string, so the same code makes the 1 GiB capture.
 * Deterministic (seeded), so runs compare.
 */
import { closeSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '../test/fixtures/chromium');
const PAGE = 'http://127.0.0.1:8001';
const API = 'http://127.0.0.1:8002';
const THIRD = 'http://127.0.0.1:8003';
const CLOSED = 'http://127.0.0.1:8009';
const T0 = Date.parse('2026-11-21T10:00:00.000Z');
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Every recorded case's entries (found by the case's `?n=` nonce), as JSON text with the origins made fixed. */
function loadCases() {
  const cases = [];
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.json') && f !== 'summary.json')) {
    const fx = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8'));
    const swap = (text) =>
      text
        .replaceAll(fx.pageOrigin, PAGE)
        .replaceAll(fx.apiOrigin, API)
        .replaceAll(fx.thirdOrigin, THIRD)
        .replaceAll(fx.closedOrigin, CLOSED)
        .replaceAll(fx.pageOrigin.replace('http://', ''), PAGE.replace('http://', ''))
        .replaceAll(fx.apiOrigin.replace('http://', ''), API.replace('http://', ''))
        .replaceAll(fx.thirdOrigin.replace('http://', ''), THIRD.replace('http://', ''));
    for (const c of fx.cases) {
      const entries = fx.har.entries.filter((e) => new URL(e.request.url, PAGE).searchParams.get('n') === c.nonce || e._initiator?.url?.includes(`n=${c.nonce}`));
      if (entries.length === 0) continue;
      const t0 = Math.min(...entries.map((e) => Date.parse(e.startedDateTime)));
      cases.push({ nonce: c.nonce, entries: entries.map((e) => ({ offset: Date.parse(e.startedDateTime) - t0, text: swap(JSON.stringify({ ...e, pageref: 'page_1' })) })) });
    }
  }
  return cases;
}

const h = (pairs) => pairs.map(([name, value]) => ({ name, value }));
const NETWORK = [
  ['Accept-Encoding', 'gzip, deflate, br, zstd'],
  ['Accept-Language', 'en-US,en;q=0.9'],
  ['Connection', 'keep-alive'],
  ['Host', '127.0.0.1:8001'],
  ['Referer', `${PAGE}/app/dashboard`],
  ['User-Agent', UA],
  ['sec-ch-ua', '"Not:A-Brand";v="8", "Chromium";v="156"'],
  ['sec-ch-ua-mobile', '?0'],
  ['sec-ch-ua-platform', '"Linux"'],
];
/** What Chrome shows for a response from its memory cache: the page's own headers, no Host, no Sec-Fetch-*. */
const CACHED = [
  ['Referer', `${PAGE}/app/dashboard`],
  ['User-Agent', UA],
];
const KINDS = [
  { type: 'script', dest: 'script', mode: 'no-cors', accept: '*/*', mime: 'application/javascript', ext: 'js', weight: 0.34 },
  { type: 'stylesheet', dest: 'style', mode: 'no-cors', accept: 'text/css,*/*;q=0.1', mime: 'text/css', ext: 'css', weight: 0.1 },
  { type: 'image', dest: 'image', mode: 'no-cors', accept: 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8', mime: 'image/webp', ext: 'webp', weight: 0.3 },
  { type: 'font', dest: 'font', mode: 'cors', accept: '*/*', mime: 'font/woff2', ext: 'woff2', weight: 0.06 },
  { type: 'fetch', dest: 'empty', mode: 'cors', accept: 'application/json', mime: 'application/json', ext: 'json', weight: 0.2 },
];

function stack(random, n) {
  const frames = [];
  const depth = 1 + Math.floor(random() * 3);
  for (let i = 0; i < depth; i++) {
    frames.push({ functionName: ['load', 'render', 'fetchData', 'useEffect', '', 'Module.then'][(n + i) % 6], scriptId: String(20 + ((n + i) % 40)), url: `${PAGE}/static/js/chunk-${(n + i) % 97}.3f9c2a.js`, lineNumber: (n * 7 + i) % 4000, columnNumber: (n * 13 + i) % 200 });
  }
  const s = { callFrames: frames };
  if (random() < 0.1) s.parent = { description: 'await', callFrames: frames.slice(0, 1) };
  return s;
}

function sameOrigin(random, n, start) {
  let r = random();
  const kind = KINDS.find((k) => (r -= k.weight) < 0) ?? KINDS[0];
  const cached = kind.type !== 'fetch' && random() < 0.6;
  const post = kind.type === 'fetch' && random() < 0.2;
  const url = kind.type === 'fetch' ? `${PAGE}/api/v2/widgets/${n % 5000}?view=summary` : `${PAGE}/static/${kind.ext}/asset-${n % 20000}.${(n * 2654435761) % 0xffffff}.${kind.ext}`;
  const wire = [['Accept', kind.accept], ...NETWORK, ['Sec-Fetch-Dest', kind.dest], ['Sec-Fetch-Mode', kind.mode], ['Sec-Fetch-Site', 'same-origin']];
  if (post) wire.splice(5, 0, ['Origin', PAGE], ['Content-Type', 'application/json']);
  const size = 500 + Math.floor(random() * 90000);
  const content = { size, mimeType: kind.mime, compression: cached ? undefined : Math.floor(size * 0.7) };
  // A few API responses carry their body, as "Export HAR (with content)" writes it: JSON inside a JSON string.
  if (kind.type === 'fetch' && random() < 0.15) content.text = JSON.stringify({ items: [{ id: n, name: `widget "${n}" {beta}`, tags: ['a]', '{b'] }], next: `/api/v2/widgets?page=${n}` });
  const time = 2 + random() * 80;
  return {
    _initiator: kind.type === 'script' && random() < 0.5 ? { type: 'parser', url: `${PAGE}/app/dashboard`, lineNumber: n % 300 } : { type: 'script', stack: stack(random, n) },
    _priority: kind.type === 'image' ? 'Low' : 'High',
    _resourceType: kind.type,
    cache: {},
    connection: cached ? undefined : String(1000 + (n % 6)),
    request: {
      method: post ? 'POST' : 'GET',
      url,
      httpVersion: 'http/1.1',
      headers: h(cached ? [['Accept', kind.accept], ...CACHED] : wire),
      queryString: kind.type === 'fetch' ? [{ name: 'view', value: 'summary' }] : [],
      cookies: [],
      headersSize: cached ? -1 : 520,
      bodySize: post ? 64 : 0,
      ...(post ? { postData: { mimeType: 'application/json', text: `{"widget":${n},"op":"touch"}` } } : {}),
    },
    response: {
      status: 200,
      statusText: cached ? '' : 'OK',
      httpVersion: 'http/1.1',
      headers: h([
        ['cache-control', kind.type === 'fetch' ? 'no-cache' : 'public, max-age=31536000, immutable'],
        ['content-type', kind.mime],
        ['etag', `W/"${(n * 40503) % 0xfffff}-${size}"`],
        ...(cached ? [] : [['content-encoding', 'br'], ['date', 'Sat, 21 Nov 2026 10:00:00 GMT'], ['vary', 'Accept-Encoding']]),
      ]),
      cookies: [],
      content,
      redirectURL: '',
      headersSize: cached ? -1 : 260,
      bodySize: cached ? 0 : Math.floor(size * 0.3),
      _transferSize: cached ? 0 : Math.floor(size * 0.3) + 260,
      _error: null,
      _fetchedViaServiceWorker: false,
    },
    serverIPAddress: cached ? '' : '127.0.0.1',
    startedDateTime: new Date(T0 + start).toISOString(),
    time,
    timings: { blocked: 0.6, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: time - 1, receive: 0.3, _blocked_queueing: 0.4 },
    ...(cached ? { _fromCache: 'memory' } : { _connectionId: String(1000 + (n % 6)) }),
    pageref: 'page_1',
  };
}

/**
 * Writes a capture through `write(text)` (strings of a few KB: the caller batches them): `count` entries, or,
 * with `minBytes`, as many as it takes to write at least that many bytes. Returns how many entries were written
 * and how many came from the recorded cases.
 */
export function writeRealisticHar(count, write, { seed = 7, minBytes = 0 } = {}) {
  const random = rng(seed);
  const cases = loadCases();
  write(`{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"pages":[{"startedDateTime":"${new Date(T0).toISOString()}","id":"page_1","title":"${PAGE}/app/dashboard","pageTimings":{"onContentLoad":412.5,"onLoad":988.1}}],"entries":[`);
  let written = 0;
  let bytes = 0;
  let cors = 0;
  let t = 0;
  let n = 0;
  const emit = (text) => {
    bytes += text.length + 1;
    write(written++ === 0 ? text : `,${text}`);
  };
  const more = () => (minBytes > 0 ? bytes < minBytes : written < count);
  while (more()) {
    n++;
    t += 0.5 + random() * 4;
    // A third of the entries from the recorded cases, the rest page traffic, mixed in random runs.
    if (cors >= written / 3 || random() < 0.5) {
      emit(JSON.stringify(sameOrigin(random, n, t)));
      continue;
    }
    const c = cases[Math.floor(random() * cases.length)];
    const start = new Date(T0 + t);
    for (const e of c.entries) {
      if (!more()) break;
      // The same case many times over: a fresh nonce keeps each copy's preflight with its own request.
      const text = e.text.replaceAll(c.nonce, `${c.nonce}-${n}`).replace(/"startedDateTime":"[^"]*"/, `"startedDateTime":"${new Date(start.getTime() + e.offset).toISOString()}"`);
      emit(text);
      cors++;
    }
    t += 20;
  }
  write(']}}');
  return { entries: written, corsEntries: cors };
}

/** writeRealisticHar into a file, through a buffer of about 1 MiB (a capture of any size never is one string). */
export function writeRealisticHarFile(file, count, options = {}) {
  const fd = openSync(file, 'w');
  let pending = [];
  let size = 0;
  try {
    const result = writeRealisticHar(count, (text) => {
      pending.push(text);
      size += text.length;
      if (size > 1 << 20) {
        writeSync(fd, pending.join(''));
        pending = [];
        size = 0;
      }
    }, options);
    writeSync(fd, pending.join(''));
    return result;
  } finally {
    closeSync(fd);
  }
}
