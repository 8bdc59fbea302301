/**
 * What every explanation rule looks at for a blocked exchange, gathered once, and the small phrasings the
 * headlines and rules share. A rule reads this and answers a sentence or null; none goes back to the HAR.
 */
import type { CorsErrorCode, Evaluation, HopRecord, ResponseRecord, StagedFailure } from '../cors';
import type { AnalysedExchange } from '../har/analyze';
import { cap } from './captured';
import { shorten } from './preflight-cause';

export interface Ctx {
  readonly x: AnalysedExchange;
  readonly ev: Evaluation;
  readonly error: StagedFailure;
  readonly code: CorsErrorCode;
  readonly fp: string;
  readonly hop: HopRecord | undefined;
  /** The response the failing check ran on (the preflight's for stage "preflight"). */
  readonly response: ResponseRecord | null;
  readonly status: number;
  /** The Origin the request carried at the failing hop ("null" after a tainting redirect). */
  readonly hopOrigin: string;
  readonly pageOrigin: string;
  /** The header the code is about and its value on the failing response (null: absent). */
  readonly header: string | null;
  readonly received: string | null;
}

/** A sentence about the failure, or null when the rule does not recognise this cause. */
export type Rule = (c: Ctx) => string | null;

const STATUS_TEXT: Readonly<Record<number, string>> = {
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function statusName(status: number): string {
  const text = STATUS_TEXT[status];
  return text ? `${status} ${text}` : String(status);
}

/** A captured value in quotes, cut to what a sentence can hold. */
export const q = (v: string): string => cap(`'${shorten(v)}'`);

export function subject(c: Ctx): string {
  if (c.error.stage === 'preflight') return 'the preflight response';
  return c.error.stage === 'redirect' ? 'the redirect response' : 'the response';
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** How the capture shows the request carried credentials, for the rules that depend on it. */
export function credentialsEvidence(c: Ctx): string {
  if (c.ev.notes.includes('credentials-from-cookie')) return 'it carried a Cookie header';
  if (c.ev.notes.includes('credentials-inferred-include')) return "inferred: the capture does not record it, but only a request with credentials fails this way";
  return "credentials: 'include' or withCredentials";
}
