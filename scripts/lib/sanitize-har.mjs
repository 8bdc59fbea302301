// What Chrome's Network panel "Export HAR" does to a capture, as a pure transform: since Chrome 130
// (crbug 361717594) the toolbar's export is *sanitized* unless the user turned on "Allow to generate HAR with
// sensitive data". The rules are devtools-frontend's front_end/models/har/Log.ts with `sanitize: true`, as
// summarised in /work/shared/har-producers.md:
//   - request headers `Authorization` and `Cookie` are left out (names compared lower-cased),
//   - response header `Set-Cookie` is left out (same),
//   - `request.cookies` and `response.cookies` are emptied,
//   - nothing else: `Proxy-Authorization`, API keys, URLs, bodies stay, and `headersSize` still counts the
//     bytes of the removed lines.
// Not modelled here (the entries are kept as they are): the real export holds only *finished* requests (a
// no-cors response whose opaque body the page never read has no entry), only those the panel's filter shows
// (with a Fetch/XHR filter on, preflights are left out), and adds `content.text` bodies.
//
// Accepts what analyseHar accepts: a HAR file ({log: {...}}), a bare log ({entries}), or an array of entries;
// returns a new value of the same shape and never touches its input.

/** Request header names the export removes, lower-case. */
export const SANITIZED_REQUEST_HEADERS = Object.freeze(['authorization', 'cookie']);
/** Response header names the export removes, lower-case. */
export const SANITIZED_RESPONSE_HEADERS = Object.freeze(['set-cookie']);

/** @param {unknown} v */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * @param {unknown} headers
 * @param {readonly string[]} drop lower-case names
 */
function without(headers, drop) {
  if (!Array.isArray(headers)) return headers;
  return headers.filter((h) => !(isObject(h) && typeof h.name === 'string' && drop.includes(h.name.toLowerCase())));
}

/** One HAR entry as the sanitized export writes it. @param {unknown} entry */
export function sanitizeEntry(entry) {
  if (!isObject(entry)) return structuredClone(entry);
  const e = structuredClone(entry);
  if (isObject(e.request)) {
    e.request.headers = without(e.request.headers, SANITIZED_REQUEST_HEADERS);
    if ('cookies' in e.request) e.request.cookies = [];
  }
  if (isObject(e.response)) {
    e.response.headers = without(e.response.headers, SANITIZED_RESPONSE_HEADERS);
    if ('cookies' in e.response) e.response.cookies = [];
  }
  return e;
}

/**
 * The whole capture as the sanitized export writes it.
 * @template T
 * @param {T} har
 * @returns {T}
 */
export function sanitizeHar(har) {
  if (Array.isArray(har)) return /** @type {T} */ (/** @type {unknown} */ (har.map(sanitizeEntry)));
  if (!isObject(har)) return structuredClone(har);
  const log = isObject(har.log) ? har.log : har;
  // Everything but the entries is copied as it is (creator, pages, browser): the export keeps them.
  const out = structuredClone({ ...log, entries: [] });
  out.entries = Array.isArray(log.entries) ? log.entries.map(sanitizeEntry) : structuredClone(log.entries);
  if (!isObject(har.log)) return /** @type {T} */ (/** @type {unknown} */ (out));
  return /** @type {T} */ (/** @type {unknown} */ ({ ...structuredClone({ ...har, log: null }), log: out }));
}

/**
 * Names of the headers sanitizing removes from this entry (for reports: "this exchange lost its Cookie").
 * @param {unknown} entry
 * @returns {string[]}
 */
export function sanitizedAway(entry) {
  if (!isObject(entry)) return [];
  const names = (/** @type {unknown} */ hs, /** @type {readonly string[]} */ drop) => (Array.isArray(hs) ? hs : [])
    .filter((h) => isObject(h) && typeof h.name === 'string' && drop.includes(h.name.toLowerCase()))
    .map((h) => h.name);
  return [
    ...names(isObject(entry.request) ? entry.request.headers : [], SANITIZED_REQUEST_HEADERS),
    ...names(isObject(entry.response) ? entry.response.headers : [], SANITIZED_RESPONSE_HEADERS),
  ];
}
