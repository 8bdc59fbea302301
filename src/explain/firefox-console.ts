/**
 * The line Firefox prints in its web console for a CORS failure, so a Firefox user can match CORS Lens's finding
 * with what they saw, and the MDN page Firefox links it to. The messages are Firefox ESR 153's
 * security.properties entries (read from the installed browser by scripts/record-firefox.mjs), with %1$S the URL
 * that failed and %2$S the reason's argument; the link pattern is the console's own (devtools errordocs).
 */
import { cap } from './captured';
import type { FirefoxReason } from './firefox-reason';

const MESSAGES: Readonly<Record<string, string>> = {
  CORSDisabled: "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at %1$S. (Reason: CORS disabled).",
  CORSDidNotSucceed2: "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at %1$S. (Reason: CORS request did not succeed). Status code: %2$S.",
  CORSOriginHeaderNotAdded: "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at %1$S. (Reason: CORS header ‘Origin’ cannot be added).",
  CORSExternalRedirectNotAllowed: "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at %1$S. (Reason: CORS request external redirect not allowed).",
  CORSRequestNotHttp: "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at %1$S. (Reason: CORS request not http).",
  CORSMissingAllowOrigin2: "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at %1$S. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: %2$S.",
  CORSMultipleAllowOriginNotAllowed: "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at %1$S. (Reason: Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed).",
  CORSAllowOriginNotMatchingOrigin: "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at %1$S. (Reason: CORS header ‘Access-Control-Allow-Origin’ does not match ‘%2$S’).",
  CORSNotSupportingCredentials: "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ‘%1$S’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’).",
  CORSMethodNotFound: "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at %1$S. (Reason: Did not find method in CORS header ‘Access-Control-Allow-Methods’).",
  CORSMissingAllowCredentials: "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at %1$S. (Reason: expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’).",
  CORSPreflightDidNotSucceed3: "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at %1$S. (Reason: CORS preflight response did not succeed). Status code: %2$S.",
  CORSInvalidAllowMethod: "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at %1$S. (Reason: invalid token ‘%2$S’ in CORS header ‘Access-Control-Allow-Methods’).",
  CORSInvalidAllowHeader: "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at %1$S. (Reason: invalid token ‘%2$S’ in CORS header ‘Access-Control-Allow-Headers’).",
  CORSMissingAllowHeaderFromPreflight2: "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at %1$S. (Reason: header ‘%2$S’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response).",
};

export function firefoxConsoleMessage(reason: FirefoxReason, url: string): string | null {
  const template = MESSAGES[reason.key];
  if (template === undefined) return null;
  // split/join, not replace: a captured value holding `$&` must come out verbatim.
  return template.split('%1$S').join(url).split('%2$S').join(reason.arg ?? '(null)');
}

/** The words inside Firefox's "(Reason: …)", argument filled in: what a Firefox user reads as the cause. */
export function firefoxReasonText(reason: FirefoxReason): string | null {
  const template = MESSAGES[reason.key];
  const m = template === undefined ? null : /\(Reason: (.*?)\)\./.exec(template);
  return m?.[1] === undefined ? null : m[1].split('%2$S').join(cap(reason.arg ?? '(null)'));
}

/** MDN's page for a reason: the key without its version digit, under Guides/CORS/Errors. */
export function firefoxReasonPage(key: string): string {
  return `https://developer.mozilla.org/docs/Web/HTTP/Guides/CORS/Errors/${key.replace(/\d+$/, '')}`;
}
