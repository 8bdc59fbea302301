/**
 * Why a request needed a preflight. Answers in reasons rather than a boolean, because "a preflight was sent"
 * is the surprise most users start from: "this preflight was caused by Content-Type: application/json".
 */
import { isSafelistedMethod } from './methods';
import type { UnsafeHeader } from './safelist';

export type PreflightReason =
  | { readonly kind: 'method'; readonly method: string }
  | ({ readonly kind: 'header' } & UnsafeHeader);

export function preflightReasons(method: string, unsafeHeaders: readonly UnsafeHeader[]): PreflightReason[] {
  const reasons: PreflightReason[] = [];
  if (!isSafelistedMethod(method)) reasons.push({ kind: 'method', method });
  for (const h of unsafeHeaders) reasons.push({ kind: 'header', ...h });
  return reasons;
}

