/**
 * The line Chrome prints in the console for a CORS failure, so a user can match CORS Lens's finding with what
 * they saw. Built like Blink's cors_error_string.cc: a prefix naming the request, the page origin and (for the
 * Preflight* codes) the preflight, then the code's template (code-words.ts) with `{hint}` standing for
 * failedParameter.
 *
 * Where Chrome 156's actual output differs from the older source (samples/chromium-156/cdp-console-log-entries.json),
 * the samples win: no "If an opaque response serves your needs..." after a missing Access-Control-Allow-Origin,
 * and only " Have the server send the header with a valid value." after the multiple / invalid / mismatching
 * value messages (seen for fetch; for XMLHttpRequest Blink has always omitted that sentence).
 */
import type { CorsErrorCode } from '../cors';
import { CODE_WORDS, type ConsoleSuffix } from './code-words';

export type ResourceKind = 'fetch' | 'XMLHttpRequest';

export interface ConsoleMessageInput {
  readonly code: CorsErrorCode;
  readonly failedParameter: string;
  /** The URL of the request that failed: after redirects, the last hop's. */
  readonly url: string;
  /** The URL the page asked for, when redirects led elsewhere. */
  readonly redirectedFrom?: string;
  /** The page's origin (Chrome names the page's origin even when the request carried `Origin: null`). */
  readonly origin: string;
  readonly resourceKind?: ResourceKind;
}

const SUFFIX: Readonly<Record<Exclude<ConsoleSuffix, null>, { readonly kind: ResourceKind; readonly text: string }>> = {
  'valid-value': { kind: 'fetch', text: ' Have the server send the header with a valid value.' },
  'xhr-credentials': { kind: 'XMLHttpRequest', text: ' The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.' },
};

const PREFLIGHT_PREFIX = "Response to preflight request doesn't pass access control check: ";

export function chromeConsoleMessage(input: ConsoleMessageInput): string {
  const kind = input.resourceKind ?? 'fetch';
  const template = CODE_WORDS[input.code].console;
  const redirected = input.redirectedFrom !== undefined && input.redirectedFrom !== input.url ? `(redirected from '${input.redirectedFrom}') ` : '';
  // split/join, not replace: a failedParameter holding `$&` must come out verbatim.
  const body = template.text.split('{hint}').join(input.failedParameter);
  const suffix = template.suffix !== null && SUFFIX[template.suffix].kind === kind ? SUFFIX[template.suffix].text : '';
  return (
    `Access to ${kind} at '${input.url}' ${redirected}from origin '${input.origin}' has been blocked by CORS policy: ` +
    (template.preflight ? PREFLIGHT_PREFIX : '') +
    body +
    suffix
  );
}
