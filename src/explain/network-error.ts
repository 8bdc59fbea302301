/**
 * Network errors that are not CORS errors. When the connection itself fails, Chrome reports no CORS error
 * (and the console still often says "CORS" nearby, which sends people to the wrong fix).
 */

const MEANING: Readonly<Record<string, string>> = {
  'net::ERR_CONNECTION_REFUSED': 'nothing accepted the connection: the server is not running, or not on that host and port',
  'net::ERR_NAME_NOT_RESOLVED': 'the host name did not resolve (DNS): check the spelling of the host',
  'net::ERR_EMPTY_RESPONSE': 'the server closed the connection without sending a response',
  'net::ERR_CONNECTION_RESET': 'the connection was reset: the server or something in between dropped it',
  'net::ERR_CONNECTION_CLOSED': 'the connection was closed before a response arrived',
  'net::ERR_CONNECTION_TIMED_OUT': 'the connection timed out: a firewall, or nothing reachable at that address',
  'net::ERR_TIMED_OUT': 'the request timed out',
  'net::ERR_ADDRESS_UNREACHABLE': 'the address is unreachable',
  'net::ERR_CERT_AUTHORITY_INVALID': 'the server\'s TLS certificate is not trusted (self-signed or unknown CA)',
  'net::ERR_CERT_COMMON_NAME_INVALID': 'the server\'s TLS certificate does not name this host',
  'net::ERR_CERT_DATE_INVALID': 'the server\'s TLS certificate has expired or is not yet valid',
  'net::ERR_SSL_PROTOCOL_ERROR': 'the TLS handshake failed (often https:// sent to a plain-http port)',
  'net::ERR_BLOCKED_BY_CLIENT': 'an extension (an ad or privacy blocker) blocked the request',
  'net::ERR_BLOCKED_BY_RESPONSE': 'a response policy (Cross-Origin-Resource-Policy or similar) blocked it',
  'net::ERR_ABORTED':
    "the request was cancelled (navigation away, AbortController, a superseded request), or, for a response with a body to a no-cors request (a <script>, <img>, fetch with mode: 'no-cors'), the browser withheld a body the page could not use (Opaque Response Blocking)",
  'net::ERR_INTERNET_DISCONNECTED': 'the browser was offline',
  'net::ERR_INVALID_REDIRECT': 'the redirect was invalid',
};

/** What a network error means, or null for an error we have no words for. */
export function networkErrorMeaning(error: string): string | null {
  return MEANING[error] ?? null;
}
