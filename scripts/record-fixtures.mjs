#!/usr/bin/env node
// Record the differential-test ground truth: real Chromium runs every zoo case
// (test/zoo/server.mjs) from the page origin with the built extension loaded and DevTools open.
// For each group of cases we write test/fixtures/chromium/<group>.json holding
//   - the HAR exactly as the extension sees it (chrome.devtools.network.getHAR() evaluated in the
//     extension's devtools page frame), the engine's input, and
//   - Chrome's own verdict per request from the DevTools protocol (Network.loadingFailed
//     .corsErrorStatus, Audits.issueAdded), the expected answer: on the tab, and on the dedicated workers,
//     out-of-process frames and service workers it starts (attached over a second, flat-mode connection:
//     scripts/lib/cdp-raw.mjs), each record naming the target that reported it.
// Schema: test/fixtures/chromium/README.md.
//
// With --panel, the CORS panel is shown (Preserve log and Not CORS ticked) and each fixture also holds the
// panel's rows for the group (their data-verdict, data-code, data-method, data-url): the panel's verdicts,
// compared with Chrome's by test/e2e/live-differential.test.ts.
//
// With --policy <file>, the zoo runs in policy mode (test/zoo/policy-mode.mjs): its CORS lines are the server
// policy's in that JSON file instead of the cases' own. A policy names its origins, so --ports page,api,third
// gives the zoo the ports of the recording the policy was derived from.
//
// Usage: node scripts/record-fixtures.mjs [--only id,id,...] [--out dir] [--quiet] [--panel] [--policy file] [--ports p,a,t]
// (npm run record-fixtures builds the extension first). Exit 1 when Chromium cannot be driven.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASES, GROUPS, startZoo } from '../test/zoo/server.mjs';
import { browserWsUrl, connectCdp } from './lib/cdp-raw.mjs';
import { findChromium, launchWithDevtools, showPanel, waitFor } from './lib/chromium.mjs';
import { caseOf, selectCases } from './lib/case-of.mjs';
import { loadPolicyMode } from '../test/zoo/policy-mode.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const o = { only: /** @type {string[] | null} */ (null), out: /** @type {string | null} */ (null), quiet: false, panel: false, firefox: false, policy: /** @type {string | null} */ (null), ports: /** @type {number[] | null} */ (null) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => { const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]; if (!v) throw new Error(`${a} needs a value`); return v; };
    if (a.startsWith('--only')) o.only = val().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a.startsWith('--out')) o.out = val();
    else if (a.startsWith('--policy')) o.policy = val();
    else if (a.startsWith('--ports')) {
      o.ports = val().split(',').map(Number);
      if (o.ports.length !== 3 || !o.ports.every((n) => Number.isInteger(n) && n > 0 && n < 65536)) throw new Error('--ports takes three port numbers: page,api,third');
    }
    else if (a === '--quiet') o.quiet = true;
    else if (a === '--panel') o.panel = true;
    else if (a === '--firefox') o.firefox = true; // the same zoo in Firefox: scripts/record-firefox.mjs
    else if (a === '--help' || a === '-h') { console.log('node scripts/record-fixtures.mjs [--only id,id] [--out dir] [--quiet] [--panel] [--policy file] [--ports page,api,third]'); process.exit(0); }
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.firefox) return (await import('./record-firefox.mjs')).main(process.argv.slice(2).filter((a) => a !== '--firefox'));
  const say = args.quiet ? () => {} : (/** @type {string} */ s) => console.error(s);
  const executable = findChromium();
  if (!executable) {
    console.error(process.env.CORS_LENS_CHROMIUM
      ? `CORS_LENS_CHROMIUM=${process.env.CORS_LENS_CHROMIUM} does not exist: point it at a Chromium executable, or install one with apt-get install -y chromium (as root).`
      : 'No Chromium found: install one with apt-get install -y chromium (as root, after apt-get update) or set CORS_LENS_CHROMIUM to a Chromium executable.');
    process.exit(1);
  }
  const extensionDir = path.join(root, 'dist/extension');
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    console.error(`No built extension at ${extensionDir}: run npm run build first (or npm run record-fixtures).`);
    process.exit(1);
  }
  const cases = selectCases(CASES, args.only);
  const outDir = path.resolve(args.out ?? (args.only ? path.join(os.tmpdir(), 'cors-lens-fixtures-only') : path.join(root, 'test/fixtures/chromium')));
  fs.mkdirSync(outDir, { recursive: true });

  const started = Date.now();
  const answer = args.policy ? loadPolicyMode(args.policy) : undefined;
  const [pagePort, apiPort, thirdPort] = args.ports ?? [0, 0, 0];
  const zoo = await startZoo({ pagePort, apiPort, thirdPort, answer });
  say(`zoo${answer ? ` in policy mode (${args.policy})` : ''}: page ${zoo.pageOrigin}, api ${zoo.apiOrigin}, third ${zoo.thirdOrigin}; ${cases.length} cases`);
  /** @type {Awaited<ReturnType<typeof launchWithDevtools>> | undefined} */
  let s;
  /** @type {Awaited<ReturnType<typeof connectCdp>> | undefined} */
  let raw;
  try {
    s = await launchWithDevtools({ extensionDir, executable, log: say });
    const { browser, context, inspected, extFrame } = s;
    const bsession = await browser.newBrowserCDPSession();
    const version = await bsession.send('Browser.getVersion');
    say(`browser: ${version.product}`);
    const panel = args.panel ? await showPanel(s.devtools) : null;
    if (panel) {
      // Every group loads the page anew: keep the log, and list every exchange, CORS or not.
      await panel.getByLabel('Preserve log').check();
      await panel.getByText(/^Not CORS/).click();
    }
    const engine = args.panel ? await import('../dist/cli/engine.mjs') : null;

    // ---- Chrome's own view, over the DevTools protocol, on the inspected tab ----
    const cdp = await context.newCDPSession(inspected);
    /** @type {Map<string, any>} */
    const reqs = new Map();
    /** @type {any[]} */
    const issues = [];
    let seq = 0;
    // Network events of the inspected tab (target "page"), and of the targets it spawns (below).
    const onRequestWillBeSent = (e, target = 'page') => {
      const r = reqs.get(e.requestId);
      if (r && e.redirectResponse) {
        r.hops.push(e.request.url);
        r.redirects.push({ status: e.redirectResponse.status, location: e.request.url });
        r.finalUrl = e.request.url;
        return;
      }
      if (r) return; // a repeated event for the same id without a redirect: keep the first
      const cs = caseOf(e.request.url);
      reqs.set(e.requestId, {
        seq: seq++, requestId: e.requestId, url: e.request.url, finalUrl: e.request.url, hops: [e.request.url], redirects: [],
        method: e.request.method, initiatorType: e.initiator?.type ?? null, forRequestId: e.initiator?.type === 'preflight' ? e.initiator.requestId ?? null : null,
        caseId: cs?.caseId ?? null, nonce: cs?.nonce ?? null, status: null, outcome: null, errorText: null, corsError: null, failedParameter: null,
        target,
      });
    };
    const onResponseReceived = (e) => { const r = reqs.get(e.requestId); if (r) { r.status = e.response.status; r.responded = true; } };
    const onLoadingFinished = (e) => { const r = reqs.get(e.requestId); if (r && !r.outcome) r.outcome = 'finished'; };
    const onLoadingFailed = (e, target = 'page') => {
      const r = reqs.get(e.requestId);
      if (!r || r.outcome) return;
      r.outcome = 'failed';
      r.errorText = e.errorText ?? null;
      r.canceled = !!e.canceled;
      r.corsError = e.corsErrorStatus?.corsError ?? null;
      r.failedParameter = e.corsErrorStatus ? e.corsErrorStatus.failedParameter ?? '' : null;
      if (e.blockedReason) r.blockedReason = e.blockedReason;
      if (target !== r.target) r.failedOn = target;
    };
    const onIssue = (e) => issues.push({ receivedAt: Date.now(), ...e.issue });
    cdp.on('Network.requestWillBeSent', (e) => onRequestWillBeSent(e));
    cdp.on('Network.responseReceived', onResponseReceived);
    cdp.on('Network.loadingFinished', onLoadingFinished);
    cdp.on('Network.loadingFailed', (e) => onLoadingFailed(e));
    cdp.on('Audits.issueAdded', onIssue);
    await cdp.send('Network.enable');
    await cdp.send('Audits.enable');

    // ---- the targets the tab spawns: dedicated workers and out-of-process frames (auto-attached to the
    // tab) and service workers (auto-attached to the browser). Each is paused until its Network domain is on,
    // so no request is missed; their events go to the same table, marked with the target's type.
    raw = await connectCdp(browserWsUrl(s.userDataDir));
    /** @type {Map<string, string>} sessionId → target type */
    const childTargets = new Map();
    const { targetInfo: tabInfo } = await cdp.send('Target.getTargetInfo');
    const autoAttach = { autoAttach: true, waitForDebuggerOnStart: true, flatten: true };
    raw.on((method, params, sessionId) => {
      if (method === 'Target.attachedToTarget') {
        const child = params.sessionId;
        if (params.targetInfo.targetId === tabInfo.targetId) return; // the tab itself: its events come through cdp
        childTargets.set(child, params.targetInfo.type);
        // Sent in one go, not one after the other: a paused service worker answers nothing before it runs,
        // and a session handles its commands in order, so the Network domain is on before the first request.
        const warn = (e) => { if (!/closed|detached|not found/i.test(e.message)) say(`  warning: ${params.targetInfo.type} ${params.targetInfo.url}: ${e.message}`); };
        raw.send('Network.enable', {}, child).catch(warn);
        raw.send('Audits.enable', {}, child).catch(() => {});
        raw.send('Target.setAutoAttach', autoAttach, child).catch(() => {});
        if (params.waitingForDebugger) raw.send('Runtime.runIfWaitingForDebugger', {}, child).catch(() => {});
        return;
      }
      const target = sessionId && childTargets.get(sessionId);
      if (!target) return;
      if (method === 'Network.requestWillBeSent') onRequestWillBeSent(params, target);
      else if (method === 'Network.responseReceived') onResponseReceived(params);
      else if (method === 'Network.loadingFinished') onLoadingFinished(params);
      else if (method === 'Network.loadingFailed') onLoadingFailed(params, target);
      else if (method === 'Audits.issueAdded') onIssue(params);
    });
    const { sessionId: tabSession } = await raw.send('Target.attachToTarget', { targetId: tabInfo.targetId, flatten: true });
    await raw.send('Target.setAutoAttach', autoAttach, tabSession);
    await raw.send('Target.setAutoAttach', { ...autoAttach, filter: [{ type: 'service_worker' }] });
    // A cookie for 127.0.0.1 (any port): credentialed requests to the API carry a Cookie header.
    await cdp.send('Network.setCookie', { name: 'zoo_session', value: 'abc123', url: zoo.apiOrigin, path: '/' });

    const runTag = Date.now().toString(36);
    /** @type {Record<string, any>} */
    const summary = {};
    const groups = GROUPS.filter((g) => cases.some((c) => c.group === g));
    const files = [];
    for (const group of groups) {
      const gcases = cases.filter((c) => c.group === group);
      const groupStart = Date.now();
      // A fresh page load per group: DevTools' network log (and so getHAR) starts over, and
      // once-per-page deprecation issues are raised again.
      const url = `${zoo.pageOrigin}/?group=${encodeURIComponent(group)}&run=${runTag}`;
      await waitFor(`the zoo page to load (${url})`, async () => {
        try { await inspected.goto(url, { timeout: 8000, waitUntil: 'load' }); } catch (e) { say(`  navigation retry: ${String(e).split('\n')[0]}`); return false; }
        return inspected.evaluate(() => /** @type {any} */ (window).zooReady === true);
      }, 30000, 100);
      say(`group ${group}: ${gcases.length} cases`);
      // One group at a time in the panel, so its list stays short enough to be rendered whole.
      if (panel) await panel.getByRole('button', { name: 'Clear' }).click();
      /** @type {{id: string, description: string, nonce: string, result: any}[]} */
      const ran = [];
      for (const c of gcases) {
        const nonce = `${runTag}-${CASES.indexOf(c)}`;
        const result = await inspected.evaluate(([id, n]) => /** @type {any} */ (window).runCase(id, n), [c.id, nonce]);
        // Done when the protocol has seen at least every request the zoo saw for this case and each has ended.
        // Done when the protocol has seen every URL the zoo served for this case and each request
        // has ended. (URLs, not hits: Chrome silently retries a request whose connection dropped.)
        let complete = true;
        const noCors = c.fetches.some((f) => f.mode === 'no-cors' || f.fetch?.mode === 'no-cors');
        await waitFor(`the requests of ${c.id} to end`, () => {
          const rs = [...reqs.values()].filter((r) => r.nonce === nonce);
          const seen = new Set(rs.flatMap((r) => r.hops));
          const served = zoo.log.filter((l) => l.url.includes(`n=${nonce}`));
          if (served.length < (c.awaitServed ?? 0)) return false;
          // A no-cors response whose (opaque) body the page cannot read gets neither loadingFinished
          // nor loadingFailed while the page lives: a response is as far as it goes.
          const ended = (r) => r.outcome || (noCors && r.responded);
          return served.every((l) => [...seen].some((h) => h.endsWith(l.url))) && rs.every(ended);
        }, 15000).catch((e) => { complete = false; say(`  warning: ${e.message}`); });
        ran.push({ id: c.id, description: c.description, nonce, result, ...(complete ? {} : { incomplete: true }) });
      }
      const nonces = new Set(ran.map((r) => r.nonce));
      const mine = [...reqs.values()].filter((r) => nonces.has(r.nonce)).sort((a, b) => a.seq - b.seq);
      // DevTools makes one HAR entry per HTTP hop; a redirect to another scheme (ftp:, data:,
      // javascript:) shows up as a protocol hop but never as an entry.
      const httpHops = (r) => r.hops.filter((u) => /^https?:/.test(u));
      const wantHar = mine.reduce((n, r) => n + httpHops(r).length, 0);
      // DevTools builds its entries a little after the protocol events: wait until every hop is in.
      let har = null;
      /** @type {string[]} */
      let lastMissing = [];
      try {
        har = await waitFor(`the HAR to hold the ${wantHar} entries of group ${group}`, async () => {
          const h = await extFrame.evaluate(() => new Promise((r) => /** @type {any} */ (globalThis).chrome.devtools.network.getHAR(r)));
          const have = h.entries.filter((e) => { const cs = caseOf(e.request.url); return cs && nonces.has(cs.nonce); });
          lastMissing = mine.flatMap((r) => httpHops(r).filter((u) => !have.some((e) => e.request.url === u)).map((u) => `${r.caseId}: ${r.method} ${u}`));
          return have.length >= wantHar && h;
        }, 15000, 200);
      } catch (e) {
        say(`  warning: ${e.message}; writing what getHAR returns now (hops without a HAR entry: ${lastMissing.join(', ') || 'none; the count differs'})`);
        har = await extFrame.evaluate(() => new Promise((r) => /** @type {any} */ (globalThis).chrome.devtools.network.getHAR(r)));
      }
      const strip = (r) => ({
        requestId: r.requestId, url: r.url, finalUrl: r.finalUrl, method: r.method, caseId: r.caseId,
        outcome: r.outcome ?? (r.responded ? 'response-only' : 'pending'), errorText: r.errorText, corsError: r.corsError, failedParameter: r.failedParameter,
        status: r.status, hops: r.hops, redirects: r.redirects, initiatorType: r.initiatorType,
        ...(r.blockedReason ? { blockedReason: r.blockedReason } : {}),
        // Requests of workers and out-of-process frames are reported on their own targets.
        ...(r.target !== 'page' ? { target: r.target } : {}),
        ...(r.failedOn ? { failedOn: r.failedOn } : {}),
      });
      /** @type {{verdict: string, code: string, method: string, url: string}[] | undefined} */
      let panelRows;
      if (panel && engine && har) {
        const ofGroup = (url) => { const cs = caseOf(url); return !!cs && nonces.has(cs.nonce); };
        // Entries reach the panel one by one, and a partial chain already makes a row (a redirect without its
        // next hop, a preflight without its request), so a row count says nothing about being done. Wait until
        // the panel agrees with the engine on the finished getHAR() (method, URL, verdict, code), and record the
        // rows as they are if it never does: they are compared with Chrome, not with the engine. No-cors
        // requests are left out: the page never reads their opaque body, so they never reach onRequestFinished.
        const keyOf = (method, url, verdict, code) => `${method} ${url} ${verdict === 'blocked' ? `blocked ${code}` : 'not blocked'}`;
        const want = engine.analyseHar(har).exchanges
          .filter((x) => ofGroup(x.url) && x.evaluation.verdict !== 'not-cors')
          .map((x) => keyOf(x.method, x.url, x.evaluation.verdict, x.evaluation.error?.code ?? ''))
          .sort().join('\n');
        const read = () => panel.locator('.rows .row').evaluateAll((els) => els.map((e) => ({ verdict: e.dataset.verdict ?? '', code: e.dataset.code ?? '', method: e.dataset.method ?? '', url: e.dataset.url ?? '' })));
        panelRows = await waitFor(`the panel to show the exchanges of group ${group}`, async () => {
          const rows = (await read()).filter((r) => ofGroup(r.url));
          const got = rows.filter((r) => r.verdict !== 'not-cors').map((r) => keyOf(r.method, r.url, r.verdict, r.code)).sort().join('\n');
          return got === want && rows;
        }, 15000, 100).catch(async (e) => { say(`  warning: ${e.message}`); return (await read()).filter((r) => ofGroup(r.url)); });
      }
      const actual = mine.filter((r) => r.initiatorType !== 'preflight');
      const preflights = mine.filter((r) => r.initiatorType === 'preflight').map((r) => ({ ...strip(r), forRequestId: r.forRequestId }));
      const groupIssues = issues.filter((i) => i.receivedAt >= groupStart).map(({ receivedAt, ...i }) => {
        const u = i.details?.corsIssueDetails?.request?.url;
        const cs = u && caseOf(u);
        return { ...i, caseId: cs && nonces.has(cs.nonce) ? cs.caseId : null };
      });
      issues.length = 0;
      const fixture = {
        browser: version.product, userAgent: version.userAgent, recordedAt: new Date().toISOString(),
        pageOrigin: zoo.pageOrigin, apiOrigin: zoo.apiOrigin, thirdOrigin: zoo.thirdOrigin, closedOrigin: zoo.closedOrigin,
        ...(args.policy ? { serverMode: 'policy' } : {}),
        group, cases: ran, har, chrome: actual.map(strip), preflights, issues: groupIssues, ...(panelRows ? { panel: panelRows } : {}),
        server: zoo.log.filter((l) => { const cs = caseOf(`http://x${l.url}`); return cs && nonces.has(cs.nonce); }).map(({ at, ...l }) => l),
      };
      const file = path.join(outDir, `${group}.json`);
      const text = `${JSON.stringify(fixture, null, 1)}\n`;
      fs.writeFileSync(file, text);
      files.push(file);
      if (text.length > 1e6) say(`  warning: ${path.basename(file)} is ${(text.length / 1e6).toFixed(2)} MB`);
      for (const c of ran) {
        summary[c.id] = actual.filter((r) => r.caseId === c.id).map((r) => ({ outcome: strip(r).outcome, errorText: r.errorText, corsError: r.corsError, failedParameter: r.failedParameter }));
      }
      say(`  ${actual.length} requests, ${preflights.length} preflights, ${har.entries.length} HAR entries (${wantHar} expected), ${groupIssues.length} issues, ${(text.length / 1024).toFixed(0)} KiB`);
    }
    fs.writeFileSync(path.join(outDir, 'summary.json'), `${JSON.stringify({ browser: version.product, recordedAt: new Date().toISOString(), cases: summary }, null, 1)}\n`);

    // ---- report ----
    const verdict = (v) => (v.corsError ? `${v.corsError}${v.failedParameter ? ` (${v.failedParameter})` : v.failedParameter === '' ? ' ("")' : ''}` : v.outcome === 'failed' ? v.errorText : v.outcome ?? 'pending');
    const w = Math.max(...Object.keys(summary).map((k) => k.length));
    console.log(`${'case'.padEnd(w)}  Chrome`);
    for (const [id, vs] of Object.entries(summary)) console.log(`${id.padEnd(w)}  ${vs.length ? vs.map(verdict).join('; ') : '(no request reached the network)'}`);
    /** @type {Record<string, number>} */
    const counts = {};
    for (const vs of Object.values(summary)) for (const v of vs) { const k = v.corsError ?? (v.outcome === 'failed' ? `(no CORS error) ${v.errorText || '""'}` : `(${v.outcome})`); counts[k] = (counts[k] ?? 0) + 1; }
    console.log('\nChrome verdicts observed (requests):');
    for (const [k, n] of Object.entries(counts).sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${k}`);
    console.log(`\n${files.length} fixture file(s) in ${outDir}; ${cases.length} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    raw?.close();
    await s?.close();
    await zoo.close();
  }
}

main().catch((e) => {
  console.error(`record-fixtures: could not drive Chromium: ${e?.stack ?? e}`);
  process.exit(1);
});
