/**
 * Whether a request got a response at all. A HAR has no field for it: a request that never got an answer
 * (blocked before the network, a dropped connection) is written with status 0 and no response headers. A status
 * 0 that does carry headers is an answer (Firefox writes its blocked responses that way), so both must be empty.
 */
export function hasResponse(r: { readonly status: number; readonly responseHeaders: readonly unknown[] }): boolean {
  return r.status !== 0 || r.responseHeaders.length > 0;
}
