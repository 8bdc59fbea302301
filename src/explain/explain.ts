/**
 * Verdict → explanation: what was blocked, on which response, which header had which value, the line to send
 * instead, and why it happened in the user's terms. The headline comes from the code's words (code-words.ts),
 * the reasons from the cause rules (rules/), the caveats from what the capture could not show (caveats.ts).
 * Text only: no HTML, no ANSI; every observed value passes through `clean` before it is shown.
 */
import { CODES, failingResponse, headerValue } from '../cors';
import type { AnalysedExchange } from '../har/analyze';
import { namesItsHost } from '../har/entry';
import { MAX_LOG_READ } from '../har/log-read-limit';
import { browserWords } from './browser-words';
import { plain } from './captured';
import { caveats } from './caveats';
import { CODE_WORDS } from './code-words';
import { chromeConsoleMessage, type ResourceKind } from './console-message';
import type { Ctx } from './context';
import { clean, redactUrl } from './display';
import { baseExplanation, type Explanation } from './explanation';
import { firefoxConsoleMessage, firefoxReasonPage } from './firefox-console';
import { type FirefoxReason, firefoxReason } from './firefox-reason';
import { type Fix, fixFor } from './fix';
import { otherBrowserView } from './other-browser';
import { allowedHeadline, explainAllowed, explainNotCors, explainUnknown } from './other-verdicts';
import { preflightCause } from './preflight-cause';
import { RULES } from './rules';
import { snippetsFor } from './snippets';
import { describeWarnings } from './warning-text';
import { where } from './where';

export type { Explanation } from './explanation';

export interface ExplainOptions {
  /** What made the request: Chrome names it in the console message. The HAR's _resourceType "xhr" is XMLHttpRequest. */
  readonly resourceKind?: ResourceKind;
}

/** Everything the headline and the rules read, gathered once from the failing response. */
function context(x: AnalysedExchange): Ctx | null {
  const ev = x.evaluation;
  const error = ev.error;
  if (!error) return null;
  const response = failingResponse(x.record, error);
  const header = CODES[error.code].header;
  let received: string | null = null;
  if (header === 'Location') received = response?.redirectUrl != null ? redactUrl(response.redirectUrl) : null;
  else if (header !== null && response) received = headerValue(response.headers, header);
  return {
    x,
    ev,
    error,
    code: error.code,
    fp: error.failedParameter,
    hop: x.record.hops[error.hop],
    response,
    status: response?.status ?? 0,
    hopOrigin: ev.hops[error.hop]?.origin ?? x.record.initiatorOrigin,
    pageOrigin: x.origin ?? x.record.initiatorOrigin,
    header,
    received,
  };
}

/** Chrome's console line for this failure: the URL that failed, the one the page asked for, the page's origin. */
function consoleLine(x: AnalysedExchange, c: Ctx, options: ExplainOptions): string {
  const first = x.record.hops[0]?.url ?? x.url;
  const failedUrl = c.hop?.url ?? x.url;
  return chromeConsoleMessage({
    code: c.error.code,
    failedParameter: c.error.failedParameter,
    url: failedUrl,
    ...(failedUrl !== first ? { redirectedFrom: first } : {}),
    origin: c.pageOrigin,
    resourceKind: options.resourceKind ?? (x.resourceType === 'xhr' ? 'XMLHttpRequest' : 'fetch'),
  });
}

/** The console line of the browser that made the capture: Chrome's or Firefox's, and none for anyone else's. */
function consoleOf(x: AnalysedExchange, c: Ctx, options: ExplainOptions, firefox: FirefoxReason | null): Pick<Explanation, 'consoleMessage' | 'consoleBrowser' | 'consoleDocs'> {
  if (browserWords(x.capture).isChrome) return { consoleMessage: consoleLine(x, c, options), consoleBrowser: 'Chrome', consoleDocs: null };
  const reason = x.capture.producer.facts.family === 'firefox' ? firefox : null;
  const message = reason ? firefoxConsoleMessage(reason, c.hop?.url ?? x.url) : null;
  if (!reason || message === null) return { consoleMessage: null, consoleBrowser: null, consoleDocs: null };
  return { consoleMessage: message, consoleBrowser: 'Firefox', consoleDocs: firefoxReasonPage(reason.key) };
}

/** The last request went on the wire, as a worker's first-headers-only record does not. */
function sentOnTheWire(x: AnalysedExchange): boolean {
  const last = x.record.hops[x.record.hops.length - 1];
  return last !== undefined && namesItsHost(last.requestHeaders);
}

/** Why a request the browser failed has no response in the capture. */
function unrecordedDetail(x: AnalysedExchange, noun: string): string {
  const names = 'The console message for this request names the failing check';
  if (x.record.stageUnknown === 'other-target') {
    return `The request was filed under no page: it was made by a worker (or a frame DevTools attached to late). DevTools records a worker's requests with their first headers only and no response, wherever they failed. ${names}; the worker's own DevTools (chrome://inspect, Workers) shows its full headers.`;
  }
  if (x.capture.source === 'live') {
    return sentOnTheWire(x)
      ? `The request reached the server, but ${noun} reported it to DevTools before recording the response that failed. ${names}.`
      : `DevTools reported this request with the page's own headers and no response: ${noun} sometimes reports a request before merging in what was sent and received. The panel completes such reports from a later read of DevTools' log while it holds at most ${MAX_LOG_READ.toLocaleString('en')} entries. ${names}.`;
  }
  return `The response was not recorded. ${names}; record the page again with DevTools open to capture it.`;
}

/** The part of a blocked exchange's explanation the JSON prints, and what the rest is built from. */
function blockedBrief(x: AnalysedExchange): { brief: Brief; c: Ctx; fix: Fix | null; firefox: FirefoxReason | null } | Explanation {
  const ev = x.evaluation;
  const c = context(x);
  if (!c && ev.notes.includes('no-response-captured')) {
    const words = browserWords(x.capture);
    return baseExplanation(x, `Blocked: ${words.noun} failed this request as a CORS failure (net::ERR_FAILED), but the capture holds no response to say which check.`, 'the request', [
      unrecordedDetail(x, words.noun),
    ]);
  }
  if (!c) {
    // The engine knows the request failed at its preflight but has no preflight to judge.
    return baseExplanation(x, 'Blocked at the preflight, but the capture holds no preflight to say why.', 'the preflight (OPTIONS) response', [
      'The request never reached the network, which for a cross-origin request means its preflight failed.',
    ]);
  }
  const { error } = c;
  const firefox = x.record.browser === 'firefox' ? firefoxReason(x) : null;
  const fix = fixFor(x.record, ev);
  let sendLine: string | null = fix?.primary ? `${fix.primary.name}: ${fix.primary.value}` : null;
  if (error.code === 'RedirectContainsCredentials' && fix?.location && 'replaceWith' in fix.location) sendLine = `Location: ${fix.location.replaceWith}`;
  const brief: Brief = {
    headline: CODE_WORDS[error.code].headline(c),
    sendLine,
    firefoxKey: x.record.browser === 'firefox' ? (firefox?.key ?? CODES[error.code].firefox) : (otherBrowserView(x)?.reason ?? null),
    otherBrowser: otherBrowserView(x),
  };
  return { brief, c, fix, firefox };
}

function explainBlocked(x: AnalysedExchange, options: ExplainOptions): Explanation {
  const b = blockedBrief(x);
  if (!('brief' in b)) return b;
  const { brief, c, fix, firefox } = b;
  return {
    headline: brief.headline,
    where: where(x, c.error),
    header: c.header,
    received: c.received,
    sendLine: brief.sendLine,
    details: RULES.map((r) => r(c)).filter((d): d is string => d !== null),
    preflightCause: preflightCause(x.evaluation.preflightReasons),
    ...consoleOf(x, c, options, firefox),
    firefoxKey: brief.firefoxKey,
    otherBrowser: brief.otherBrowser,
    fix,
    snippets: snippetsFor(x.record, x.evaluation, fix),
    warnings: describeWarnings(x.warnings),
    caveats: caveats(x),
  };
}

function explainRaw(x: AnalysedExchange, options: ExplainOptions): Explanation {
  switch (x.evaluation.verdict) {
    case 'blocked':
      return explainBlocked(x, options);
    case 'unknown':
      return explainUnknown(x);
    case 'not-cors':
      return explainNotCors(x);
    case 'allowed':
      return { ...explainAllowed(x), otherBrowser: otherBrowserView(x) };
  }
}

/**
 * Every display string passed through `face`: invisible characters made visible, and the marks around captured
 * values dropped or kept. The Fix keeps the raw values (it is data).
 */
function shown(e: Explanation, face: (s: string) => string): Explanation {
  const c = (s: string | null): string | null => (s === null ? null : face(s));
  return {
    ...e,
    headline: face(e.headline),
    where: face(e.where),
    header: c(e.header),
    received: c(e.received),
    sendLine: c(e.sendLine),
    details: e.details.map(face),
    preflightCause: c(e.preflightCause),
    consoleMessage: c(e.consoleMessage),
    otherBrowser: e.otherBrowser && { ...e.otherBrowser, sentence: face(e.otherBrowser.sentence) },
    warnings: e.warnings.map((w) => ({ code: w.code, text: face(w.text) })),
    caveats: e.caveats.map(face),
  };
}

export function explain(x: AnalysedExchange, options: ExplainOptions = {}): Explanation {
  return shown(explainRaw(x, options), (s) => plain(clean(s)));
}

/** What a one-line summary of an explanation needs: the command line's JSON prints these and nothing else. */
export type Brief = Pick<Explanation, 'headline' | 'sendLine' | 'firefoxKey' | 'otherBrowser'>;

/**
 * The same headline, line to send, Firefox key and other browser's view as `explain`, without the details,
 * fix snippets, console lines and caveats: a report of many thousand exchanges would compute those and drop them.
 */
export function explainBrief(x: AnalysedExchange): Brief {
  let b: Brief;
  if (x.evaluation.verdict === 'allowed') b = { headline: allowedHeadline(x), sendLine: null, firefoxKey: null, otherBrowser: otherBrowserView(x) };
  else if (x.evaluation.verdict === 'blocked') {
    const blocked = blockedBrief(x);
    b = 'brief' in blocked ? blocked.brief : blocked;
  } else b = explainRaw(x, {});
  const face = (s: string) => plain(clean(s));
  return {
    headline: face(b.headline),
    sendLine: b.sendLine === null ? null : face(b.sendLine),
    firefoxKey: b.firefoxKey,
    otherBrowser: b.otherBrowser && { ...b.otherBrowser, sentence: face(b.otherBrowser.sentence) },
  };
}

/**
 * The explanation with each captured value inside its sentences marked (captured.ts), for faces that must
 * set captured text apart from the project's words: the Markdown report. Everything else uses `explain`.
 */
export function explainMarked(x: AnalysedExchange, options: ExplainOptions = {}): Explanation {
  return shown(explainRaw(x, options), clean);
}
