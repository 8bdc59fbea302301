/**
 * Why a request is not CORS, in a few words the JSON and the panel show. Most of any real capture is not CORS
 * at all (scripts, images, navigations, WebSockets, tools that are not browsers), and calling those "blocked"
 * is the false alarm that makes users uninstall a tool on the first day.
 */
export type NotCorsReason =
  | 'same-origin'
  | 'websocket'
  | 'navigation'
  | 'form-post'
  | 'no-cors-load'
  | 'no-cors-request'
  | 'opaque-response'
  | 'non-browser-client'
  | 'local-url'
  | 'no-evidence';

export const NOT_CORS_TEXT: Readonly<Record<NotCorsReason, string>> = {
  'same-origin': 'same-origin: no CORS check applies',
  websocket: 'a WebSocket: the server checks Origin itself, the browser applies no CORS check',
  navigation: 'a navigation (a page or frame load): no CORS check applies',
  'form-post': 'a form submission: a navigation, which no CORS check applies to',
  'no-cors-load': 'a script, image, stylesheet or media load without crossorigin: no-cors, the page cannot read it',
  'no-cors-request': "a no-cors request (fetch with mode: 'no-cors', or a load that sent no Origin across origins): no CORS check applies, and the page gets an opaque response it cannot read",
  'opaque-response': 'a cross-origin request without Origin that the browser completed: a no-cors request with an opaque response, not a CORS one',
  'non-browser-client': 'made by a client that is not a browser (curl, an app, an API tool): only browsers enforce CORS',
  'local-url': 'a data: or blob: URL, read locally: no CORS check applies',
  'no-evidence': 'the file shows nothing that makes this a CORS request (no Origin, no Sec-Fetch-Mode, no resource type, no preflight): taken as not CORS, but the file cannot tell',
};

/** The same in a few words, for a list row. */
export const NOT_CORS_SHORT: Readonly<Record<NotCorsReason, string>> = {
  'same-origin': 'same-origin',
  websocket: 'WebSocket',
  navigation: 'navigation',
  'form-post': 'form post',
  'no-cors-load': 'no-cors load',
  'no-cors-request': 'no-cors request',
  'opaque-response': 'opaque (no-cors)',
  'non-browser-client': 'not a browser',
  'local-url': 'data: or blob: URL',
  'no-evidence': 'no CORS evidence',
};
