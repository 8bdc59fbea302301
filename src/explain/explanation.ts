/**
 * The explanation's shape, and the empty one every verdict starts from. Text only: no HTML, no ANSI; the
 * explain() entry point makes every invisible character in it visible before it leaves this layer.
 */
import type { AnalysedExchange } from '../har/analyze';
import { caveats } from './caveats';
import type { Fix } from './fix';
import type { OtherBrowserView } from './other-browser';
import { preflightCause } from './preflight-cause';
import type { Snippet } from './snippets';
import { describeWarnings } from './warning-text';

export interface Explanation {
  /** One sentence, plain language, e.g. "Blocked: the preflight response does not allow the request header x-custom." */
  readonly headline: string;
  /** Which response: "the preflight (OPTIONS) response", "the redirect response of hop 1 (302 to http://...)", "the response". */
  readonly where: string;
  /** The header concerned, the value received (null = the header was missing), and the exact line to send. */
  readonly header: string | null;
  readonly received: string | null;
  readonly sendLine: string | null;
  /** Short paragraphs: why this happened, in the user's terms. */
  readonly details: readonly string[];
  /** Why a preflight was needed; null when none was. */
  readonly preflightCause: string | null;
  /** The browser's console wording for the failure (Chrome's or Firefox's, for a capture either made); null when not blocked. */
  readonly consoleMessage: string | null;
  /** Whose console `consoleMessage` is: "Chrome" or "Firefox". */
  readonly consoleBrowser: string | null;
  /** The documentation page the browser's console links the failure to (Firefox's MDN page), or null. */
  readonly consoleDocs: string | null;
  readonly firefoxKey: string | null;
  /** What the browser that did not make the capture would decide (other-browser.ts); null where nothing compares. */
  readonly otherBrowser: OtherBrowserView | null;
  readonly fix: Fix | null;
  readonly snippets: readonly Snippet[];
  readonly warnings: readonly { code: string; text: string }[];
  /** What the engine could not see. */
  readonly caveats: readonly string[];
}

/** An explanation with only its headline, place and details: what every verdict but "blocked" needs. */
export function baseExplanation(x: AnalysedExchange, headline: string, where: string, details: string[]): Explanation {
  return {
    headline,
    where,
    header: null,
    received: null,
    sendLine: null,
    details,
    preflightCause: preflightCause(x.evaluation.preflightReasons),
    consoleMessage: null,
    consoleBrowser: null,
    consoleDocs: null,
    firefoxKey: null,
    otherBrowser: null,
    fix: null,
    snippets: [],
    warnings: describeWarnings(x.warnings),
    caveats: caveats(x),
  };
}
