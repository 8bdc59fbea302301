/**
 * One part's policy from its uses: the exact origins, the methods and header names the preflights asked for,
 * credentials only where a request showed them, and the notes a backend developer needs to place the lines
 * (preflight before authentication, error responses, Max-Age, Vary, Expose-Headers, a "null" origin).
 * `null` is allowed only where no credentials are: with them, any site could read the user's responses
 * through a sandboxed iframe, so those requests go to cannotPass instead (cannot-pass.ts).
 */
import { isToken } from '../http';
import { exposeCandidates } from './expose';
import { actualLines, type PolicyShape, preflightLines } from './lines';
import { maxAgeCaps, maxAgeNote, POLICY_MAX_AGE } from './max-age';
import type { Part } from './split';
import { type PolicyNote, type PolicyPart, REQUEST_ORIGIN } from './types';
import { originsOf, privilegedMethod } from './uses';

export interface Draft extends Omit<PolicyPart, 'pass' | 'cannotPass'> {
  /** Exchanges whose "null" origin this part cannot allow, because it allows credentials. */
  readonly nullRefused: ReadonlySet<number>;
}

/** `whole`: the target needs no split; `whole-of-split`: one configuration for a split target; `part`: one part. */
export type Role = 'whole' | 'whole-of-split' | 'part';

const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

export function draft(part: Part, role: Role): Draft {
  const { uses } = part;
  const credentials = uses.some((u) => u.credentials);
  const seen = sorted(uses.flatMap(originsOf));
  const origins = credentials ? seen.filter((o) => o !== 'null') : seen;
  const nullRefused = new Set(credentials ? uses.filter((u) => originsOf(u).includes('null')).map((u) => u.exchange) : []);
  const methods = sorted(uses.map(privilegedMethod).filter((m): m is string => m !== null && isToken(m)));
  const allMethods = sorted(uses.flatMap((u) => (u.preflight ? [u.method, u.preflight.method] : [u.method])).filter(isToken));
  const requestHeaders = sorted(uses.flatMap((u) => u.preflight?.headers ?? []).filter(isToken));
  const preflight = uses.some((u) => u.preflight !== null);
  const shape: PolicyShape = { origins, methods, requestHeaders, credentials, maxAge: preflight ? POLICY_MAX_AGE : null };
  const expose = exposeCandidates(uses.flatMap((u) => u.responseHeaders));
  return {
    ...shape,
    paths: part.paths,
    allMethods,
    maxAgeCaps: maxAgeCaps(),
    preflightStatus: preflight ? 204 : null,
    preflightResponse: preflight ? preflightLines(shape, REQUEST_ORIGIN) : [],
    actualResponse: actualLines(shape, REQUEST_ORIGIN),
    exposeCandidates: expose,
    notes: notes({ preflight, credentials, nullAllowed: origins.includes('null'), expose: expose.length > 0, role }),
    nullRefused,
  };
}

interface NoteFacts {
  readonly preflight: boolean;
  readonly credentials: boolean;
  readonly nullAllowed: boolean;
  readonly expose: boolean;
  readonly role: Role;
}

function notes(f: NoteFacts): PolicyNote[] {
  const out: PolicyNote[] = [];
  if (f.preflight) {
    out.push({
      key: 'preflight-before-auth',
      text:
        'Answer a preflight (OPTIONS with Access-Control-Request-Method) with 204 and the preflight lines before authentication, redirects or routing run: ' +
        'a preflight never carries cookies or Authorization, so an authenticated route answers it 401 and the browser blocks the request.',
    });
  }
  out.push({
    key: 'error-responses',
    text: 'Every response here, 4xx and 5xx included (and redirects), must carry the same lines: an error response without them reaches the page as a CORS error that hides its status.',
  });
  out.push({
    key: 'vary',
    text: 'Vary: Origin on every response, allowed origin or not: the answer depends on the request\'s Origin, and a cache must not hand one origin\'s answer to another.',
  });
  if (f.preflight) out.push(maxAgeNote());
  if (f.expose) {
    out.push({
      key: 'expose',
      text:
        'A page reads only safelisted response headers unless Access-Control-Expose-Headers names them. The capture shows which headers the server sent (the expose candidates), ' +
        'never which ones the page reads, so none is exposed here: add the ones it reads, and no more.',
    });
  }
  if (f.nullAllowed) {
    out.push({
      key: 'null-origin',
      text:
        'The list allows the origin "null", because requests here carried it (a sandboxed iframe, a file: or data: page, or a request after a cross-origin redirect). ' +
        'Any site can send Origin: null from a sandboxed iframe, so this lets every site read these responses: keep it only for public data, or remove the cause.',
    });
  }
  if (!f.credentials) {
    out.push({
      key: 'credentials-unseen',
      text:
        'No request here shows credentials (no Cookie sent, no failure that needs them), so none are allowed. If the page sends them ' +
        "(fetch with credentials: 'include', XHR withCredentials), add Access-Control-Allow-Credentials: true.",
    });
  }
  if (f.role === 'whole-of-split') {
    out.push({
      key: 'whole-origin',
      text:
        'These are the lines one configuration for every path of this origin must send. Its paths need different privileges, so the parts each allow only what their own ' +
        'requests showed: configure those instead wherever the stack can route CORS by path.',
    });
  }
  if (f.role === 'part') {
    out.push({
      key: 'split',
      text: 'The origin is split by path because its paths need different privileges (credentials, or methods beyond GET, HEAD and POST): this part allows only what its own requests showed.',
    });
    out.push({ key: 'other-paths', text: 'Paths outside every part\'s prefixes were not requested across origins in the capture and get no CORS lines.' });
  }
  return out;
}
