/**
 * Chrome and Firefox side by side: what the browser that did not make the capture would decide on the same
 * server's answers, in its own words. Said for every blocked exchange ("Firefox blocks this too: …") and
 * wherever the two differ ("Chrome allows this; Firefox blocks it, because …"); where the capture cannot show
 * what the other browser would have received, it says what the answer depends on.
 */
import { BROWSERS, type Browser, CODES, type HopOutcome, judgeAs, type JudgedAs, otherBrowser, type StagedFailure } from '../cors';
import type { AnalysedExchange } from '../har/analyze';
import { cap } from './captured';
import { firefoxReasonText } from './firefox-console';
import { type FirefoxReason, firefoxReason } from './firefox-reason';
import { shortFailure } from './summary';
import { where } from './where';

export interface OtherBrowserView {
  readonly browser: Browser;
  readonly verdict: JudgedAs['verdict'];
  /** The two browsers reach a different verdict, or the other one's cannot be known from the capture. */
  readonly differs: boolean;
  /** The failing check in the engine's codes, when the other browser blocks. */
  readonly code: StagedFailure['code'] | null;
  /** Firefox's reason key, when the other browser is Firefox and it blocks. */
  readonly reason: string | null;
  /** One sentence, captured values marked. */
  readonly sentence: string;
}

const cache = new WeakMap<AnalysedExchange, OtherBrowserView | null>();

/** The other browser's view, or null where there is nothing to compare (not CORS, no verdict, a network error). */
export function otherBrowserView(x: AnalysedExchange): OtherBrowserView | null {
  if (cache.has(x)) return cache.get(x) ?? null;
  const view = compute(x);
  cache.set(x, view);
  return view;
}

/**
 * Whether the other browser decides differently, as `otherBrowserView(x).differs` says, without the view's words
 * and without keeping it: the list asks this of every exchange, the detail view for one.
 */
export function otherBrowserDiffers(x: AnalysedExchange): boolean {
  const seen = cache.get(x);
  if (seen !== undefined) return seen?.differs === true;
  const judged = judgedByOther(x);
  return judged !== null && differsFrom(x, judged);
}

/** The other browser decides otherwise, or its decision hangs on what the capture lacks. */
function differsFrom(x: AnalysedExchange, judged: ReturnType<typeof judgeAs>): boolean {
  const blocksHere = x.evaluation.verdict === 'blocked';
  if (judged.verdict === 'depends') return true;
  if (judged.verdict === 'allowed') return blocksHere;
  return !(blocksHere && x.evaluation.error);
}

/** The other browser's judgement of the exchange, or null where there is nothing to compare. */
function judgedByOther(x: AnalysedExchange): ReturnType<typeof judgeAs> | null {
  const ev = x.evaluation;
  if (ev.verdict !== 'blocked' && ev.verdict !== 'allowed') return null;
  if (ev.verdict === 'blocked' && !ev.error) return null;
  return judgeAs(x.record, otherBrowser(x.record.browser ?? 'chrome'), ev.credentials === 'include');
}

function compute(x: AnalysedExchange): OtherBrowserView | null {
  const ev = x.evaluation;
  const judged = judgedByOther(x);
  if (!judged) return null;
  const mine = x.record.browser ?? 'chrome';
  const theirs = otherBrowser(mine);
  const I = BROWSERS[mine].name;
  const They = BROWSERS[theirs].name;
  const blocksHere = ev.verdict === 'blocked';
  const base = { browser: theirs, verdict: judged.verdict, differs: differsFrom(x, judged) };

  if (judged.verdict === 'depends') {
    const d = differenceIn(ev.hops, judged.hops, mine, theirs);
    const because = d ? `: ${d.because}` : '';
    const sentence =
      judged.on === 'unseen-preflight'
        ? `${I} ${blocksHere ? 'blocks' : 'allows'} this. ${They} would first send a preflight (OPTIONS)${judged.hop > 0 ? ` to the URL of hop ${judged.hop + 1}` : ''} that this capture does not hold${because}. Whether ${They} allows the request depends on the server's answer to it${d?.hint ? `: ${d.hint}` : ''}.`
        : `${I} blocks this. ${They} would not stop where ${I} did${because}. Whether ${They} allows the request depends on the headers of its response, which this capture does not hold (${I} never sent it).`;
    return { ...base, code: null, reason: null, sentence };
  }
  if (judged.verdict === 'allowed') {
    if (!blocksHere) return { ...base, code: null, reason: null, sentence: `${They} allows this too.` };
    const d = differenceIn(ev.hops, judged.hops, mine, theirs);
    return { ...base, code: null, reason: null, sentence: `${I} blocks this; ${They} allows it${d ? `: ${d.because}` : ', its checks pass on the same headers'}.` };
  }
  const failure = judged.failure;
  const firefox = theirs === 'firefox' ? firefoxReason(asJudged(x, theirs, failure, judged.hops)) : null;
  const words = failureWords(theirs, failure, firefox);
  const mineFailure = ev.error;
  if (blocksHere && mineFailure) {
    const sameStep = mineFailure.stage === failure.stage && mineFailure.hop === failure.hop;
    const at = sameStep ? '' : `, at another step (${where(x, failure)})`;
    return { ...base, code: failure.code, reason: firefox?.key ?? null, sentence: `${They} blocks this too${at}: ${words}.` };
  }
  const d = differenceIn(ev.hops, judged.hops, mine, theirs);
  return {
    ...base,
    code: failure.code,
    reason: firefox?.key ?? null,
    sentence: `${I} allows this; ${They} blocks it${d ? `, because ${d.because}` : ''}. ${They}: ${words}, on ${where(x, failure)}.`,
  };
}

/** The exchange as the other browser would have judged it, for the code paths that read an AnalysedExchange. */
function asJudged(x: AnalysedExchange, browser: Browser, failure: StagedFailure, hops: readonly HopOutcome[]): AnalysedExchange {
  return { ...x, record: { ...x.record, browser }, evaluation: { ...x.evaluation, verdict: 'blocked', error: failure, hops } };
}

function failureWords(browser: Browser, failure: StagedFailure, firefox: FirefoxReason | null): string {
  if (browser === 'firefox') {
    const key = firefox?.key ?? CODES[failure.code].firefox;
    const text = firefox ? firefoxReasonText(firefox) : null;
    return text ? `“${text}” (${key})` : key;
  }
  return `${shortFailure(failure.code, failure.failedParameter)} (${failure.code})`;
}

/** Why the two browsers part, and what the server must answer for the other one. */
interface Difference {
  readonly because: string;
  readonly hint: string | null;
}

/**
 * Which of the table's differences (browser.ts) made the two replays part: the request headers one browser
 * safelists and the other preflights, or a preflight only one of them sends after a redirect.
 */
function differenceIn(mine: readonly HopOutcome[], theirs: readonly HopOutcome[], me: Browser, them: Browser): Difference | null {
  const I = BROWSERS[me].name;
  const They = BROWSERS[them].name;
  for (let i = 0; i < Math.max(mine.length, theirs.length); i++) {
    const a = mine[i];
    const b = theirs[i];
    if (!a || !b) continue;
    const aNames = new Set(a.unsafeHeaders.map((h) => h.name));
    const bNames = new Set(b.unsafeHeaders.map((h) => h.name));
    const onlyThem = [...bNames].filter((n) => !aNames.has(n));
    const onlyMe = [...aNames].filter((n) => !bNames.has(n));
    if (onlyThem.length > 0) {
      return { because: `${They} does not count ${names(onlyThem)} as safe to send without asking, as ${I} does, so it asks first`, hint: `its Access-Control-Allow-Headers must list ${onlyThem.map((n) => cap(n)).join(', ')}` };
    }
    if (onlyMe.length > 0) return { because: `${They} counts ${names(onlyMe)} as safe to send without asking (${I} does not), so it sends no preflight`, hint: null };
    const aPreflights = a.preflight !== 'not-needed';
    const bPreflights = b.preflight !== 'not-needed';
    if (i > 0 && bPreflights && !aPreflights) return { because: `${They} keeps preflighting a request after a redirect once it was preflighted`, hint: 'an OPTIONS request to the new URL must be answered with the CORS headers too' };
    if (i > 0 && aPreflights && !bPreflights) return { because: `${They} sends no new preflight after the redirect (the request no longer needs one)`, hint: null };
    if (i > 0 && a.origin === 'null' && aPreflights && bPreflights && BROWSERS[me].preflightOriginAfterTaint !== BROWSERS[them].preflightOriginAfterTaint) {
      const pageOrigin = BROWSERS[them].preflightOriginAfterTaint === 'page';
      return {
        because: `after the cross-origin redirect ${They} sends the preflight with ${pageOrigin ? "the page's Origin" : 'Origin: null'}, where ${I} sends ${pageOrigin ? 'Origin: null' : "the page's"}`,
        hint: pageOrigin ? "its Access-Control-Allow-Origin must name the page's origin (and the request that follows still goes with Origin: null)" : 'its Access-Control-Allow-Origin must allow null',
      };
    }
  }
  return null;
}

function names(list: readonly string[]): string {
  const shown = list.map((n) => cap(n));
  return shown.length === 1 ? `the ${shown[0]} header` : `the headers ${shown.join(', ')}`;
}
