/**
 * The verdicts that are not "blocked": what a network error, a contradiction between the browser and the
 * replay, a missing preflight or a missing response mean, and the requests no CORS check applies to.
 */
import { CODES, headerValue } from '../cors';
import type { AnalysedExchange } from '../har/analyze';
import { NOT_CORS_TEXT } from '../har/not-cors';
import { browserWords } from './browser-words';
import { cap } from './captured';
import { plural } from './context';
import { baseExplanation as base, type Explanation } from './explanation';
import { networkErrorMeaning } from './network-error';
import { shortFailure } from './summary';
import { describeWarnings, distinctWarnings } from './warning-text';
import { where } from './where';

export function explainUnknown(x: AnalysedExchange): Explanation {
  const ev = x.evaluation;
  const last = x.record.hops[x.record.hops.length - 1];
  if (ev.networkError !== null) {
    const onPreflight = last?.preflight?.error === ev.networkError && !last?.response;
    const meaning = networkErrorMeaning(ev.networkError);
    return {
      ...base(
        x,
        `Failed with a network error, ${cap(ev.networkError)}${onPreflight ? ' on the preflight' : ''}: not a CORS error.`,
        onPreflight ? 'the preflight (OPTIONS) request' : 'the request',
        [
          `${meaning ? `${cap(ev.networkError)}: ${meaning}. ` : ''}No response arrived, so there were no headers to check: ${browserWords(x.capture).noun} reports no CORS error for this, and changing CORS headers will not fix it.`,
        ],
      ),
      firefoxKey: CODES.InvalidResponse.firefox,
    };
  }
  if (ev.notes.includes('browser-failed-but-checks-pass')) {
    return base(x, 'Unknown: the browser failed this request, but the captured headers pass every CORS check.', 'the response', [
      'Something the capture does not show made it fail: a preflight answered from cache that allowed less than the one captured, credentials the capture cannot see, a browser extension, or a security policy (mixed content, Private Network Access). Tick "Disable cache" in DevTools and reload to capture a fresh preflight.',
    ]);
  }
  if (ev.notes.includes('browser-allowed-but-checks-fail') && ev.error === null) {
    return base(x, 'Unknown: the browser completed this request, but replaying its headers would fail a CORS check.', 'the response', [
      'The capture may be missing headers, or the request was not a CORS request (a navigation or no-cors request). Trust what the browser did.',
    ]);
  }
  if (ev.notes.includes('browser-allowed-but-checks-fail') && ev.error !== null) {
    return base(
      x,
      `Unknown: the browser completed this request, but replaying its headers fails with ${ev.error.code}${ev.error.failedParameter ? ` (${cap(ev.error.failedParameter)})` : ''}.`,
      where(x, ev.error),
      ['The capture may be missing headers, or the credentials mode differs from what the replay assumed. Trust what the browser did.'],
    );
  }
  if (ev.notes.includes('cors-mode-unproven') && ev.otherwise) {
    return base(x, `Unknown: blocked if this POST was a CORS request (${shortFailure(ev.otherwise.code, ev.otherwise.failedParameter)}).`, where(x, ev.otherwise), [
      "Browsers send Origin with every POST, no-cors ones too (navigator.sendBeacon, a form, fetch with mode: 'no-cors'), and this file records neither the request's mode (Sec-Fetch-Mode) nor the browser's decision. If the page read the response with fetch() or XMLHttpRequest, the browser blocked it; if it only sent it, nothing was blocked.",
    ]);
  }
  if (ev.notes.includes('invalid-redirect')) {
    const last = x.record.hops[x.record.hops.length - 1]?.response;
    const location = last ? (headerValue(last.headers, 'location') ?? '') : '';
    return {
      ...base(x, `Failed: the redirect's Location, ${cap(location)}, is not a URL the browser can follow.`, 'the redirect response', [
        'Every browser fails such a redirect as a network error after its CORS checks passed: Chrome reports net::ERR_INVALID_REDIRECT, Firefox "CORS request did not succeed" (CORSDidNotSucceed2). Changing CORS headers will not fix it; the server must send an absolute or relative URL in Location.',
      ]),
      firefoxKey: CODES.InvalidResponse.firefox,
    };
  }
  if (ev.notes.includes('chain-cut')) {
    return base(x, 'Unknown: the response redirects, and the request that followed it is not in the file.', 'the redirect response', []);
  }
  const preflight = x.record.hops[0]?.preflight?.response ?? null;
  if (x.requestMissing && preflight) {
    return base(x, `A preflight (OPTIONS) answered ${preflight.status}, and it passes; the request it guarded is not in the capture.`, 'the preflight (OPTIONS) response', [
      'The preflight allowed what it asked for, so the request that followed was sent; it is missing from the capture (DevTools opened too late, or the export filtered it out). Its own response decides whether the page could read it.',
    ]);
  }
  if (ev.notes.includes('preflight-missing')) {
    return base(x, 'Unknown: this request needed a preflight, but the capture holds none and no response.', 'the preflight (OPTIONS) request', []);
  }
  if (x.capture.producer.facts.family === 'firefox') {
    // Firefox records no error text, and logs every request that got no response as a CORS failure.
    return {
      ...base(x, 'Unknown: the capture holds no response for this request.', 'the request', [
        'The request may still have been in flight, or was cancelled, when the capture was taken. If Firefox\'s console said "CORS request did not succeed" (CORSDidNotSucceed2) for it, no response arrived at all: the connection was refused or dropped, the host did not resolve, or a redirect pointed somewhere Firefox cannot follow. That is a network failure, not a missing header, and CORS headers will not fix it.',
      ]),
      firefoxKey: CODES.InvalidResponse.firefox,
    };
  }
  return base(x, 'Unknown: the capture holds no response for this request.', 'the request', [
    'The request may still have been in flight, or was cancelled, when the capture was taken.',
  ]);
}

/** Chrome withholds a no-cors response's body it judges a resource the page may not see (ORB): that is not CORS. */
const ORB =
  'The browser recorded net::ERR_ABORTED: for a no-cors request that is Opaque Response Blocking, which withholds a response (such as JSON or HTML) that a <script> or <img> could not use. It is not a CORS failure, and CORS headers do not change it; request it with fetch() in cors mode if the page needs to read it.';

export function explainNotCors(x: AnalysedExchange): Explanation {
  const reason = x.notCors;
  if (reason !== null && reason !== 'same-origin') {
    const last = x.record.hops[x.record.hops.length - 1];
    const details = reason === 'no-cors-load' || reason === 'no-cors-request' ? (last?.error === 'net::ERR_ABORTED' ? [ORB] : []) : [];
    return base(x, `Not a CORS request: ${NOT_CORS_TEXT[reason]}.`, 'the request', details);
  }
  if (x.evaluation.notes.includes('mode-not-cors')) {
    return base(x, 'Not a CORS request: a navigation or a no-cors request, which no CORS check applies to.', 'the request', [
      "A no-cors request (an <img>, a <script> without crossorigin, fetch with mode: 'no-cors') may go anywhere, but the page gets an opaque response it cannot read.",
    ]);
  }
  return base(x, `Not a CORS request: the page (${x.origin === null ? 'unknown origin' : cap(x.origin)}) and ${cap(x.url)} are same-origin, so no CORS check applies.`, 'the request', []);
}

export function explainAllowed(x: AnalysedExchange): Explanation {
  return base(x, allowedHeadline(x), 'the response', []);
}

export function allowedHeadline(x: AnalysedExchange): string {
  const w = distinctWarnings(x.warnings);
  return `Allowed: the ${cap(x.method)} request to ${cap(x.url)} passes ${possessive(browserWords(x.capture).noun)} CORS checks${w > 0 ? `, with ${plural(w, 'warning')}` : ''}.`;
}

function possessive(noun: string): string {
  return noun === 'the browser' ? 'the' : `${noun}'s`;
}
