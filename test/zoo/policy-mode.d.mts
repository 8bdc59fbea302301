// Types for policy-mode.mjs (plain JS so the recorder can load it unbuilt), for the tests that import it.
import type { Policy } from '../../src/policy';

/** What policy mode reads of a policy: the JSON contract's fields (a Policy satisfies it). */
export type PolicyLike = Pick<Policy, 'target' | 'origins' | 'preflightStatus' | 'preflightResponse' | 'actualResponse'> & {
  readonly parts: readonly Pick<Policy, 'paths' | 'origins' | 'preflightStatus' | 'preflightResponse' | 'actualResponse'>[];
};

/** A request to a zoo case, as the answer hook sees it. */
export interface ZooRequest {
  /** The origin of the zoo server that received it. */
  readonly server: string;
  readonly method: string;
  readonly path: string;
  /** The request's Origin header, or null when it had none. */
  readonly origin: string | null;
  /** OPTIONS with Access-Control-Request-Method. */
  readonly preflight: boolean;
}

/** A zoo response: headers as a flat [name, value, ...] list in wire order. */
export interface ZooReply {
  readonly status: number;
  readonly headers: readonly string[];
  readonly body: string | Uint8Array;
  readonly destroy?: boolean | undefined;
  readonly delay?: number | undefined;
}

export type Answer = (req: ZooRequest, reply: ZooReply) => ZooReply;

export declare const REQUEST_ORIGIN: string;
export declare function policyMode(policies: readonly PolicyLike[]): Answer;
export declare function loadPolicyMode(file: string): Answer;
