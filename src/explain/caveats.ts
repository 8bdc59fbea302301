/**
 * What the capture could not show, said next to the verdict that depends on it. A HAR never records the
 * credentials mode and may lack a preflight the browser answered from its cache: a verdict built on a guess must
 * say it is one.
 */
import type { Evaluation, StagedFailure } from '../cors';
import type { AnalysedExchange } from '../har/analyze';
import { browserWords } from './browser-words';
import { shortFailure } from './summary';

/**
 * A missing preflight in the live capture was answered from the browser's cache. A file cannot say as much:
 * Chrome's Network panel leaves preflights out of its export when a Fetch/XHR filter is on.
 */
function cachedPreflight(x: AnalysedExchange): string {
  const tail = 'what the server allowed is not visible here, and a cached answer from before a server fix can still be in use. To see a fresh preflight, tick "Disable cache" in the Network panel of DevTools and reload.';
  return browserWords(x.capture).sawEverything
    ? `No preflight for this request is in the capture: Chrome answered it from its preflight cache (Access-Control-Max-Age), so ${tail}`
    : `No preflight for this request is in the file: the browser answered it from its preflight cache (Access-Control-Max-Age), or the export left it out (Chrome's Network panel drops preflights when a Fetch/XHR filter is on). Either way, ${tail}`;
}

const NOTE_CAVEATS: Partial<Record<Evaluation['notes'][number], string>> = {
  'preflight-missing':
    'A preflight was needed but none is in the capture, and the request never reached the network: the preflight probably happened before DevTools was recording. Keep DevTools open, tick "Disable cache", and reload.',
  'credentials-inferred-include':
    "The capture does not record the credentials mode; only a request with credentials (credentials: 'include' or withCredentials) fails this way, so this explanation assumes one.",
  'credentials-unknown':
    "The capture does not record the credentials mode, and the evidence does not settle it. With credentials (credentials: 'include' or withCredentials), * is not allowed and Access-Control-Allow-Credentials: true is needed as well.",
  'redirect-not-followed': "The last redirect was not followed (redirect: 'manual'): the page received an opaque redirect, not the target.",
  'chain-cut':
    'The response redirects, but the next request is not in the file: this producer leaves out requests that failed, so the redirect may have been followed and blocked. Capture it in DevTools to see the whole chain.',
};

/**
 * The verdict hangs on the credentials mode, which the file does not show: say what the other mode meets. The
 * verdict assumes no credentials unless the evidence said otherwise.
 */
function dependsOnCredentials(x: AnalysedExchange, otherwise: StagedFailure): string {
  const assumedWith = x.evaluation.credentials === 'include';
  const other = assumedWith ? 'without them' : "with them (credentials: 'include' or withCredentials)";
  const failure = shortFailure(otherwise.code, otherwise.failedParameter);
  const here = x.evaluation.verdict === 'blocked' ? 'this request is blocked as explained above' : 'this request passes';
  return `The capture does not show whether the page sent credentials. ${assumedWith ? 'With' : 'Without'} them ${here}; ${other} it is blocked instead: ${failure}.`;
}

export function caveats(x: AnalysedExchange): string[] {
  const ev = x.evaluation;
  const out: string[] = [];
  if (x.origin === null) out.push("The capture does not show the page's origin (no Origin, Referer or page URL): every origin check here is a guess.");
  if (x.requestMissing) out.push('Only the preflight is in the capture; the request it guarded is missing (DevTools may have been opened too late, or the entry was filtered out).');
  for (const n of ev.notes) {
    const credentialsDecide = n === 'credentials-unknown' && ev.otherwise && !ev.notes.includes('cors-mode-unproven');
    const text = n === 'preflight-from-cache' ? cachedPreflight(x) : credentialsDecide && ev.otherwise ? dependsOnCredentials(x, ev.otherwise) : NOTE_CAVEATS[n];
    if (text) out.push(text);
  }
  if (ev.notes.includes('decision-not-recorded')) {
    out.push(
      x.capture.source === 'live'
        ? `${x.capture.producer.facts.label} does not tell extensions its own decision: "blocked" here means the CORS check fails on the headers it recorded, for a request made in CORS mode.`
        : `This file, written by ${x.capture.producer.facts.label}, does not record the browser's own decision: "blocked" here means the CORS check fails on the headers the file shows, for a request the file shows was made in CORS mode.`,
    );
  }
  // Both credentials modes explain the failure: the fix for one may only move the error for the other.
  if (ev.notes.includes('credentials-inferred-omit') && ev.confidence !== 'certain' && ev.verdict === 'blocked') {
    out.push("The capture does not record the credentials mode; this assumes none. If the page sends credentials (credentials: 'include' or withCredentials), the response must name the origin exactly and also send Access-Control-Allow-Credentials: true.");
  }
  if (ev.verdict === 'blocked' && ev.confidence === 'uncertain' && x.origin !== null) {
    out.push('The capture does not settle every fact this verdict depends on; treat it as the most likely explanation, not a certainty.');
  }
  return out;
}
