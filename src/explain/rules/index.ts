/**
 * The cause rules, in the order their sentences are shown. Each recognises one real-world cause of a CORS
 * failure from the evidence, or answers null; most failures in the wild are one of these, not "no CORS at all".
 */
import type { Rule } from '../context';
import { allowCredentials } from './allow-credentials';
import { errorResponseHidesStatus } from './error-response-hides-status';
import { headersWildcardWithCredentials } from './headers-wildcard-with-credentials';
import { methodCase } from './method-case';
import { multipleValues } from './multiple-values';
import { originDifference } from './origin-difference';
import { pageSide } from './page-side';
import { preflightHitAuth } from './preflight-hit-auth';
import { preflightRedirect } from './preflight-redirect';
import { preflightStatus } from './preflight-status';
import { redirectCredentials } from './redirect-credentials';
import { taintedOrigin } from './tainted-origin';
import { unparsableList } from './unparsable-list';
import { wildcardWithCredentials } from './wildcard-with-credentials';

export const RULES: readonly Rule[] = [
  errorResponseHidesStatus,
  preflightHitAuth,
  preflightStatus,
  preflightRedirect,
  multipleValues,
  originDifference,
  taintedOrigin,
  wildcardWithCredentials,
  allowCredentials,
  methodCase,
  headersWildcardWithCredentials,
  unparsableList,
  redirectCredentials,
  pageSide,
];
