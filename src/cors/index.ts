/** The engine's public surface: pure functions over plain records (no HAR, no DOM, no chrome.*). */
export * from './types';
export * from './exchange';
export { evaluate, type Evaluation, type EvidenceNote } from './evaluate';
export { checkAccess } from './access-check';
export { checkPreflight } from './preflight-check';
export { corsUnsafeHeaders, unsafeReason, isForbiddenRequestHeader, requestHeadersValue, type UnsafeHeader, type UnsafeHeaderReason } from './safelist';
export { whyPreflight, type PreflightReason } from './preflight-need';
export { CODE_FACTS, ALL_CODES, type CodeFacts } from './codes';
export type { CorsWarning, WarningCode } from './warnings';
export type { HopOutcome, PreflightSource } from './simulate';
export { hasHeader, headerValue, headerValues, nameIs } from './headers';
export { normaliseMethod, isSafelistedMethod } from './methods';
export { originOf, sameOrigin } from './origin';
