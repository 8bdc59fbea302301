/**
 * The inspected page's network log, as the DevTools API hands it out: what finished before the panel opened
 * (getHAR) and every request as it finishes (onRequestFinished). The two overlap while getHAR is in flight, and
 * entries carry no id, so live entries that arrive before getHAR answers are held back and kept only if getHAR
 * did not already include them.
 */
import { reportKey } from '../src/har/request-key';

/** The part of `devtools.network` this module uses (the real one, or a fake in unit tests). */
export interface NetworkApi {
  getHAR(): Promise<{ entries?: unknown[]; pages?: unknown[] }>;
  onRequestFinished: { addListener(fn: (entry: unknown) => void): void };
  onNavigated: { addListener(fn: (url: string) => void): void };
}

export interface CaptureSink {
  entries(entries: unknown[], pages: ReadonlyMap<string, string>): void;
  navigated(url: string): void;
}


export function pagesOf(list: readonly unknown[] | undefined): Map<string, string> {
  const pages = new Map<string, string>();
  for (const p of list ?? []) {
    const o = p as { id?: unknown; title?: unknown };
    if (typeof o?.id === 'string' && typeof o.title === 'string') pages.set(o.id, o.title);
  }
  return pages;
}

export async function startCapture(api: NetworkApi, sink: CaptureSink): Promise<void> {
  let early: unknown[] | null = [];
  const none = new Map<string, string>();
  api.onRequestFinished.addListener((entry) => {
    if (early) early.push(entry);
    else sink.entries([entry], none);
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
  const held = early;
  early = null;
  sink.entries([...entries, ...held.filter((e) => !seen.has(reportKey(e)))], pagesOf(har?.pages));
}
