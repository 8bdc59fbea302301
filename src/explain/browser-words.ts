/**
 * How the explanation names the browser. The checks replayed are Chrome's, but only a capture Chrome made lets
 * an explanation say what Chrome did: for a Firefox, Safari or proxy capture, "Chrome answered it from its
 * cache" would be invented. Other browsers' own words (Firefox's console, its reason keys) hook in here.
 */
import type { CaptureFacts } from '../har/analyze';

export interface BrowserWords {
  /** "Chrome", or "the browser" when Chrome did not make the capture. */
  readonly noun: string;
  /** The same at the start of a sentence. */
  readonly Noun: string;
  /** The browser made the capture and its console line can be quoted. */
  readonly quotesConsole: boolean;
}

const CHROME: BrowserWords = { noun: 'Chrome', Noun: 'Chrome', quotesConsole: true };
const ANY: BrowserWords = { noun: 'the browser', Noun: 'The browser', quotesConsole: false };

export function browserWords(capture: CaptureFacts): BrowserWords {
  return capture.producer.facts.family === 'chromium' ? CHROME : ANY;
}
