/**
 * The server policy's vocabulary: what `cors-lens policy --format json` prints and the panel's policy view reads
 * (issue 13's JSON contract). One `Policy` per target origin, with parts by path where the traffic needs a
 * split (split.ts). Every list holds only what the capture showed; every sentence (`reason`, `text`) is CORS
 * Lens's own wording and never quotes a captured value, so a face can print it without escaping it as data.
 * The lists themselves are captured values and hostile like any other: methods and header names are HTTP
 * tokens and paths unreserved characters, but an origin is whatever the request carried, so a face escapes it
 * and render/ writes only plain `scheme://host[:port]` origins into configuration.
 */
import type { Header } from '../cors';

/** The value of a line that depends on the request: the contract's literal wording. */
export const REQUEST_ORIGIN = "<the request's Origin, from the list>";

export interface PassCount {
  readonly passing: number;
  readonly total: number;
}

/**
 * Why an exchange does not pass under the policy. `impossible`: no least-privilege CORS policy can make it pass
 * (the fix is elsewhere, or allowing it would allow every site). `unproven`: the capture does not hold what
 * decides it (a hop the browser never reached), so passing cannot be claimed.
 */
export type CannotPassKind =
  | 'origin-unknown'
  | 'null-origin-with-credentials'
  | 'redirect-contains-credentials'
  | 'disabled-scheme'
  | 'preflight-redirected'
  | 'network-error'
  | 'invalid-redirect'
  | 'not-a-cors-failure'
  | 'beyond-capture'
  | 'no-response'
  | 'replay-failed';

export interface CannotPass {
  /** The exchange's id: its position in the analysis, as `check --format json` numbers it. */
  readonly exchange: number;
  readonly kind: CannotPassKind;
  readonly class: 'impossible' | 'unproven';
  readonly reason: string;
  /** The hop (0 = the request the page made) where it stops, when one does. */
  readonly hop: number | null;
}

export type PolicyNoteKey =
  | 'preflight-before-auth'
  | 'error-responses'
  | 'max-age'
  | 'vary'
  | 'expose'
  | 'null-origin'
  | 'credentials-unseen'
  | 'split'
  | 'whole-origin'
  | 'other-paths';

export interface PolicyNote {
  readonly key: PolicyNoteKey;
  readonly text: string;
}

export interface MaxAgeCap {
  readonly browser: string;
  readonly seconds: number;
}

/** The policy for some paths of a target: complete, least-privilege for the requests made to those paths. */
export interface PolicyPart {
  /**
   * Path prefixes this covers, each with everything below it (`/api` covers `/api` and `/api/...`).
   * `["/"]`: the whole origin.
   */
  readonly paths: readonly string[];
  /** The exact allow-list: the pages' origins seen, sorted. Never `*`; "null" only when seen without credentials. */
  readonly origins: readonly string[];
  /** Methods beyond the safelisted ones, exactly as the preflights asked for them (case matters). */
  readonly methods: readonly string[];
  /**
   * Every method the requests here used, safelisted ones included: stacks that check the method of every
   * request and preflight against their list (Spring, Flask-CORS) need those too. Adds no privilege: a
   * safelisted method is allowed whatever the list says.
   */
  readonly allMethods: readonly string[];
  /** Non-safelisted request header names, lower-case, as the preflights asked for them. */
  readonly requestHeaders: readonly string[];
  readonly credentials: boolean;
  /** Access-Control-Max-Age, or null when no request here needs a preflight. */
  readonly maxAge: number | null;
  readonly maxAgeCaps: readonly MaxAgeCap[];
  /** The status a preflight is answered with, before any authentication; null when none is needed. */
  readonly preflightStatus: 204 | null;
  /** The complete CORS lines of a preflight answer for one allowed origin (REQUEST_ORIGIN stands for it). */
  readonly preflightResponse: readonly Header[];
  /** The complete CORS lines of every other response, redirects and errors included. */
  readonly actualResponse: readonly Header[];
  /**
   * Non-safelisted response headers the capture shows: Access-Control-Expose-Headers candidates. Not in
   * actualResponse, since the capture cannot show which of them the page reads.
   */
  readonly exposeCandidates: readonly string[];
  /** The exchanges made to these paths, replayed against these lines. */
  readonly pass: PassCount;
  readonly cannotPass: readonly CannotPass[];
  readonly notes: readonly PolicyNote[];
}

/**
 * A target's policy. Its own fields are one configuration for the whole origin (paths `["/"]`): what a stack
 * or gateway that cannot route CORS by path must send, and the least-privilege policy whenever the traffic
 * needs no split. Where it does (split.ts), `parts` holds two or more policies by path prefix, each allowing
 * only what its own requests showed: the configuration to prefer wherever the stack can route by path.
 */
export interface Policy extends PolicyPart {
  /** The origin the server serves, as the browser compares it ("https://api.example.com"). */
  readonly target: string;
  /** Empty when the traffic needs no split. */
  readonly parts: readonly PolicyPart[];
}

export interface PolicyReport {
  readonly policies: readonly Policy[];
  /**
   * Over all CORS exchanges of the capture, each counted once, replayed against the least-privilege
   * configuration (each target's parts where it is split).
   */
  readonly pass: PassCount;
  /** Every exchange that does not pass, including those with no policy to belong to. */
  readonly cannotPass: readonly CannotPass[];
}
