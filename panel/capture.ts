/**
 * The inspected page's network log, as the DevTools API hands it out: what finished before the panel opened
 * (getHAR) and every request as it finishes (onRequestFinished). The two overlap while getHAR is in flight, and
 * entries carry no id, so live entries that arrive before getHAR answers are held back and kept only if getHAR
 * did not already include them.
 *
 * Firefox leaves some requests out of its live events altogether; with `backfill` on, later reads of the log find
 * them (panel/missed-requests.ts).
 */
import { reportKey } from '../src/har/request-key';
import { isAnswered, MissedRequests, type MissedState } from './missed-requests';

/** The part of `devtools.network` this module uses (the real one, or a fake in unit tests). */
export interface NetworkApi {
  getHAR(): Promise<{ entries?: unknown[]; pages?: unknown[] }>;
  onRequestFinished: { addListener(fn: (entry: unknown) => void): void };
  onNavigated: { addListener(fn: (url: string) => void): void };
}

export interface CaptureSink {
  entries(entries: unknown[], pages: ReadonlyMap<string, string>): void;
  /**
   * Requests read from the log that no live event reported (with `backfill`). The log lists a request still in
   * flight the same way as one that will never be reported, so a later live report may stand for the same request.
   */
  missed(entries: unknown[]): void;
  navigated(url: string): void;
}

export interface CaptureOptions {
  /** Firefox: read the log again after preflights, for the requests onRequestFinished never reports. */
  readonly backfill?: boolean;
  /** Whether such a read is due or running (see MissedRequests). */
  readonly onBackfill?: (state: MissedState) => void;
}


export function pagesOf(list: readonly unknown[] | undefined): Map<string, string> {
  const pages = new Map<string, string>();
  for (const p of list ?? []) {
    const o = p as { id?: unknown; title?: unknown };
    if (typeof o?.id === 'string' && typeof o.title === 'string') pages.set(o.id, o.title);
  }
  return pages;
}

export async function startCapture(api: NetworkApi, sink: CaptureSink, options: CaptureOptions = {}): Promise<void> {
  let early: unknown[] | null = [];
  const none = new Map<string, string>();
  const missed = options.backfill
    ? new MissedRequests(
        async () => (await api.getHAR()).entries ?? [],
        (entries) => sink.missed(entries),
        options.onBackfill,
      )
    : null;
  api.onRequestFinished.addListener((entry) => {
    if (early) early.push(entry);
    else if (!missed) sink.entries([entry], none);
    else if (missed.saw(entry)) {
      sink.entries([entry], none);
      missed.arrived(entry);
    }
  });
  api.onNavigated.addListener((url) => sink.navigated(url));
  let har: { entries?: unknown[]; pages?: unknown[] } = {};
  try {
    har = await api.getHAR();
  } catch {
    // Without the backlog the live capture still works: nothing to add.
  }
  const entries = Array.isArray(har?.entries) ? har.entries : [];
  const seen = new Set(entries.map(reportKey));
  const held = early.filter((e) => !seen.has(reportKey(e)));
  early = null;
  if (!missed) {
    sink.entries([...entries, ...held], pagesOf(har?.pages));
    return;
  }
  // The backlog's entries without a response may be requests still in flight: stand-ins, like those found later.
  const backlog = entries.filter((e) => missed.saw(e));
  sink.entries([...backlog.filter(isAnswered), ...held.filter((e) => missed.saw(e))], pagesOf(har?.pages));
  const pending = backlog.filter((e) => !isAnswered(e));
  if (pending.length > 0) sink.missed(pending);
  for (const e of held) missed.arrived(e);
}
