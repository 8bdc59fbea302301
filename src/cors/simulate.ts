/**
 * Replays Chromium's CORS decisions along a redirect chain, hop by hop, for one assumed credentials mode, with
 * the differences of the browser the record names (browser.ts). The order inside a hop is Chromium's
 * (CorsURLLoader): mode, scheme, preflight, access check on the response, then the redirect rules, which decide
 * the next hop's origin ("null" once tainted) and method.
 */
import { checkAccess } from './access-check';
import { type Browser, BROWSERS } from './browser';
import type { ExchangeRecord, HopRecord, PreflightRecord } from './exchange';
import { hasHeader, headerValue } from './headers';
import { isSafelistedMethod, normaliseMethod } from './methods';
import { isCorsEnabledScheme, OPAQUE_ORIGIN, originOf, sameOrigin, urlHasCredentials } from './origin';
import { checkPreflight } from './preflight-check';
import { corsUnsafeHeaders, type UnsafeHeader, unsafeHeader, unsafeReason } from './safelist';
import type { CorsFailure, HeaderList, Stage, StagedFailure } from './types';
import { type CorsWarning, responseWarnings } from './warnings';

/** Where the preflight decision for a hop came from. */
export type PreflightSource = 'not-needed' | 'network' | 'cache' | 'missing';

export interface HopOutcome {
  readonly hop: number;
  readonly url: string;
  readonly method: string;
  /** The Origin the request carried at this hop ("null" after a tainting redirect). */
  readonly origin: string;
  /** Chromium's "CORS flag": the hop is cross-origin (or tainted), so CORS checks apply. */
  readonly cors: boolean;
  readonly unsafeHeaders: readonly UnsafeHeader[];
  readonly preflight: PreflightSource;
}

/** How the replay ended when no CORS check failed. */
export type SimulationEnd =
  /** The final response passed (or no check applied). */
  | 'complete'
  /** The last hop got no response: a network error, or blocked before the network. */
  | 'no-response'
  /** A preflight was needed and the request never reached the network, but the capture holds no preflight. */
  | 'missing-preflight'
  /** A redirect that passed its checks and was not followed (`redirect: 'manual'`). */
  | 'redirect-not-followed'
  /**
   * Replaying another browser's capture (`capturedBy`): this browser would send a preflight the capture cannot
   * hold (one the capturing browser did not need, or with another Origin), so its answer is unknown.
   */
  | 'unseen-preflight'
  /**
   * A redirect whose Location is not a URL: every browser fails it as a network error (Chrome
   * net::ERR_INVALID_REDIRECT, Firefox "CORS request did not succeed"), after its CORS checks passed.
   */
  | 'invalid-redirect';

export interface Simulation {
  readonly failure: StagedFailure | null;
  readonly end: SimulationEnd;
  readonly hops: readonly HopOutcome[];
  readonly warnings: readonly CorsWarning[];
  /** True when at least one hop was cross-origin in a CORS mode. */
  readonly corsApplied: boolean;
}

const BODY_HEADERS = new Set(['content-encoding', 'content-language', 'content-location', 'content-type']);

/**
 * `capturedBy`: the browser that made the capture, when it is not the one whose rules are replayed. Its
 * preflights are then evidence only where this browser would send the same one: a preflight this browser would
 * not send is ignored, and one it would send that the capture lacks ends the replay ('unseen-preflight').
 */
export function simulate(exchange: ExchangeRecord, credentials: boolean, capturedBy?: Browser): Simulation {
  const hops: HopOutcome[] = [];
  const warnings: CorsWarning[] = [];
  const origin = exchange.initiatorOrigin;
  let tainted = false;
  let corsApplied = false;
  let method = normaliseMethod(exchange.hops[0]?.method ?? 'GET');
  let authorHeaders: HeaderList = exchange.authorHeaders;
  const browser = exchange.browser ?? 'chrome';
  const rules = BROWSERS[browser];
  let preflighted = false;
  const foreign = capturedBy !== undefined && capturedBy !== browser;
  // After a tainting redirect the two browsers send the preflight with different Origins (browser.ts).
  const otherPreflightOrigin = foreign && BROWSERS[capturedBy].preflightOriginAfterTaint !== rules.preflightOriginAfterTaint;
  let preflightedThere = false;

  const done = (failure: StagedFailure | null, end: SimulationEnd): Simulation => ({ failure, end, hops, warnings, corsApplied });
  const failAt = (f: CorsFailure, stage: Stage, hop: number): Simulation => done({ ...f, stage, hop }, 'complete');

  for (let i = 0; i < exchange.hops.length; i++) {
    const hop = exchange.hops[i] as HopRecord;
    const requestOrigin = tainted ? OPAQUE_ORIGIN : origin;
    const cors = tainted || !sameOrigin(origin, originOf(hop.url));
    if (i === 0) {
      const entry = targetCheck(exchange.mode, cors, hop.url);
      if (entry) return failAt(entry, 'response', 0);
    }

    // Another browser's Access-Control-Request-Headers is its own list, not this browser's.
    const unsafeHeaders = !cors ? [] : foreign ? corsUnsafeHeaders(authorHeaders, browser) : unsafeHeadersFor(authorHeaders, hop.preflight, hop.requestHeaders, browser);
    const needsPreflight = cors && (!isSafelistedMethod(method) || unsafeHeaders.length > 0 || (preflighted && rules.preflightStaysAfterRedirect));
    if (needsPreflight || (!foreign && cors && exchange.mode === 'cors' && hop.preflight)) preflighted = true;
    // Whether the capturing browser needed a preflight here too: then one missing from the capture was answered
    // from its cache, as it would be from this browser's.
    const neededThere = foreign && cors && (!isSafelistedMethod(method) || corsUnsafeHeaders(authorHeaders, capturedBy).length > 0 || (preflightedThere && BROWSERS[capturedBy].preflightStaysAfterRedirect));
    if (neededThere) preflightedThere = true;
    let preflight: PreflightSource = 'not-needed';

    if (cors && exchange.mode === 'cors') {
      corsApplied = true;
      const captured = foreign && !needsPreflight ? null : hop.preflight;
      if (foreign && needsPreflight && ((!hop.preflight && !neededThere) || (hop.preflight && tainted && otherPreflightOrigin))) {
        hops.push({ hop: i, url: hop.url, method, origin: requestOrigin, cors, unsafeHeaders, preflight: 'missing' });
        return done(null, 'unseen-preflight');
      }
      if (captured) {
        preflight = 'network';
        hops.push({ hop: i, url: hop.url, method, origin: requestOrigin, cors, unsafeHeaders, preflight });
        const pf = captured;
        if (!pf.response) return done(null, 'no-response');
        const result = checkPreflight({
          browser,
          status: pf.response.status,
          headers: pf.response.headers,
          redirected: pf.response.redirectUrl !== null || pf.error === 'net::ERR_INVALID_REDIRECT',
          origin: tainted && rules.preflightOriginAfterTaint === 'page' ? origin : requestOrigin,
          credentials,
          method: preflightMethod(pf, method),
          unsafeHeaders,
        });
        if (result.failure) return failAt(result.failure, 'preflight', i);
        if (result.authorizationCoveredByWildcard) {
          warnings.push({ code: 'AuthorizationCoveredByWildcard', stage: 'preflight', hop: i, header: 'Access-Control-Allow-Headers', value: headerValue(pf.response.headers, 'access-control-allow-headers') ?? '*' });
        }
        warnings.push(...responseWarnings(pf.response.headers, 'preflight', i));
      } else if (needsPreflight) {
        preflight = hop.response ? 'cache' : 'missing';
        hops.push({ hop: i, url: hop.url, method, origin: requestOrigin, cors, unsafeHeaders, preflight });
        if (!hop.response) return done(null, 'missing-preflight');
      } else {
        hops.push({ hop: i, url: hop.url, method, origin: requestOrigin, cors, unsafeHeaders, preflight });
      }
    } else {
      hops.push({ hop: i, url: hop.url, method, origin: requestOrigin, cors: false, unsafeHeaders, preflight });
    }

    const response = hop.response;
    if (!response) return done(null, 'no-response');
    const redirect = response.redirectUrl;
    const stage: Stage = redirect !== null ? 'redirect' : 'response';

    // A 304 answering the HTTP cache's revalidation is not checked: Chrome checks the cached response it completes.
    const revalidated = response.status === 304 && (hasHeader(hop.requestHeaders, 'if-none-match') || hasHeader(hop.requestHeaders, 'if-modified-since'));
    if (cors && exchange.mode === 'cors' && !revalidated) {
      const access = checkAccess({ browser, headers: response.headers, origin: requestOrigin, credentials });
      if (access) return failAt(access, stage, i);
      warnings.push(...responseWarnings(response.headers, 'response', i));
    }
    if (redirect === null) return done(null, isUnfollowableRedirect(response) ? 'invalid-redirect' : 'complete');
    if (!isFollowable(redirect, hop.url)) return done(null, 'invalid-redirect');

    // Fetch's HTTP-redirect fetch: a cross-origin Location may not carry user:pass@.
    if (exchange.mode === 'cors' && urlHasCredentials(redirect) && (cors || !sameOrigin(origin, originOf(redirect)))) {
      return failAt({ code: 'RedirectContainsCredentials', failedParameter: '' }, 'redirect', i);
    }
    const hopOrigin = originOf(hop.url);
    if (!sameOrigin(originOf(redirect), hopOrigin) && !sameOrigin(origin, hopOrigin)) tainted = true;
    // Chrome refuses the new URL before sending anything, so the capture may hold no entry for it.
    const next = targetCheck(exchange.mode, tainted || !sameOrigin(origin, originOf(redirect)), redirect);
    if (next) return failAt(next, 'redirect', i);
    const newMethod = (response.status === 303 && method !== 'HEAD') || ((response.status === 301 || response.status === 302) && method === 'POST') ? 'GET' : method;
    // net::RedirectUtil drops the body headers only when the method changes: a GET answered 303 keeps them.
    if (newMethod !== method) authorHeaders = authorHeaders.filter((h) => !BODY_HEADERS.has(h.name.toLowerCase()));
    method = newMethod;
    if (i === exchange.hops.length - 1) return done(null, 'redirect-not-followed');
  }
  return done(null, 'complete');
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** A redirect status with a Location the capture could not resolve to a URL (r-bad-location). */
function isUnfollowableRedirect(response: { readonly status: number; readonly headers: HeaderList; readonly redirectUrl: string | null }): boolean {
  return response.redirectUrl === null && REDIRECT_STATUSES.has(response.status) && hasHeader(response.headers, 'location');
}

/** A Location resolves to a URL against the URL it answered (Firefox's HAR writes it as sent: `http://[::1`). */
function isFollowable(location: string, base: string): boolean {
  try {
    new URL(location, base);
    return true;
  } catch {
    return false;
  }
}

/** Checks on a URL before any request goes to it (CorsURLLoader::StartRequest): scheme, then request mode. */
export function targetCheck(mode: ExchangeRecord['mode'], cors: boolean, url: string): CorsFailure | null {
  if (!cors) return null;
  if (mode === 'cors' && !isCorsEnabledScheme(url)) return { code: 'CorsDisabledScheme', failedParameter: '' };
  if (mode === 'same-origin') return { code: 'DisallowedByMode', failedParameter: '' };
  return null;
}

/**
 * The CORS-unsafe headers of a hop. A captured preflight's Access-Control-Request-Headers is the browser's own
 * list and wins over our reading of the captured request headers (which include headers the network stack adds);
 * the request's header order is kept because Chrome names the first disallowed header in that order.
 */
export function unsafeHeadersFor(authorHeaders: HeaderList, preflight: PreflightRecord | null, captured: HeaderList, browser: Browser = 'chrome'): UnsafeHeader[] {
  const computed = corsUnsafeHeaders(authorHeaders, browser);
  const requested = preflight ? headerValue(preflight.requestHeaders, 'access-control-request-headers') : null;
  if (requested === null) return preflight ? [] : computed;
  const wanted = new Set(requested.split(',').map((n) => n.trim().toLowerCase()).filter((n) => n !== ''));
  const known = new Map(computed.map((h) => [h.name, h]));
  const out: UnsafeHeader[] = [];
  const seen = new Set<string>();
  // Request order decides which disallowed header Chrome names; the captured headers keep the page's order
  // (a blocked request's provisional headers), so they lead.
  for (const h of [...captured, ...authorHeaders]) {
    const name = h.name.toLowerCase();
    if (!wanted.has(name) || seen.has(name)) continue;
    seen.add(name);
    out.push(known.get(name) ?? unsafeHeader(name, h.value, unsafeReason(name, h.value, browser) ?? 'safelisted-total-too-long'));
  }
  for (const name of [...wanted].sort()) {
    if (!seen.has(name)) out.push({ name, value: '', reason: 'name-not-safelisted' });
  }
  return out;
}

/** The method the preflight asked about (Access-Control-Request-Method) is what Chrome checks, as sent. */
function preflightMethod(pf: PreflightRecord, fallback: string): string {
  return headerValue(pf.requestHeaders, 'access-control-request-method') ?? fallback;
}
