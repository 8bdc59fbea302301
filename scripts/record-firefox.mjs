#!/usr/bin/env node
// Record the zoo in Firefox: the Firefox counterpart of scripts/record-fixtures.mjs. Firefox (ESR 153 from
// Debian) runs headless with a fresh profile, DevTools open (--devtools) and the Firefox add-on (dist/firefox)
// installed as a temporary add-on; it is driven over WebDriver BiDi with no driver
// (scripts/lib/bidi-recorder.mjs). For each zoo group we write test/fixtures/firefox/<group>.json holding
//   - the HAR as the extension sees it: browser.devtools.network.getHAR() called in the extension's devtools
//     page (scripts/lib/firefox-devtools.mjs), and the entries its onRequestFinished listener received, and
//   - Firefox's own verdict per request: the CORS console errors (BiDi log.entryAdded) mapped back to their
//     reason key and argument through the CORS strings of security.properties in the installed Firefox's
//     omni.ja (scripts/lib/firefox-locale.mjs), checked against the key Firefox itself files them under
//     (Services.console category), plus CORS warnings, and the Network Monitor's blockedReason per request.
// With --panel, the CORS panel is shown (Preserve log and Not CORS ticked, cleared before each group) and each
// fixture also holds the panel's rows for the group (data-verdict, data-code, data-reason, data-method,
// data-url): the panel's verdicts, built from the live events, to compare with Firefox's own.
// Schema: test/fixtures/firefox/README.md.
//
// Usage: node scripts/record-firefox.mjs [--only id,id,...] [--out dir] [--quiet] [--panel]
// (npm run record-fixtures -- --firefox builds the extension first and calls this). Exit 1 when Firefox
// cannot be driven.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASES, GROUPS, startZoo } from '../test/zoo/server.mjs';
import { connectBidi, findFirefox, launchFirefox } from './lib/bidi-recorder.mjs';
import { caseOf, selectCases } from './lib/case-of.mjs';
import { attachDevtoolsPage } from './lib/firefox-devtools.mjs';
import { chromeWindowOf, toolboxDriver } from './lib/firefox-toolbox.mjs';
import { waitFor } from './lib/chromium.mjs';
import { findOmniJa, loadCorsMessages } from './lib/firefox-locale.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @param {string[]} argv */
function parseArgs(argv) {
  const o = { only: /** @type {string[] | null} */ (null), out: /** @type {string | null} */ (null), quiet: false, panel: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => { const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]; if (!v) throw new Error(`${a} needs a value`); return v; };
    if (a.startsWith('--only')) o.only = val().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a.startsWith('--out')) o.out = val();
    else if (a === '--quiet') o.quiet = true;
    else if (a === '--panel') o.panel = true;
    else if (a === '--help' || a === '-h') { console.log('node scripts/record-firefox.mjs [--only id,id] [--out dir] [--quiet] [--panel]'); process.exit(0); }
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

/** How long a case's requests may take to end after its fetch() calls settled. */
const CASE_WAIT_MS = 4000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `fn` until it returns something truthy twice in a row `settle` ms apart (a redirect's next hop or a
 * preflight's request may start right after everything looked finished).
 * @template T @param {string} what @param {() => Promise<T> | T} fn @param {number} timeoutMs
 * @returns {Promise<T>}
 */
async function waitStable(what, fn, timeoutMs, interval = 50, settle = 150) {
  const end = Date.now() + timeoutMs;
  let since = 0;
  for (;;) {
    const v = await fn();
    if (v) {
      if (!since) since = Date.now();
      else if (Date.now() - since >= settle) return v;
    } else since = 0;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(interval);
  }
}

/** The URL without user:pass@ (Firefox's console prints URLs without credentials; BiDi keeps them). */
const bare = (/** @type {string} */ u) => { try { const x = new URL(u); x.username = ''; x.password = ''; return x.href; } catch { return u; } };

/**
 * The panel's rows for a group, once they agree with the engine on the finished getHAR(): entries reach the
 * panel one by one (and requests blocked at their preflight only from a later read of the log), and a partial
 * chain already makes a row, so a row count says nothing about being done. Recorded as they are if they never
 * agree: they are compared with Firefox, not with the engine.
 * @param {ReturnType<typeof toolboxDriver>} ui @param {any} engine @param {any} har
 * @param {(url: string) => boolean} ofGroup @param {string} group @param {(s: string) => void} say
 */
async function readPanel(ui, engine, har, ofGroup, group, say) {
  const keyOf = (method, url, verdict, code) => `${method} ${url} ${verdict === 'blocked' ? `blocked ${code}` : verdict}`;
  const want = engine.analyseHar({ log: har }).exchanges
    .filter((x) => ofGroup(x.url))
    .map((x) => keyOf(x.method, x.url, x.evaluation.verdict, x.evaluation.error?.code ?? ''))
    .sort().join('\n');
  const read = async () => (await ui.inPanel(`[...document.querySelectorAll('.rows .row')].map((e) => ({ verdict: e.dataset.verdict ?? '', code: e.dataset.code ?? '', reason: e.dataset.reason ?? '', method: e.dataset.method ?? '', url: e.dataset.url ?? '' }))`))
    .filter((r) => ofGroup(r.url));
  return waitFor(`the panel to show the exchanges of group ${group}`, async () => {
    const rows = await read();
    return rows.map((r) => keyOf(r.method, r.url, r.verdict, r.code)).sort().join('\n') === want && rows;
  }, 15000, 100).catch(async (e) => { say(`  warning: ${e.message}`); return read(); });
}

/**
 * After a case with a preflight, the panel may still have to read the log for a request Firefox did not report
 * (panel/missed-requests.ts), and Firefox records nothing the page starts while the panel reads. The next case
 * waits until the panel lists this one's requests and has nothing left to read, so no read cuts into it.
 * @param {ReturnType<typeof toolboxDriver>} ui @param {any[]} requests BiDi's, of the case @param {string} nonce
 * @param {(s: string) => void} say
 */
async function panelSettled(ui, requests, nonce, say) {
  if (!requests.some((r) => r.preflight)) return;
  const want = requests.filter((r) => !r.preflight).length;
  await waitFor(`the panel to settle after the requests with n=${nonce}`, async () => {
    const s = await ui.inPanel(`({ rows: [...document.querySelectorAll('.rows .row')].filter((e) => (e.dataset.url ?? '').endsWith('n=' + ${JSON.stringify(nonce)})).length, backfill: document.documentElement.dataset.backfill ?? 'idle' })`);
    return s.rows >= want && s.backfill === 'idle';
  }, 5000, 50).catch((e) => say(`  warning: ${e.message}`));
}

/** @param {string[]} argv */
export async function main(argv = process.argv.slice(2)) {
  const args = parseArgs(argv);
  const say = args.quiet ? () => {} : (/** @type {string} */ s) => console.error(s);
  const executable = findFirefox();
  if (!executable) {
    console.error(process.env.CORS_LENS_FIREFOX
      ? `CORS_LENS_FIREFOX=${process.env.CORS_LENS_FIREFOX} does not exist: point it at a Firefox executable.`
      : 'No Firefox found: install one with apt-get install -y firefox-esr (as root, after apt-get update) or set CORS_LENS_FIREFOX.');
    process.exit(1);
  }
  const omniJa = findOmniJa(executable);
  if (!omniJa) { console.error(`No omni.ja next to ${executable}: cannot read Firefox's CORS messages.`); process.exit(1); }
  const cors = loadCorsMessages(omniJa);
  // The add-on as Firefox users install it; the code is the Chrome build's, the manifest Firefox's.
  const extensionDir = path.join(root, 'dist/firefox');
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    console.error(`No built extension at ${extensionDir}: run npm run build first (or npm run record-fixtures -- --firefox).`);
    process.exit(1);
  }
  const cases = selectCases(CASES, args.only);
  const outDir = path.resolve(args.out ?? (args.only ? path.join(os.tmpdir(), 'cors-lens-firefox-only') : path.join(root, 'test/fixtures/firefox')));
  fs.mkdirSync(outDir, { recursive: true });

  const started = Date.now();
  const zoo = await startZoo();
  say(`zoo: page ${zoo.pageOrigin}, api ${zoo.apiOrigin}, third ${zoo.thirdOrigin}; ${cases.length} cases`);
  /** @type {Awaited<ReturnType<typeof launchFirefox>> | undefined} */
  let ff;
  /** @type {import('./lib/bidi-recorder.mjs').Bidi | undefined} */
  let bidi;
  try {
    ff = await launchFirefox({ executable, args: ['--devtools', '--remote-allow-system-access'], log: say });
    bidi = await connectBidi(`${ff.wsUrl}/session`);
    const { capabilities } = await bidi.send('session.new', { capabilities: {} });
    const browserName = `Firefox/${capabilities.browserVersion}`;
    say(`browser: ${browserName} (build ${capabilities['moz:buildID']})`);

    // ---- Firefox's own view over BiDi: network events of the tab, and console errors ----
    /** @type {Map<string, any>} */
    const reqs = new Map();
    /** @type {{at: number, text: string, level: string}[]} */
    const logs = [];
    let seq = 0;
    const header = (h, name) => h?.find((x) => x.name.toLowerCase() === name)?.value?.value ?? null;
    bidi.on((method, p) => {
      if (method === 'log.entryAdded') { logs.push({ at: p.timestamp, text: p.text ?? '', level: p.level }); return; }
      if (!method.startsWith('network.')) return;
      const id = p.request?.request;
      if (!id) return;
      let r = reqs.get(id);
      if (method === 'network.beforeRequestSent') {
        if (r) {
          if (p.redirectCount > r.hops.length - 1) {
            r.redirects.push({ status: r.status, location: p.request.url });
            r.hops.push(p.request.url);
            r.hopMethods.push(p.request.method);
            r.finalUrl = p.request.url;
            r.outcome = null;
            r.endedAt = null;
          }
          return;
        }
        const cs = caseOf(p.request.url);
        const preflight = p.request.method === 'OPTIONS' && header(p.request.headers, 'access-control-request-method') !== null;
        reqs.set(id, {
          seq: seq++, requestId: id, url: p.request.url, finalUrl: p.request.url, hops: [p.request.url], hopMethods: [p.request.method], redirects: [],
          method: p.request.method, preflight, caseId: cs?.caseId ?? null, nonce: cs?.nonce ?? null,
          status: null, outcome: null, errorText: null, startedAt: p.timestamp, endedAt: null, initiatorType: p.initiator?.type ?? null,
          context: p.context ?? null,
        });
        return;
      }
      if (!r) return;
      if (method === 'network.responseStarted') r.status = p.response?.status ?? null;
      else if (method === 'network.responseCompleted') { r.status = p.response?.status ?? r.status; r.outcome = 'finished'; r.endedAt = p.timestamp; }
      else if (method === 'network.fetchError') { r.outcome = 'failed'; r.errorText = p.errorText ?? null; r.endedAt = p.timestamp; }
    });
    await bidi.send('session.subscribe', { events: ['log.entryAdded', 'network.beforeRequestSent', 'network.responseStarted', 'network.responseCompleted', 'network.fetchError'] });

    const { extension: extensionId } = await bidi.send('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });
    const devtools = await attachDevtoolsPage(bidi, extensionId);
    say(`extension ${extensionId}; devtools page ${devtools.pageUrl}`);
    const ui = args.panel ? toolboxDriver(bidi, await chromeWindowOf(bidi)) : null;
    if (ui) {
      await ui.waitForDevtoolsPage();
      await ui.showPanel();
      // Every group loads the page anew: keep the log (cleared per group below), and list every exchange.
      await ui.click('label[title="Keep exchanges across page loads"] input');
      await ui.click('label[title^="Same-origin"] input');
    }
    const engine = args.panel ? await import('../dist/cli/engine.mjs') : null;
    const { contexts } = await bidi.send('browsingContext.getTree', {});
    const tab = contexts[0].context;
    // A cookie for 127.0.0.1 (any port): credentialed requests to the API carry a Cookie header.
    await bidi.send('storage.setCookie', { cookie: { name: 'zoo_session', value: { type: 'string', value: 'abc123' }, domain: '127.0.0.1', path: '/' } });
    /** @param {string} fn @param {any[]} fnArgs */
    const inPage = async (fn, fnArgs = []) => {
      const r = await bidi.send('script.callFunction', { functionDeclaration: fn, arguments: fnArgs.map((v) => ({ type: 'string', value: String(v) })), target: { context: tab }, awaitPromise: true, resultOwnership: 'none' });
      if (r.type === 'exception') throw new Error(`in page: ${r.exceptionDetails?.text}`);
      return r.result?.value;
    };

    const runTag = Date.now().toString(36);
    /** @type {Record<string, any>} */
    const summary = {};
    const groups = GROUPS.filter((g) => cases.some((c) => c.group === g));
    const files = [];
    let categoryMismatches = 0;
    for (const group of groups) {
      const gcases = cases.filter((c) => c.group === group);
      const groupStart = Date.now();
      await devtools.clearFinished();
      await devtools.clearConsole();
      logs.length = 0;
      // A fresh page load per group: the Network Monitor (and so getHAR) starts over.
      const url = `${zoo.pageOrigin}/?group=${encodeURIComponent(group)}&run=${runTag}`;
      await waitStable(`the zoo page to load (${url})`, async () => {
        try { await bidi.send('browsingContext.navigate', { context: tab, url, wait: 'complete' }); } catch (e) { say(`  navigation retry: ${String(e).split('\n')[0]}`); return false; }
        return (await inPage('() => String(window.zooReady === true)')) === 'true';
      }, 30000, 100, 0);
      say(`group ${group}: ${gcases.length} cases`);
      // One group at a time in the panel, so its list stays short enough to be rendered whole.
      if (ui) await ui.click('button[aria-label="Clear"]');
      /** @type {{id: string, description: string, nonce: string, result: any, incomplete?: true}[]} */
      const ran = [];
      for (const c of gcases) {
        const nonce = `${runTag}-${CASES.indexOf(c)}`;
        const result = JSON.parse(await inPage('async (id, n) => JSON.stringify(await window.runCase(id, n))', [c.id, nonce]));
        // Done when BiDi has seen every URL the zoo served for this case and each request has ended. Some never
        // do: BiDi reports no request of a service worker, and no end for a request whose connection dropped
        // after its preflight (the page's fetch() has failed long before). Those are left after a few seconds and
        // the case says which.
        const state = () => {
          const rs = [...reqs.values()].filter((r) => r.nonce === nonce);
          const seen = new Set(rs.flatMap((r) => r.hops.map(bare)));
          const served = zoo.log.filter((l) => l.url.includes(`n=${nonce}`));
          return {
            few: served.length < (c.awaitServed ?? 0),
            unseen: served.filter((l) => ![...seen].some((h) => h.endsWith(l.url))).map((l) => `${l.method} ${l.url}`),
            pending: rs.filter((r) => !r.outcome).map((r) => `${r.method} ${r.finalUrl}`),
          };
        };
        let complete = true;
        await waitStable(`the requests of ${c.id} to end`, () => { const s = state(); return !s.few && !s.unseen.length && !s.pending.length; }, CASE_WAIT_MS)
          .catch(() => { complete = false; });
        const left = complete ? null : state();
        if (left) say(`  ${c.id}: ${left.unseen.length ? `never seen over BiDi: ${left.unseen.join(', ')}` : ''}${left.unseen.length && left.pending.length ? '; ' : ''}${left.pending.length ? `no end reported: ${left.pending.join(', ')}` : ''}`);
        ran.push({ id: c.id, description: c.description, nonce, result, ...(left ? { incomplete: true, unseen: left.unseen, pending: left.pending } : {}) });
        if (ui) await panelSettled(ui, [...reqs.values()].filter((r) => r.nonce === nonce), nonce, say);
      }
      const nonces = new Set(ran.map((r) => r.nonce));
      const mine = [...reqs.values()].filter((r) => nonces.has(r.nonce)).sort((a, b) => a.seq - b.seq);
      const ofGroup = (u) => { const cs = caseOf(u); return !!cs && nonces.has(cs.nonce); };

      // The HAR: DevTools builds its entries a little after the network events; wait until every hop is in and
      // onRequestFinished has stopped delivering.
      const httpHops = mine.reduce((n, r) => n + r.hops.filter((u) => /^https?:/.test(u)).length, 0);
      let har = null;
      let lastFinished = -1;
      try {
        har = await waitStable(`the HAR to hold the ${httpHops} entries of group ${group}`, async () => {
          const h = await devtools.getHAR();
          const have = h.entries.filter((e) => ofGroup(e.request.url)).length;
          const fin = (await devtools.finished()).length;
          const steady = fin === lastFinished;
          lastFinished = fin;
          return have >= httpHops && steady && h;
        }, 15000, 250, 500);
      } catch (e) {
        say(`  warning: ${e.message}; writing what getHAR returns now`);
        har = await devtools.getHAR();
      }
      const panelRows = ui && engine && har ? await readPanel(ui, engine, har, ofGroup, group, say) : undefined;
      const finished = (await devtools.finished()).map((f) => f.entry);
      const netmonitor = (await devtools.netmonitor()).filter((r) => ofGroup(r.url));
      const consoleMsgs = await devtools.console();

      // ---- console messages: BiDi's errors, keyed by matching security.properties, paired with the
      // Services.console copy (whose category is the key, and which also has the warnings) ----
      const groupLogs = logs.filter((l) => cors.match(l.text));
      const used = new Set();
      /** @type {any[]} */
      const messages = [];
      for (const m of consoleMsgs) {
        const hit = cors.match(m.text);
        if (!hit) { say(`  warning: a CORS console message matches no security.properties string: ${m.text}`); continue; }
        if (hit.key !== m.category) { categoryMismatches++; say(`  warning: text says ${hit.key}, category ${m.category}`); }
        const li = groupLogs.findIndex((l, i) => !used.has(i) && l.text === m.text);
        if (li >= 0) used.add(li);
        messages.push({ key: hit.key, arg: hit.arg, url: hit.url, level: m.warning ? 'warning' : 'error', category: m.category, viaBidi: li >= 0, at: li >= 0 ? groupLogs[li].at : m.timeStamp, text: m.text });
      }
      // BiDi errors that Services.console did not report (not seen so far)
      groupLogs.forEach((l, i) => {
        if (used.has(i)) return;
        const hit = /** @type {{key: string, url: string | null, arg: string | null}} */ (cors.match(l.text));
        messages.push({ key: hit.key, arg: hit.arg, url: hit.url, level: 'error', category: null, viaBidi: true, at: l.at, text: l.text });
      });
      const groupMessages = messages.filter((m) => m.url && ofGroup(m.url)).sort((a, b) => a.at - b.at);

      // ---- the requests: BiDi's (preflights apart), and two kinds BiDi never reports: what the zoo served
      // without a BiDi event (a service worker's requests), and what the Network Monitor lists that never reached
      // the network (a fetch() Firefox rejected before sending it) ----
      const actual = mine.filter((r) => !r.preflight);
      const preflights = mine.filter((r) => r.preflight);
      for (const r of mine) { r.reasons = []; r.warnings = []; r.netmonitor = []; r.source = 'bidi'; }
      // The preflight a request waited for: the last request with that URL (hop) that started before it.
      for (const p of preflights) {
        const owner = actual.filter((r) => r.hops.includes(p.url) && r.startedAt <= p.startedAt).sort((a, b) => b.seq - a.seq)[0];
        p.forRequestId = owner?.requestId ?? null;
      }
      // The Network Monitor's records (one per hop, preflights apart), matched to BiDi hops by method and URL in order.
      /** @type {Map<string, any[]>} */
      const queue = new Map();
      for (const r of mine) r.hops.forEach((h, i) => { const k = `${r.hopMethods[i]} ${bare(h)}`; if (!queue.has(k)) queue.set(k, []); queue.get(k)?.push(r); });
      const synthetic = [];
      const blank = (o) => ({ seq: Infinity, requestId: null, finalUrl: o.url, hops: [o.url], hopMethods: [o.method], redirects: [], preflight: false, status: null, outcome: null, errorText: null, startedAt: null, endedAt: null, reasons: [], warnings: [], netmonitor: [], ...o });
      for (const n of netmonitor) {
        const r = queue.get(`${n.method} ${bare(n.url)}`)?.shift();
        const rec = { url: n.url, method: n.method, status: n.status ?? null, blockedReason: n.blockedReason || null };
        if (r) r.netmonitor.push(rec);
        else synthetic.push(blank({ source: 'netmonitor', requestId: `netmonitor:${n.id}`, url: n.url, method: n.method, caseId: caseOf(n.url)?.caseId ?? null, nonce: caseOf(n.url)?.nonce ?? null, netmonitor: [rec] }));
      }
      const originOf = { page: zoo.pageOrigin, api: zoo.apiOrigin, third: zoo.thirdOrigin };
      for (const c of ran) {
        for (const u of c.unseen ?? []) {
          const [method, rel] = u.split(' ');
          const l = zoo.log.find((x) => x.method === method && x.url === rel);
          if (!l || l.acrm) continue; // a preflight
          const url = `${originOf[l.server]}${rel}`;
          synthetic.push(blank({ source: 'server', requestId: `server:${method} ${url}`, url, method, caseId: c.id, nonce: c.nonce }));
        }
      }
      const records = [...actual, ...synthetic];
      const caseIndex = (r) => CASES.findIndex((c) => c.id === r.caseId);
      // What the page saw of each fetch() (error or not), when a case's BiDi requests line up with its fetch() calls.
      const norm = (m) => (/^(delete|get|head|options|post|put)$/i.test(m) ? m.toUpperCase() : m);
      for (const c of ran) {
        const spec = CASES.find((x) => x.id === c.id);
        if (!spec || spec.fetches.some((f) => 'kind' in f && f.kind !== 'fetch')) continue;
        const rs = actual.filter((r) => r.nonce === c.nonce);
        if (rs.length !== spec.fetches.length || rs.some((r, i) => r.method !== norm(/** @type {any} */ (spec.fetches[i]).method ?? 'GET'))) continue;
        rs.forEach((r, i) => { r.pageError = !!c.result[i]?.error; });
      }

      // ---- each console message to the request whose hops hold its URL. Several candidates (the same URL
      // fetched twice, or at once): a request without a reason yet, that the page saw fail, that ended closest to
      // the message; a trailing CORSDidNotSucceed2 goes with the failed request that has a reason but no
      // CORSDidNotSucceed2 yet. ----
      const end = (r) => r.endedAt ?? r.startedAt ?? 0;
      const byTime = (m) => (a, b) => Math.abs(end(a) - m.at) - Math.abs(end(b) - m.at) || a.seq - b.seq;
      const prefer = (list, ...filters) => { for (const f of filters) { const l = list.filter(f); if (l.length) return l; } return list; };
      for (const m of groupMessages) {
        const cands = records.filter((r) => r.hops.some((h) => bare(h) === bare(m.url)));
        if (!cands.length) { m.unattributed = true; continue; }
        let pool;
        if (m.level === 'warning') pool = cands;
        else if (m.key === 'CORSDidNotSucceed2') {
          const trailing = cands.filter((r) => r.outcome === 'failed' && r.reasons.length && !r.reasons.some((x) => x.key === 'CORSDidNotSucceed2'));
          pool = trailing.length ? [trailing.sort((a, b) => a.reasons[0].at - b.reasons[0].at)[0]] : prefer(cands, (r) => !r.reasons.length && r.pageError !== false, (r) => !r.reasons.length);
        } else pool = prefer(cands, (r) => !r.reasons.length && r.pageError === true, (r) => !r.reasons.length && r.pageError !== false, (r) => !r.reasons.length);
        const best = [...pool].sort(byTime(m))[0];
        const rec = { key: m.key, arg: m.arg, url: m.url, at: m.at, ...(cands.length > 1 ? { attributedBy: 'order' } : {}) };
        (m.level === 'warning' ? best.warnings : best.reasons).push(rec);
        m.requestId = best.requestId;
      }
      const strip = (r) => {
        const pf = preflights.filter((p) => p.forRequestId === r.requestId);
        const nm = r.netmonitor.map((n) => n.blockedReason).filter(Boolean);
        return {
          requestId: r.requestId, url: r.url, finalUrl: r.finalUrl, method: r.method, caseId: r.caseId,
          ...(r.source !== 'bidi' ? { source: r.source } : {}),
          outcome: r.source === 'bidi' ? r.outcome ?? 'pending' : null, errorText: r.errorText, status: r.status, hops: r.hops, redirects: r.redirects,
          blocked: r.reasons.length > 0,
          reason: r.reasons[0]?.key ?? null, reasonArg: r.reasons[0]?.arg ?? null, reasonUrl: r.reasons[0]?.url ?? null,
          reasons: r.reasons.map(({ at, ...x }) => x), warnings: r.warnings.map(({ at, ...x }) => x),
          blockedReason: nm[0] ?? null,
          preflights: pf.map((p) => ({ requestId: p.requestId, status: p.status, outcome: p.outcome ?? 'pending', errorText: p.errorText, blockedReason: p.netmonitor.map((n) => n.blockedReason).find(Boolean) ?? null })),
        };
      };
      const fixture = {
        browser: browserName, userAgent: capabilities.userAgent, buildID: capabilities['moz:buildID'], recordedAt: new Date().toISOString(),
        pageOrigin: zoo.pageOrigin, apiOrigin: zoo.apiOrigin, thirdOrigin: zoo.thirdOrigin, closedOrigin: zoo.closedOrigin,
        group, cases: ran, har,
        firefox: [...records].sort((a, b) => caseIndex(a) - caseIndex(b) || (a.seq === b.seq ? 0 : a.seq < b.seq ? -1 : 1)).map(strip),
        preflights: preflights.map((p) => ({
          requestId: p.requestId, url: p.url, method: p.method, caseId: p.caseId, forRequestId: p.forRequestId, outcome: p.outcome ?? 'pending',
          errorText: p.errorText, status: p.status, hops: p.hops, blockedReason: p.netmonitor.map((n) => n.blockedReason).find(Boolean) ?? null,
        })),
        console: groupMessages.map(({ text, ...m }) => ({ ...m, caseId: caseOf(m.url)?.caseId ?? null })),
        onRequestFinished: finished,
        ...(panelRows ? { panel: panelRows } : {}),
        netmonitor: netmonitor.map(({ startedMs, ...n }) => n),
        server: zoo.log.filter((l) => { const cs = caseOf(`http://x${l.url}`); return cs && nonces.has(cs.nonce); }).map(({ at, ...l }) => l),
      };
      const file = path.join(outDir, `${group}.json`);
      const text = `${JSON.stringify(fixture, null, 1)}\n`;
      fs.writeFileSync(file, text);
      files.push(file);
      for (const c of ran) {
        summary[c.id] = fixture.firefox.filter((r) => r.caseId === c.id).map((r) => ({ outcome: r.outcome, errorText: r.errorText, reasons: r.reasons.map((x) => x.key + (x.arg !== null ? ` (${x.arg})` : '')), warnings: r.warnings.map((x) => x.key) }));
      }
      const unattributed = groupMessages.filter((m) => m.unattributed).length;
      say(`  ${actual.length} requests, ${preflights.length} preflights, ${har.entries.filter((e) => ofGroup(e.request.url)).length} HAR entries (${httpHops} hops), ${finished.filter((e) => ofGroup(e.request.url)).length} onRequestFinished, ${groupMessages.length} console messages${unattributed ? ` (${unattributed} unattributed)` : ''}, ${(text.length / 1024).toFixed(0)} KiB, ${((Date.now() - groupStart) / 1000).toFixed(1)} s`);
    }
    fs.writeFileSync(path.join(outDir, 'summary.json'), `${JSON.stringify({ browser: browserName, recordedAt: new Date().toISOString(), cases: summary }, null, 1)}\n`);

    // ---- report ----
    const w = Math.max(...Object.keys(summary).map((k) => k.length));
    console.log(`${'case'.padEnd(w)}  Firefox`);
    const show = (v) => (v.reasons.length ? v.reasons.join(' + ') : v.outcome === 'failed' ? `failed ${v.errorText}` : v.outcome) + (v.warnings.length ? ` [warning ${v.warnings.join(', ')}]` : '');
    for (const [id, vs] of Object.entries(summary)) console.log(`${id.padEnd(w)}  ${vs.length ? vs.map(show).join('; ') : '(no request reached the network)'}`);
    if (categoryMismatches) console.log(`\n${categoryMismatches} console message(s) whose text-matched key differs from their category`);
    console.log(`\n${files.length} fixture file(s) in ${outDir}; ${cases.length} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    bidi?.close();
    await ff?.close();
    await zoo.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(`record-firefox: could not drive Firefox: ${e?.stack ?? e}`);
    process.exit(1);
  });
}
