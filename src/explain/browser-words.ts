/**
 * How the explanation names the browser. The checks replayed are Chrome's, but only a capture Chrome made lets
 * an explanation say what Chrome did: for a Firefox, Safari or proxy capture, "Chrome answered it from its
 * cache" would be invented. Other browsers' own words (Firefox's console, its reason keys) hook in here.
 */
import type { CaptureFacts } from '../har/analyze';

export interface BrowserWords {
  /** "Chrome" or "Firefox" for the browser that made the capture, "the browser" for anyone else's. */
  readonly noun: string;
  /** The same at the start of a sentence. */
  readonly Noun: string;
  /** Chrome made the capture: its behaviour may be stated, and its console line quoted. */
  readonly isChrome: boolean;
  /**
   * Chrome's own live capture, which holds every request it made: only there does a missing preflight prove that
   * Chrome answered it from its cache (an exported file may have left it out).
   */
  readonly sawEverything: boolean;
}

const CHROME_FILE: BrowserWords = { noun: 'Chrome', Noun: 'Chrome', isChrome: true, sawEverything: false };
const CHROME_LIVE: BrowserWords = { ...CHROME_FILE, sawEverything: true };
const FIREFOX: BrowserWords = { noun: 'Firefox', Noun: 'Firefox', isChrome: false, sawEverything: false };
const ANY: BrowserWords = { noun: 'the browser', Noun: 'The browser', isChrome: false, sawEverything: false };

export function browserWords(capture: CaptureFacts): BrowserWords {
  // Firefox's own capture is judged by Firefox's rules (src/cors/browser.ts), so its name may be used.
  if (capture.producer.facts.family === 'firefox') return FIREFOX;
  if (capture.producer.facts.family !== 'chromium') return ANY;
  return capture.source === 'live' ? CHROME_LIVE : CHROME_FILE;
}
