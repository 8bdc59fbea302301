/**
 * A browser is a profile, not a second engine. Chromium's checks (cors.cc, CorsURLLoader, PreflightController)
 * are the base; where Firefox decides otherwise is this one table, each row measured by recording Firefox ESR
 * 153 on the zoo (test/fixtures/firefox/README.md) and each with its test in test/unit/cors/browser.test.ts.
 * A capture is judged by the rules of the browser that made it; the other browser's rules answer "what would
 * it have done with the same server".
 */
import { MAX_AGE_CAP } from '../http';

export type Browser = 'chrome' | 'firefox';

export interface BrowserRules {
  /** How the browser is named in sentences. */
  readonly name: string;
  /** Seconds a preflight answer is kept at most, whatever Access-Control-Max-Age says. */
  readonly maxAgeCap: number;
  /**
   * Client hints (DPR, Width, Viewport-Width, Device-Memory, RTT, Downlink, ECT, Save-Data) and Intervention
   * are CORS-safelisted: Chromium only. Firefox preflights `DPR: 2` (t-dpr).
   */
  readonly safelistsClientHints: boolean;
  /**
   * How repeated Access-Control-Allow-Origin lines are read. `joined`: Chromium joins them with ", " and
   * rejects a value holding a list (MultipleAllowOriginValues). `counted`: Firefox fails on a second line
   * (CORSMultipleAllowOriginNotAllowed), and a list in one line is just a value that does not match.
   */
  readonly allowOriginLines: 'joined' | 'counted';
  /**
   * On a preflight answered with a redirect: `redirect-first` (Chromium refuses the redirect before anything
   * else), or `access-first` (Firefox checks Access-Control-Allow-Origin on the 3xx first: pf-302 without it is
   * CORSMissingAllowOrigin2 (302), pf-301 with it is CORSExternalRedirectNotAllowed).
   */
  readonly preflightRedirect: 'redirect-first' | 'access-first';
  /**
   * The Origin a preflight carries after a cross-origin redirect tainted the request. Chromium: "null", like the
   * request. Firefox: the page's origin, while the request itself goes with "null" (r-put-30x-page-acao).
   */
  readonly preflightOriginAfterTaint: 'null' | 'page';
  /**
   * A request that was preflighted is preflighted again at every later hop, even once it became a simple GET
   * (Firefox: r-json-301..303, OPTIONS with Access-Control-Request-Method: GET). Chromium preflights a hop only
   * when that hop needs it.
   */
  readonly preflightStaysAfterRedirect: boolean;
  /**
   * Which refused request header a failed preflight names: the first in the request's order (Chromium), or the
   * first of the sorted, lower-cased Access-Control-Request-Headers (Firefox: t-three-headers-one-allowed names
   * x-alpha where Chrome names x-zeta).
   */
  readonly refusedHeaderOrder: 'request' | 'sorted';
}

export const BROWSERS: Readonly<Record<Browser, BrowserRules>> = {
  chrome: {
    name: 'Chrome',
    maxAgeCap: MAX_AGE_CAP.chrome,
    safelistsClientHints: true,
    allowOriginLines: 'joined',
    preflightRedirect: 'redirect-first',
    preflightOriginAfterTaint: 'null',
    preflightStaysAfterRedirect: false,
    refusedHeaderOrder: 'request',
  },
  firefox: {
    name: 'Firefox',
    maxAgeCap: MAX_AGE_CAP.firefox,
    safelistsClientHints: false,
    allowOriginLines: 'counted',
    preflightRedirect: 'access-first',
    preflightOriginAfterTaint: 'page',
    preflightStaysAfterRedirect: true,
    refusedHeaderOrder: 'sorted',
  },
};

export function otherBrowser(b: Browser): Browser {
  return b === 'chrome' ? 'firefox' : 'chrome';
}
