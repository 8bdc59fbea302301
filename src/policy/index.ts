/**
 * The server policy layer: from a capture's CORS exchanges, the least-privilege CORS configuration per target
 * origin, proven by replaying every exchange against it with the engine's checks. Pure: no DOM, no chrome.*,
 * no Node APIs.
 */
export { policyReport } from './policy';
export { REQUEST_ORIGIN, type CannotPass, type CannotPassKind, type MaxAgeCap, type PassCount, type Policy, type PolicyNote, type PolicyNoteKey, type PolicyPart, type PolicyReport } from './types';
export { POLICY_MAX_AGE } from './max-age';
export { targetPass } from './target-pass';
export { isApiGateway, policySnippet, policySnippets, type OutsidePlace, type OutsideSnippet, type PolicySnippets } from './render';
