/**
 * Exchanges no policy is claimed to pass, each with its reason in CORS Lens's own words. Most are settled by
 * what the capture shows before any replay (a network error, a redirect to a URL with credentials in it); the
 * rest by the proof's replay (replay.ts). The list of kinds, and which are impossible versus unproven:
 *
 * - impossible: the fix is not a CORS header (credentials in a redirect's URL, a scheme without CORS, a network
 *   error, a Location that is not a URL, a failure the browser made for another reason), or allowing the
 *   request would allow every site (Origin: null with credentials), or no origin is known to allow;
 * - unproven: the capture does not hold what decides it (the browser never went past a redirect or a
 *   redirected preflight, or no response was captured).
 */
import type { AnalysedExchange } from '../har';
import type { CannotPass, CannotPassKind } from './types';
import type { Walk } from './walk';

const REASONS: Readonly<Record<CannotPassKind, { readonly class: CannotPass['class']; readonly text: string }>> = {
  'origin-unknown': {
    class: 'impossible',
    text: 'The capture does not show which page made this request (no Origin header), so no origin can be allowed for it without guessing.',
  },
  'null-origin-with-credentials': {
    class: 'impossible',
    text:
      'This request carries Origin: null (a sandboxed iframe, a file: or data: page, or a request after a cross-origin redirect) where credentials are allowed. ' +
      'Any site can send Origin: null from a sandboxed iframe, so allowing it there would let every site read responses made with the user\'s cookies. ' +
      'Fix the cause instead: request the final URL rather than following a cross-origin redirect, or serve the page from a real origin.',
  },
  'redirect-contains-credentials': {
    class: 'impossible',
    text: 'A redirect sends the request to a URL with a user name or password in it (user:pass@), which browsers refuse for CORS requests whatever the headers say. The redirect\'s Location must change.',
  },
  'disabled-scheme': {
    class: 'impossible',
    text: 'The request, or a redirect, goes to a URL whose scheme has no CORS (only http and https have): no response header can allow it. The page or the redirect must use https.',
  },
  'preflight-redirected': {
    class: 'unproven',
    text:
      'Its preflight was redirected, so the server redirects this URL. Under the policy the preflight is answered where it arrives, but the request itself would still be redirected ' +
      'to a URL the capture never reached. Request the final URL from the page (the preflight\'s Location), or stop redirecting this path.',
  },
  'network-error': {
    class: 'impossible',
    text: 'The request failed with a network error (a refused or dropped connection, a failed lookup), not a CORS check: no header can change that.',
  },
  'invalid-redirect': {
    class: 'impossible',
    text: 'A redirect\'s Location is not a URL, which every browser fails as a network error after its CORS checks. The Location must be fixed.',
  },
  'not-a-cors-failure': {
    class: 'impossible',
    text: 'The browser failed this request although its CORS checks pass: the failure is one a CORS policy does not decide (redirect: \'error\', an extension, a cancelled load).',
  },
  'beyond-capture': {
    class: 'unproven',
    text: 'Under the policy the browser would follow a redirect to a URL the capture never reached, so what happens there cannot be checked. Capture again with the policy in place.',
  },
  'no-response': {
    class: 'unproven',
    text: 'The capture holds no response to this request and nothing shows the browser stopped it for CORS (still in flight, or left out of the file), so passing cannot be checked.',
  },
  'replay-failed': {
    class: 'impossible',
    text: 'Replayed under the policy the request still fails a CORS check, most likely because a value it sent (a method or header name that is not an HTTP token) can never be allowed by a list.',
  },
};

export function cannotPass(exchange: number, kind: CannotPassKind, hop: number | null): CannotPass {
  const r = REASONS[kind];
  return { exchange, kind, class: r.class, reason: r.text, hop };
}

export interface Stop {
  readonly kind: CannotPassKind;
  readonly hop: number | null;
}

/** What settles an exchange before any replay: the capture already shows no CORS header can make it pass. */
export function stopBeforeReplay(x: AnalysedExchange, w: Walk): Stop | null {
  if (x.origin === null) return { kind: 'origin-unknown', hop: null };
  if (w.failure?.code === 'RedirectContainsCredentials') return { kind: 'redirect-contains-credentials', hop: w.failure.hop };
  if (w.failure?.code === 'CorsDisabledScheme') return { kind: 'disabled-scheme', hop: w.failure.hop };
  const last = x.record.hops.length - 1;
  const notes = x.evaluation.notes;
  // Chrome reports a Location that is not a URL as a network error (net::ERR_INVALID_REDIRECT): name the cause.
  if (notes.includes('invalid-redirect') || w.end === 'invalid-redirect' || x.evaluation.networkError === 'net::ERR_INVALID_REDIRECT') return { kind: 'invalid-redirect', hop: last };
  if (x.evaluation.networkError !== null || notes.includes('network-error')) return { kind: 'network-error', hop: last };
  if (notes.includes('browser-failed-but-checks-pass')) return { kind: 'not-a-cors-failure', hop: last };
  for (const [i, hop] of x.record.hops.entries()) {
    const pf = hop.preflight;
    const redirected = pf !== null && (pf.response?.redirectUrl != null || pf.error === 'net::ERR_INVALID_REDIRECT');
    if (redirected && hop.response === null) return { kind: 'preflight-redirected', hop: i };
  }
  if (notes.includes('chain-cut')) return { kind: 'beyond-capture', hop: last };
  return null;
}
