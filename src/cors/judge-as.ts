/**
 * What another browser would have decided on the same exchange: its rules (browser.ts) replayed on the headers
 * one browser captured. Only the server's answers are shared evidence; what the capturing browser decided is
 * not, and where the other browser would have sent something the capture cannot hold (a preflight the first
 * browser did not need, a request the first one never sent), the answer is "depends", never a guess.
 */
import { type Browser } from './browser';
import type { ExchangeRecord } from './exchange';
import { type HopOutcome, simulate } from './simulate';
import type { StagedFailure } from './types';

export type JudgedAs =
  | { readonly verdict: 'blocked'; readonly failure: StagedFailure; readonly hops: readonly HopOutcome[] }
  | { readonly verdict: 'allowed'; readonly hops: readonly HopOutcome[] }
  | {
      readonly verdict: 'depends';
      /**
       * `unseen-preflight`: it would send a preflight (OPTIONS) the capture does not hold; `no-response`: it
       * would get further than the capturing browser did, to a response the capture does not hold.
       */
      readonly on: 'unseen-preflight' | 'no-response';
      /** The hop (0 = the first request) whose unseen answer decides. */
      readonly hop: number;
      readonly hops: readonly HopOutcome[];
    };

export function judgeAs(record: ExchangeRecord, browser: Browser, credentials: boolean): JudgedAs {
  const capturedBy = record.browser ?? 'chrome';
  const sim = simulate(browser === capturedBy ? record : { ...record, browser }, credentials, capturedBy);
  const { hops } = sim;
  if (sim.failure) return { verdict: 'blocked', failure: sim.failure, hops };
  const last = Math.max(0, hops.length - 1);
  switch (sim.end) {
    case 'unseen-preflight':
      return { verdict: 'depends', on: 'unseen-preflight', hop: last, hops };
    case 'no-response':
    case 'missing-preflight':
    case 'invalid-redirect':
      return { verdict: 'depends', on: 'no-response', hop: last, hops };
    case 'complete':
    case 'redirect-not-followed':
      return { verdict: 'allowed', hops };
  }
}
