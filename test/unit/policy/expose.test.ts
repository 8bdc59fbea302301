/** Expose-Headers candidates: what a page could need exposed, never what it can always read or never read. */
import { describe, expect, it } from 'vitest';
import { exposeCandidates } from '../../../src/policy/expose';

describe('exposeCandidates', () => {
  it.each<[string, string[], string[]]>([
    ['non-safelisted headers, lower-case, once, sorted', ['X-Request-Id', 'ETag', 'x-request-id'], ['etag', 'x-request-id']],
    ['safelisted ones are always readable', ['Content-Type', 'Cache-Control', 'Content-Length', 'Expires', 'Last-Modified', 'Pragma', 'Content-Language'], []],
    ['Set-Cookie is never readable', ['Set-Cookie', 'set-cookie2'], []],
    ['connection headers and CORS lines are not the response', ['Connection', 'Keep-Alive', 'Transfer-Encoding', 'Access-Control-Allow-Origin'], []],
    ['HTTP/2 pseudo-headers and non-tokens are left out', [':status', 'x bad', 'x\nbad'], []],
  ])('%s', (_name, names, expected) => expect(exposeCandidates(names)).toEqual(expected));
});
