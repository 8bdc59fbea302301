#!/usr/bin/env node
// Record the producer matrix: the zoo's traffic (test/zoo/server.mjs) captured as HAR by the tools whose files
// users attach to bug reports, each with Chrome's own verdict per request (Network.loadingFailed.corsErrorStatus,
// read over the DevTools protocol in the same run) as the truth. Output: test/fixtures/producers/<producer>/
// <group>.json in the schema of test/fixtures/chromium (README there), plus `producer`; scored by
// test/unit/producers.test.ts. What each producer records and omits: test/fixtures/producers/README.md.
//
// Producers recorded here (the other two need no run of their own):
//   playwright  Playwright's `recordHar` (a browser context per group, default options: mode full, bodies embedded),
//               Chromium launched by Playwright, a CDP session on the page for the truth.
//   chrome-har  the same run's CDP Network/Page events, turned into a HAR by chrome-har's harFromMessages (what
//               Puppeteer scripts, Browsertime and sitespeed.io do). Same truth as playwright.
//   mitmproxy   mitmdump 8.1 (Debian) as an HTTP proxy in front of Chromium (--proxy-server, and
//               --proxy-bypass-list=<-loopback> so loopback goes through it), with the har_dump.py addon that
//               mitmproxy ships as an example (8.1 has no HAR export of its own), one mitmdump per group. Its own
//               run: the proxy changes what Chrome sees (a refused or dropped connection becomes mitmproxy's 502).
//   getHAR      not recorded here: test/fixtures/chromium (npm run record-fixtures) is the extension's own capture.
//   sanitized   not recorded here: scripts/lib/sanitize-har.mjs applied to the getHAR fixtures by the test.
//
// Usage: node scripts/record-producers.mjs [--producers playwright,chrome-har,mitmproxy] [--groups g,g]
//                                          [--only id,id] [--out dir] [--quiet]
//   (npm run record-producers builds first; the build is not needed by these producers, it keeps the dist
//   the test imports in step.) Defaults: all three producers, the groups in DEFAULT_GROUPS, out
//   test/fixtures/producers (a temp directory with --only). Chromium: $CORS_LENS_CHROMIUM, else as
//   scripts/lib/chromium.mjs finds it. mitmdump: $MITMDUMP or on PATH; the addon: $MITM_HAR_DUMP or
//   /usr/share/doc/mitmproxy/examples/contrib/har_dump.py (apt-get install -y mitmproxy). A producer that
//   cannot run is skipped with a warning; exit 1 only when Chromium cannot be driven.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { harFromMessages } from 'chrome-har';
import { CASES, GROUPS, startZoo } from '../test/zoo/server.mjs';
import { findChromium, waitFor } from './lib/chromium.mjs';
import { caseOf, selectCases } from './lib/case-of.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The groups recorded by default: all ten (about 2 MB per producer, 6.3 MB for the three; see the README). */
const DEFAULT_GROUPS = GROUPS;
const PRODUCERS = ['playwright', 'chrome-har', 'mitmproxy'];
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const HAR_DUMP = process.env.MITM_HAR_DUMP ?? '/usr/share/doc/mitmproxy/examples/contrib/har_dump.py';

function parseArgs(argv) {
  const o = { producers: PRODUCERS, groups: /** @type {string[] | null} */ (null), only: /** @type {string[] | null} */ (null), out: /** @type {string | null} */ (null), quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => { const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]; if (!v) throw new Error(`${a} needs a value`); return v; };
    const list = () => val().split(',').map((s) => s.trim()).filter(Boolean);
    if (a.startsWith('--producers')) o.producers = list();
    else if (a.startsWith('--groups')) o.groups = list();
    else if (a.startsWith('--only')) o.only = list();
    else if (a.startsWith('--out')) o.out = val();
    else if (a === '--quiet') o.quiet = true;
    else if (a === '--help' || a === '-h') { console.log('node scripts/record-producers.mjs [--producers playwright,chrome-har,mitmproxy] [--groups g,g] [--only id,id] [--out dir] [--quiet]'); process.exit(0); }
    else throw new Error(`unknown argument ${a}`);
  }
  const bad = o.producers.filter((p) => !PRODUCERS.includes(p));
  if (bad.length) throw new Error(`unknown producer(s) ${bad.join(', ')}; these record: ${PRODUCERS.join(', ')}`);
  return o;
}


/** The CDP events chrome-har reads (Browsertime hands it the whole performance log; these are the ones it uses). */
const CHROME_HAR_EVENTS = [
  'Page.frameStartedLoading', 'Page.frameRequestedNavigation', 'Page.navigatedWithinDocument', 'Page.loadEventFired',
  'Page.domContentEventFired', 'Page.frameAttached', 'Network.requestWillBeSent', 'Network.requestServedFromCache',
  'Network.requestWillBeSentExtraInfo', 'Network.responseReceivedExtraInfo', 'Network.responseReceived',
  'Network.dataReceived', 'Network.loadingFinished', 'Network.loadingFailed', 'Network.resourceChangedPriority',
];

/**
 * Chrome's own view of one page, over a CDP session on it: every request with its hops and how it ended
 * (the same record as scripts/record-fixtures.mjs writes), the issues, and, for chrome-har, the raw events.
 */
async function watch(cdp) {
  /** @type {Map<string, any>} */
  const reqs = new Map();
  /** @type {any[]} */
  const issues = [];
  /** @type {{method: string, params: any}[]} */
  const messages = [];
  let seq = 0;
  for (const method of CHROME_HAR_EVENTS) cdp.on(method, (params) => messages.push({ method, params }));
  cdp.on('Network.requestWillBeSent', (e) => {
    const r = reqs.get(e.requestId);
    if (r && e.redirectResponse) {
      r.hops.push(e.request.url);
      r.redirects.push({ status: e.redirectResponse.status, location: e.request.url });
      r.finalUrl = e.request.url;
      return;
    }
    if (r) return;
    const cs = caseOf(e.request.url);
    reqs.set(e.requestId, {
      seq: seq++, requestId: e.requestId, url: e.request.url, finalUrl: e.request.url, hops: [e.request.url], redirects: [],
      method: e.request.method, initiatorType: e.initiator?.type ?? null, forRequestId: e.initiator?.type === 'preflight' ? e.initiator.requestId ?? null : null,
      caseId: cs?.caseId ?? null, nonce: cs?.nonce ?? null, status: null, outcome: null, errorText: null, corsError: null, failedParameter: null,
    });
  });
  cdp.on('Network.responseReceived', (e) => { const r = reqs.get(e.requestId); if (r) { r.status = e.response.status; r.responded = true; } });
  cdp.on('Network.loadingFinished', (e) => { const r = reqs.get(e.requestId); if (r && !r.outcome) r.outcome = 'finished'; });
  cdp.on('Network.loadingFailed', (e) => {
    const r = reqs.get(e.requestId);
    if (!r || r.outcome) return;
    r.outcome = 'failed';
    r.errorText = e.errorText ?? null;
    r.corsError = e.corsErrorStatus?.corsError ?? null;
    r.failedParameter = e.corsErrorStatus ? e.corsErrorStatus.failedParameter ?? '' : null;
    if (e.blockedReason) r.blockedReason = e.blockedReason;
  });
  cdp.on('Audits.issueAdded', (e) => issues.push(e.issue));
  await cdp.send('Page.enable');
  await cdp.send('Network.enable');
  await cdp.send('Audits.enable');
  return { reqs, issues, messages };
}

const strip = (r) => ({
  requestId: r.requestId, url: r.url, finalUrl: r.finalUrl, method: r.method, caseId: r.caseId,
  outcome: r.outcome ?? (r.responded ? 'response-only' : 'pending'), errorText: r.errorText, corsError: r.corsError, failedParameter: r.failedParameter,
  status: r.status, hops: r.hops, redirects: r.redirects, initiatorType: r.initiatorType,
  ...(r.blockedReason ? { blockedReason: r.blockedReason } : {}),
});

/**
 * Load the zoo page for `group` in `page` and run its cases one by one, waiting after each until Chrome has
 * seen every URL the zoo served for it and each request has ended (as record-fixtures does).
 */
async function runGroup({ page, zoo, group, gcases, watched, runTag, say }) {
  const url = `${zoo.pageOrigin}/?group=${encodeURIComponent(group)}&run=${runTag}`;
  await waitFor(`the zoo page to load (${url})`, async () => {
    try { await page.goto(url, { timeout: 8000, waitUntil: 'load' }); } catch (e) { say(`  navigation retry: ${String(e).split('\n')[0]}`); return false; }
    return page.evaluate(() => /** @type {any} */ (window).zooReady === true);
  }, 30000, 100);
  /** @type {any[]} */
  const ran = [];
  for (const c of gcases) {
    const nonce = `${runTag}-${CASES.indexOf(c)}`;
    const result = await page.evaluate(([id, n]) => /** @type {any} */ (window).runCase(id, n), [c.id, nonce]);
    let complete = true;
    const noCors = c.fetches.some((f) => f.mode === 'no-cors');
    await waitFor(`the requests of ${c.id} to end`, () => {
      const rs = [...watched.reqs.values()].filter((r) => r.nonce === nonce);
      const seen = new Set(rs.flatMap((r) => r.hops));
      const served = zoo.log.filter((l) => l.url.includes(`n=${nonce}`));
      const ended = (r) => r.outcome || (noCors && r.responded);
      return served.every((l) => [...seen].some((h) => h.endsWith(l.url))) && rs.every(ended);
    }, 15000).catch((e) => { complete = false; say(`  warning: ${e.message}`); });
    ran.push({ id: c.id, description: c.description, nonce, result, ...(complete ? {} : { incomplete: true }) });
  }
  return ran;
}

/** The fixture for one group: cases, HAR, Chrome's verdicts, the zoo's log. */
function fixtureOf({ producer, version, zoo, group, ran, har, watched }) {
  const nonces = new Set(ran.map((r) => r.nonce));
  const mine = [...watched.reqs.values()].filter((r) => nonces.has(r.nonce)).sort((a, b) => a.seq - b.seq);
  const issues = watched.issues.map((i) => {
    const u = i.details?.corsIssueDetails?.request?.url;
    const cs = u && caseOf(u);
    return { ...i, caseId: cs && nonces.has(cs.nonce) ? cs.caseId : null };
  });
  return {
    producer, browser: version.product, userAgent: version.userAgent, recordedAt: new Date().toISOString(),
    pageOrigin: zoo.pageOrigin, apiOrigin: zoo.apiOrigin, thirdOrigin: zoo.thirdOrigin, closedOrigin: zoo.closedOrigin,
    group, cases: ran, har,
    chrome: mine.filter((r) => r.initiatorType !== 'preflight').map(strip),
    preflights: mine.filter((r) => r.initiatorType === 'preflight').map((r) => ({ ...strip(r), forRequestId: r.forRequestId })),
    issues,
    server: zoo.log.filter((l) => { const cs = caseOf(`http://x${l.url}`); return cs && nonces.has(cs.nonce); }).map(({ at, ...l }) => l),
  };
}

function write(outDir, producer, group, fixture, say) {
  const dir = path.join(outDir, producer);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${group}.json`);
  const text = `${JSON.stringify(fixture, null, 1)}\n`;
  fs.writeFileSync(file, text);
  const entries = fixture.har?.log?.entries ?? fixture.har?.entries ?? [];
  say(`  ${producer}/${group}.json: ${fixture.chrome.length} requests, ${fixture.preflights.length} preflights, ${entries.length} HAR entries, ${(text.length / 1024).toFixed(0)} KiB`);
  return file;
}

/** A free loopback port (bound, noted, released). */
function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = /** @type {net.AddressInfo} */ (s.address()); s.close(() => res(port)); });
  });
}

const canConnect = (port) => new Promise((res) => {
  const s = net.connect(port, '127.0.0.1');
  s.once('connect', () => { s.destroy(); res(true); });
  s.once('error', () => res(false));
});

/** Playwright's recordHar and chrome-har, from one run: a context per group (recordHar writes when it closes). */
async function recordPlaywrightAndChromeHar({ executable, zoo, groups, cases, outDir, want, say }) {
  const browser = await chromium.launch({ executablePath: executable, headless: true, args: CHROMIUM_ARGS });
  const files = [];
  try {
    const version = await (await browser.newBrowserCDPSession()).send('Browser.getVersion');
    say(`playwright + chrome-har: ${version.product}`);
    const runTag = `pw${Date.now().toString(36)}`;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lens-pw-har-'));
    for (const group of groups) {
      const gcases = cases.filter((c) => c.group === group);
      const harPath = path.join(tmp, `${group}.har`);
      const context = await browser.newContext({ recordHar: { path: harPath } });
      // A cookie for 127.0.0.1 (any port), as record-fixtures sets: credentialed requests carry a Cookie.
      await context.addCookies([{ name: 'zoo_session', value: 'abc123', url: zoo.apiOrigin }]);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const watched = await watch(cdp);
      say(`group ${group}: ${gcases.length} cases`);
      const ran = await runGroup({ page, zoo, group, gcases, watched, runTag, say });
      await cdp.detach().catch(() => {});
      await context.close();
      const pwHar = JSON.parse(fs.readFileSync(harPath, 'utf8'));
      if (want.includes('playwright')) files.push(write(outDir, 'playwright', group, fixtureOf({ producer: 'playwright', version, zoo, group, ran, har: pwHar, watched }), say));
      if (want.includes('chrome-har')) {
        const har = harFromMessages(watched.messages, {});
        files.push(write(outDir, 'chrome-har', group, fixtureOf({ producer: 'chrome-har', version, zoo, group, ran, har, watched }), say));
      }
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  } finally {
    await browser.close();
  }
  return files;
}

function findMitmdump() {
  const env = process.env.MITMDUMP;
  if (env) return fs.existsSync(env) ? env : null;
  try { return execFileSync('sh', ['-c', 'command -v mitmdump'], { encoding: 'utf8' }).trim() || null; } catch { return null; }
}

/** mitmdump with har_dump.py on a free loopback port; `stop()` ends it (SIGINT: the addon writes the HAR on shutdown) and reads the HAR. */
async function startMitmdump(mitmdump, harPath) {
  const port = await freePort();
  const confdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lens-mitm-conf-'));
  const proc = spawn(mitmdump, ['--quiet', '--listen-host', '127.0.0.1', '--listen-port', String(port), '--set', `confdir=${confdir}`,
    '-s', HAR_DUMP, '--set', `hardump=${harPath}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
  let exited = false;
  proc.on('exit', () => { exited = true; });
  await waitFor(`mitmdump to listen on ${port}`, async () => {
    if (exited) throw new Error(`mitmdump exited: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
    return canConnect(port);
  }, 20000, 100);
  return {
    port,
    async stop() {
      if (!exited) proc.kill('SIGINT');
      await waitFor('mitmdump to exit', () => exited, 10000).catch(() => { proc.kill('SIGKILL'); });
      fs.rmSync(confdir, { recursive: true, force: true });
      if (!fs.existsSync(harPath)) throw new Error(`mitmdump wrote no HAR (${stderr.trim().split('\n').slice(-3).join(' | ')})`);
      return JSON.parse(fs.readFileSync(harPath, 'utf8'));
    },
  };
}

/** mitmproxy in front of Chromium: a proxy and a browser per group, so each HAR holds that group only. */
async function recordMitmproxy({ executable, zoo, groups, cases, outDir, say }) {
  const mitmdump = findMitmdump();
  if (!mitmdump) { say('mitmproxy: skipped: no mitmdump (apt-get install -y mitmproxy, or set MITMDUMP)'); return []; }
  if (!fs.existsSync(HAR_DUMP)) { say(`mitmproxy: skipped: no har_dump.py addon at ${HAR_DUMP} (set MITM_HAR_DUMP)`); return []; }
  const mitmVersion = execFileSync(mitmdump, ['--version'], { encoding: 'utf8' }).split('\n')[0];
  const files = [];
  const runTag = `mp${Date.now().toString(36)}`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lens-mitm-har-'));
  for (const group of groups) {
    const gcases = cases.filter((c) => c.group === group);
    const harPath = path.join(tmp, `${group}.har`);
    const proxy = await startMitmdump(mitmdump, harPath);
    let browser;
    try {
      // Chromium bypasses proxies for loopback unless the bypass list says <-loopback>.
      browser = await chromium.launch({ executablePath: executable, headless: true, args: [...CHROMIUM_ARGS, `--proxy-server=http://127.0.0.1:${proxy.port}`, '--proxy-bypass-list=<-loopback>'] });
      const version = await (await browser.newBrowserCDPSession()).send('Browser.getVersion');
      if (group === groups[0]) say(`mitmproxy: ${mitmVersion}, ${version.product}, proxy on 127.0.0.1:${proxy.port}`);
      const context = await browser.newContext();
      await context.addCookies([{ name: 'zoo_session', value: 'abc123', url: zoo.apiOrigin }]);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const watched = await watch(cdp);
      say(`group ${group}: ${gcases.length} cases`);
      const ran = await runGroup({ page, zoo, group, gcases, watched, runTag, say });
      await browser.close();
      browser = undefined;
      const har = await proxy.stop();
      files.push(write(outDir, 'mitmproxy', group, { ...fixtureOf({ producer: 'mitmproxy', version, zoo, group, ran, har, watched }), proxy: mitmVersion }, say));
    } finally {
      await browser?.close();
      await proxy.stop().catch(() => {});
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  return files;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const say = args.quiet ? () => {} : (/** @type {string} */ s) => console.error(s);
  const executable = findChromium();
  if (!executable) {
    console.error('No Chromium found: install one with apt-get install -y chromium (as root, after apt-get update) or set CORS_LENS_CHROMIUM to a Chromium executable.');
    process.exit(1);
  }
  const cases = selectCases(CASES, args.only);
  const wantGroups = args.groups ?? (args.only ? GROUPS : DEFAULT_GROUPS);
  const badGroups = wantGroups.filter((g) => !GROUPS.includes(g));
  if (badGroups.length) { console.error(`unknown group(s): ${badGroups.join(', ')}; the zoo has ${GROUPS.join(', ')}`); process.exit(1); }
  const groups = wantGroups.filter((g) => cases.some((c) => c.group === g));
  const outDir = path.resolve(args.out ?? (args.only ? path.join(os.tmpdir(), 'cors-lens-producers-only') : path.join(root, 'test/fixtures/producers')));
  const started = Date.now();
  const zoo = await startZoo();
  say(`zoo: page ${zoo.pageOrigin}, api ${zoo.apiOrigin}, third ${zoo.thirdOrigin}; ${cases.length} cases, groups ${groups.join(', ')}`);
  const files = [];
  try {
    if (args.producers.includes('playwright') || args.producers.includes('chrome-har')) {
      files.push(...await recordPlaywrightAndChromeHar({ executable, zoo, groups, cases, outDir, want: args.producers, say }));
    }
    if (args.producers.includes('mitmproxy')) files.push(...await recordMitmproxy({ executable, zoo, groups, cases, outDir, say }));
  } finally {
    await zoo.close();
  }
  const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
  console.log(`${files.length} fixture file(s) in ${outDir}, ${(bytes / 1e6).toFixed(2)} MB; ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  console.error(`record-producers: ${e?.stack ?? e}`);
  process.exit(1);
});
