#!/usr/bin/env node
// Firefox against Chrome, case by case: test/fixtures/firefox/<group>.json (scripts/record-firefox.mjs) beside
// test/fixtures/chromium/<group>.json (scripts/record-fixtures.mjs). Prints Markdown: the per-case table, the
// Chrome code → Firefox key mapping actually observed, the cases where the two disagree, and Firefox's wording
// and documentation link per key. With --write, replaces the part of test/fixtures/firefox/README.md between
// `<!-- compare:begin -->` and `<!-- compare:end -->`.
//
// Usage: node scripts/compare-firefox.mjs [--write] [--firefox dir] [--chromium dir]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASES } from '../test/zoo/server.mjs';
import { findFirefox } from './lib/bidi-recorder.mjs';
import { findOmniJa, loadCorsDocLinks, loadCorsMessages } from './lib/firefox-locale.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const ffDir = path.resolve(opt('--firefox', path.join(root, 'test/fixtures/firefox')));
const chDir = path.resolve(opt('--chromium', path.join(root, 'test/fixtures/chromium')));

/** The Firefox key(s) that correspond to a Chrome code: the same check. */
const SAME_CHECK = {
  MissingAllowOriginHeader: ['CORSMissingAllowOrigin2'],
  AllowOriginMismatch: ['CORSAllowOriginNotMatchingOrigin'],
  InvalidAllowOriginValue: ['CORSAllowOriginNotMatchingOrigin'],
  WildcardOriginNotAllowed: ['CORSNotSupportingCredentials'],
  MultipleAllowOriginValues: ['CORSMultipleAllowOriginNotAllowed'],
  InvalidAllowCredentials: ['CORSMissingAllowCredentials'],
  PreflightInvalidStatus: ['CORSPreflightDidNotSucceed3'],
  MethodDisallowedByPreflightResponse: ['CORSMethodNotFound'],
  HeaderDisallowedByPreflightResponse: ['CORSMissingAllowHeaderFromPreflight2'],
  InvalidAllowMethodsPreflightResponse: ['CORSInvalidAllowMethod'],
  InvalidAllowHeadersPreflightResponse: ['CORSInvalidAllowHeader'],
  PreflightDisallowedRedirect: ['CORSExternalRedirectNotAllowed'],
  CorsDisabledScheme: ['CORSRequestNotHttp', 'CORSDisabled'],
};
/** Chrome codes decided on the preflight. */
const chromeStage = (code) => (/^Preflight|ByPreflightResponse$|PreflightResponse$/.test(code) ? 'preflight' : 'response');
const baseCode = (code) => (code.startsWith('Preflight') && !['PreflightInvalidStatus', 'PreflightDisallowedRedirect'].includes(code) ? code.slice('Preflight'.length) : code);

const load = (dir, g) => JSON.parse(fs.readFileSync(path.join(dir, `${g}.json`), 'utf8'));
const groups = fs.readdirSync(ffDir).filter((f) => f.endsWith('.json') && f !== 'summary.json').map((f) => f.slice(0, -5))
  .sort((a, b) => CASES.findIndex((c) => c.group === a) - CASES.findIndex((c) => c.group === b));

/** Origins as {PAGE}, {API}, {THIRD}, {CLOSED}: ports differ per recording. */
const norm = (s, fx) => (s == null ? s : String(s).split(fx.pageOrigin).join('{PAGE}').split(fx.apiOrigin).join('{API}').split(fx.thirdOrigin).join('{THIRD}').split(fx.closedOrigin).join('{CLOSED}')
  .split(fx.pageOrigin.replace('http://', 'https://')).join('https://{PAGEHOST}').split(fx.pageOrigin.replace('127.0.0.1', 'localhost')).join('http://localhost:{PAGEPORT}')
  .split(fx.pageOrigin.replace('http://', 'HTTP://')).join('HTTP://{PAGEHOST}').split(fx.pageOrigin.replace('127.0.0.1', 'LOCALHOST')).join('http://LOCALHOST:{PAGEPORT}')
  .split(fx.pageOrigin.replace('http://', '')).join('{PAGEHOST}'));

/** One side's verdict on one request. */
function chromeVerdict(r, fx) {
  if (r.corsError) return { kind: 'cors', code: r.corsError, arg: norm(r.failedParameter, fx) || null, stage: chromeStage(r.corsError), text: `${r.corsError}${r.failedParameter ? ` (${norm(r.failedParameter, fx)})` : ''}` };
  if (r.outcome === 'failed') return { kind: 'failed', text: `failed: ${r.errorText || '""'}${r.blockedReason ? ` (blockedReason ${r.blockedReason})` : ''}` };
  return { kind: 'ok', text: r.outcome === 'response-only' ? 'allowed (no-cors)' : 'allowed' };
}
function firefoxVerdict(r, fx) {
  const warn = r.warnings.length ? ` ⚠ ${r.warnings.map((w) => w.key).join(', ')}` : '';
  if (r.reasons.length) {
    // Failed on the preflight: the request never got a response (BiDi fetchError) and a preflight to the URL
    // the message names failed. (Which preflight belongs to which of several identical requests is not known.)
    const preflightFailed = r.outcome === 'failed' && fx.preflights.some((p) => p.caseId === r.caseId && p.url === r.reasonUrl && p.outcome === 'failed');
    const shown = r.reasons.map((x) => `${x.key}${x.arg != null ? ` (${norm(x.arg, fx)})` : ''}`).join(' + ');
    const hop = r.reasonUrl && r.reasonUrl !== r.url ? ` at ${/\/c\/[^/]+\/(\w+)/.exec(r.reasonUrl)?.[1] ?? '?'}` : '';
    return { kind: 'cors', code: r.reasons[0].key, arg: norm(r.reasons[0].arg, fx), stage: preflightFailed ? 'preflight' : 'response', text: shown + hop + warn };
  }
  if (r.source === 'netmonitor') return { kind: 'not-sent', text: `not sent (Network Monitor only, blockedReason ${r.blockedReason})` };
  if (r.outcome === 'failed') return { kind: 'failed', text: `failed: ${r.errorText} (no console message)${warn}` };
  return { kind: 'ok', text: `allowed${warn}` };
}
/** What the page saw of each fetch or load. */
const pageSaw = (result) => (result ?? []).map((x) => (x.error ? 'error' : x.type === 'opaqueredirect' ? 'opaqueredirect' : x.status !== undefined ? String(x.status) : x.loaded ? 'loaded' : x.queued !== undefined ? 'queued' : x.message !== undefined ? 'message' : x.imported !== undefined ? 'imported' : 'done')).join(', ');

const rows = [];
/** @type {Map<string, Map<string, number>>} Chrome code → Firefox key → requests */
const mapping = new Map();
const disagreements = [];
const keysSeen = new Map();
for (const g of groups) {
  const ff = load(ffDir, g);
  let ch;
  try { ch = load(chDir, g); } catch { continue; }
  for (const c of ff.cases) {
    const chCase = ch.cases.find((x) => x.id === c.id);
    const cr = ch.chrome.filter((r) => r.caseId === c.id).map((r) => chromeVerdict(r, ch));
    const fr = ff.firefox.filter((r) => r.caseId === c.id).map((r) => firefoxVerdict(r, ff));
    // BiDi reports a request that failed for a reason other than CORS (redirect: 'error', a dropped response) as
    // completed: what the page saw tells, when its fetches line up with the requests.
    const spec0 = CASES.find((x) => x.id === c.id);
    if (!spec0?.concurrent && fr.length === (c.result ?? []).length) fr.forEach((v, i) => { if (v.kind === 'ok' && c.result[i]?.error) Object.assign(v, { kind: 'failed', text: `failed (the page saw an error; no console message)${v.text.replace(/^allowed/, '')}` }); });
    for (const r of ff.firefox.filter((x) => x.caseId === c.id)) for (const k of [...r.reasons, ...r.warnings]) keysSeen.set(k.key, (keysSeen.get(k.key) ?? 0) + 1);
    const spec = CASES.find((x) => x.id === c.id);
    // Requests that reached the network, paired in order (a concurrent case: sorted, its order is the network's).
    const sent = fr.filter((v) => v.kind !== 'not-sent');
    const sortKey = (v) => `${v.kind}|${v.code ?? ''}|${v.text}`;
    const [a, b] = spec?.concurrent ? [[...cr].sort((x, y) => sortKey(x).localeCompare(sortKey(y))), [...sent].sort((x, y) => sortKey(x).localeCompare(sortKey(y)))] : [cr, sent];
    const notes = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const x = a[i], y = b[i];
      if (!x || !y) { notes.push(`request ${i + 1}: ${x ? 'Chrome only' : 'Firefox only'}`); continue; }
      if (x.kind === 'cors' && y.kind === 'cors') {
        const m = mapping.get(x.code) ?? new Map();
        const fkey = `${y.code}${y.stage !== x.stage ? ` (on the ${y.stage})` : ''}`;
        m.set(fkey, (m.get(fkey) ?? 0) + 1);
        mapping.set(x.code, m);
        const same = SAME_CHECK[baseCode(x.code)]?.includes(y.code);
        if (!same) notes.push(`different check: Chrome ${x.code}, Firefox ${y.code}`);
        else if (x.stage !== y.stage) notes.push(`Chrome fails the ${x.stage}, Firefox the ${y.stage}`);
        else if (/Header|Method/.test(x.code) && x.arg && y.arg && x.arg.toLowerCase() !== y.arg.toLowerCase()) notes.push(`names ${x.arg} (Chrome) / ${y.arg} (Firefox)`);
      } else if (x.kind === 'cors' || y.kind === 'cors') {
        const m = mapping.get(x.kind === 'cors' ? x.code : `(${x.text})`) ?? new Map();
        const fkey = y.kind === 'cors' ? y.code : `(${y.kind === 'ok' ? 'allowed' : y.text})`;
        m.set(fkey, (m.get(fkey) ?? 0) + 1);
        mapping.set(x.kind === 'cors' ? x.code : `(${x.text})`, m);
        if (x.kind === 'cors') notes.push(`Chrome blocks (CORS), Firefox ${y.kind === 'ok' ? 'allows' : 'fails without a CORS message'}`);
        else if (x.kind === 'ok') notes.push('Firefox blocks (CORS), Chrome allows');
        else notes.push(`both fail: Chrome with a network error, Firefox logs ${y.code}${y.code === 'CORSDidNotSucceed2' ? ' (its network-failure message)' : ''}`);
      } else if (x.kind !== y.kind) notes.push(`not CORS: Chrome ${x.kind === 'ok' ? 'allowed' : x.text}, Firefox ${y.kind === 'ok' ? 'allowed' : y.text}`);
    }
    const chPage = pageSaw(chCase?.result), ffPage = pageSaw(c.result);
    if (chPage !== ffPage) notes.push(`the page saw ${chPage || 'nothing'} (Chrome) / ${ffPage || 'nothing'} (Firefox)`);
    // The wire: preflights and Origin per hop, when the two browsers sent different requests.
    const wire = (o) => o.server.filter((s) => s.url.includes(`/c/${c.id}/`)).map((s) => `${s.method === 'OPTIONS' && s.acrm ? 'preflight' : s.method} ${/\/c\/[^/]+\/(\w+)/.exec(s.url)?.[1]}${s.origin === 'null' ? ' (Origin null)' : s.origin ? '' : ' (no Origin)'}`).join('\n')
      .split('\n').reduce((acc, x) => { const last = acc.at(-1); if (last && last[0] === x) last[1]++; else acc.push([x, 1]); return acc; }, /** @type {[string, number][]} */ ([]))
      .map(([x, n]) => (n > 1 ? `${x} ×${n}` : x)).join(', ');
    const [cw, fw] = spec?.concurrent ? [wire(ch).split(', ').sort().join(', '), wire(ff).split(', ').sort().join(', ')] : [wire(ch), wire(ff)];
    if (cw !== fw) notes.push(`sent: ${cw} (Chrome) / ${fw} (Firefox)`);
    const row = { group: g, id: c.id, chrome: cr.map((v) => v.text).join('; ') || '(no request)', firefox: fr.map((v) => v.text).join('; ') || '(no request)', notes, concurrent: !!spec?.concurrent };
    rows.push(row);
    // (b): a CORS verdict on one side only, a different check, stage or header, different preflights or Origin
    // headers, or pages that saw different things; not: network failures both sides report without a CORS error.
    if (notes.some((n) => !n.startsWith('not CORS:') && (!n.startsWith('sent:') || /preflight|Origin/.test(n)))) disagreements.push(row);
  }
}

const esc = (s) => String(s).replace(/\|/g, '\\|');
const out = [];
out.push('### Every case: Chrome and Firefox', '');
out.push('Per request, in the order the page made them (a concurrent case sorted: its order is the network\'s). Chrome: `corsError (failedParameter)` or the network error; Firefox: the console reason key(s) `(argument)` in order, "at b" when the message names a later hop, ⚠ a CORS warning. Origins as `{PAGE}`, `{API}`, `{THIRD}`.', '');
out.push('| group | case | Chrome | Firefox | differences |', '|---|---|---|---|---|');
for (const r of rows) out.push(`| ${r.group} | \`${r.id}\`${r.concurrent ? ' (concurrent)' : ''} | ${esc(r.chrome)} | ${esc(r.firefox)} | ${esc(r.notes.join('; '))} |`);
out.push('', '### (a) Chrome code → Firefox key, as observed', '');
out.push('Requests blocked by both (and, in parentheses, what the other side did when only one reported a CORS error). "(on the preflight)" / "(on the response)": Firefox failed at the other stage than Chrome.', '');
out.push('| Chrome | Firefox (requests) |', '|---|---|');
for (const [code, m] of [...mapping].sort((x, y) => x[0].localeCompare(y[0]))) out.push(`| ${esc(code)} | ${esc([...m].sort((x, y) => y[1] - x[1]).map(([k, n]) => `${k} ×${n}`).join(', '))} |`);
out.push('', '### (b) Where they disagree', '');
out.push('Every case where one blocks and the other does not, they fail on a different check or stage, name a different header, or send different requests (preflights, Origin); the recorded facts, no engine verdict.', '');
out.push('| case | Chrome | Firefox | difference |', '|---|---|---|---|');
for (const r of disagreements) out.push(`| \`${r.id}\` | ${esc(r.chrome)} | ${esc(r.firefox)} | ${esc(r.notes.join('; '))} |`);
const exe = findFirefox();
const omni = exe && findOmniJa(exe);
if (omni) {
  const { messages } = loadCorsMessages(omni);
  const links = loadCorsDocLinks(path.join(path.dirname(omni), 'browser/omni.ja'));
  out.push('', '### (c) Firefox\'s wording and documentation link per key', '');
  out.push(`From the installed Firefox: \`security.properties\` in \`${omni}\` (\`%1$S\` the URL, \`%2$S\` the argument) and devtools' \`errordocs.js\` in \`browser/omni.ja\` (the web console's "Learn more" link; every link ends in \`?utm_source=devtools&utm_medium=firefox-cors-errors&utm_campaign=default\`). "Seen" counts the zoo requests that got the message.`, '');
  out.push('| key | seen | console text | MDN link |', '|---|---|---|---|');
  for (const [k, t] of Object.entries(messages)) out.push(`| \`${k}\` | ${keysSeen.get(k) ?? 0} | ${esc(t)} | ${links[k] ? links[k].replace(/\?.*$/, '') : '(none)'} |`);
}
const md = `${out.join('\n')}\n`;
if (argv.includes('--write')) {
  const readme = path.join(ffDir, 'README.md');
  const text = fs.readFileSync(readme, 'utf8');
  const a = text.indexOf('<!-- compare:begin -->'), b = text.indexOf('<!-- compare:end -->');
  if (a < 0 || b < a) throw new Error(`${readme} has no <!-- compare:begin --> … <!-- compare:end --> section`);
  fs.writeFileSync(readme, `${text.slice(0, a)}<!-- compare:begin -->\n<!-- written by node scripts/compare-firefox.mjs --write -->\n\n${md}\n${text.slice(b)}`);
  console.error(`wrote ${readme}`);
} else process.stdout.write(md);
