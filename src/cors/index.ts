/** The engine's public surface: pure functions over plain records (no HAR, no DOM, no chrome.*). */
export * from './types';
export * from './exchange';
export { type Browser, BROWSERS, type BrowserRules, otherBrowser } from './browser';
export { evaluate, type Evaluation, type EvidenceNote } from './evaluate';
export { judgeAs, type JudgedAs } from './judge-as';
export { checkAccess } from './access-check';
export { checkPreflight } from './preflight-check';
export { CHROMIUM_ONLY_SAFELIST, corsUnsafeHeaders, MAX_SAFELISTED_TOTAL_BYTES, MAX_SAFELISTED_VALUE_BYTES, unsafeReason, isForbiddenRequestHeader, requestHeadersValue, type UnsafeHeader, type UnsafeHeaderReason } from './safelist';
export { type PreflightReason } from './preflight-need';
export {
  ACCESS_CODES,
  type AccessCode,
  baseCode,
  type BaseCode,
  type CodeFacts,
  type CodeFamily,
  CODES,
  isAccessCode,
  isPreflightTwin,
  preflightTwin,
  type PreflightTwin,
} from './codes';
export { allowListItems } from './allow-list';
export type { CorsWarning, WarningCode } from './warnings';
export { simulate, type HopOutcome, type PreflightSource, type Simulation, type SimulationEnd } from './simulate';
export { hasHeader, headerText, headerValue, headerValues, nameIs, trimOws } from './headers';
export { normaliseMethod, isSafelistedMethod } from './methods';
export { originOf, sameOrigin } from './origin';
