/** What reading a HAR yields, and the one error for input that is not a HAR at all. */
import type { Entry } from './entry';
import type { Producer } from './producer';
import type { Sanitized } from './sanitized';

export class HarError extends Error {
  override readonly name = 'HarError';
}

export interface SkippedEntry {
  readonly index: number;
  readonly reason: string;
}

export interface ParsedHar {
  readonly entries: Entry[];
  readonly skipped: SkippedEntry[];
  readonly total: number;
  /** The page URLs the HAR names (log.pages[].title), by page id: evidence of the initiator origin. */
  readonly pages: ReadonlyMap<string, string>;
  /** URLs of the scripts that started workers: a request a worker made names one as its initiator. */
  readonly workerScripts?: ReadonlySet<string>;
  /** The file files its entries under pages (`pageref`): then one filed under none came from elsewhere. Live entries have none. */
  readonly pagerefs?: boolean;
  /** The producer records the browser's decision and wrote `_error`; otherwise "no error" proves nothing. */
  readonly errorsRecorded: boolean;
  /** Who wrote the file, and what it can show. */
  readonly producer: Producer;
  /** Whether Cookie, Authorization and Set-Cookie were removed on export ('no' when the producer never does). */
  readonly sanitized: Sanitized;
  /** The browser that made the capture, for reports: log.browser, else a User-Agent; null when neither says. */
  readonly browser?: string | null;
  /**
   * Entries as DevTools reported them while the page ran (the panel's live capture), not a file: Chrome may
   * report a request before merging in its wire headers and its response, and complete it only later.
   */
  readonly live?: boolean;
}

