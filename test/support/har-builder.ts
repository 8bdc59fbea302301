/** Small HAR entries shaped like Chrome's, for tests that need a particular layout (order, timing, interleaving). */
export interface EntrySpec {
  method?: string;
  url: string;
  start: number; // ms offset
  time?: number;
  blocked?: number;
  requestHeaders?: [string, string][];
  status?: number;
  responseHeaders?: [string, string][];
  error?: string | null;
  preflight?: boolean;
  redirectURL?: string;
  resourceType?: string;
  body?: { mimeType: string; text: string };
  /** No startedDateTime (captures from other tools): the entry cannot be ordered in time. */
  untimed?: boolean;
}

export const T0 = Date.parse('2026-11-21T22:52:00.000Z');

export function harEntry(s: EntrySpec): Record<string, unknown> {
  const time = s.time ?? 10;
  return {
    _resourceType: s.preflight ? 'preflight' : (s.resourceType ?? 'fetch'),
    _initiator: s.preflight ? { type: 'preflight', url: s.url } : { type: 'script' },
    ...(s.untimed ? {} : { startedDateTime: new Date(T0 + s.start).toISOString() }),
    time,
    timings: { blocked: s.blocked ?? 0, dns: -1, connect: -1, ssl: -1, send: 0, wait: time, receive: 0 },
    request: {
      method: s.method ?? (s.preflight ? 'OPTIONS' : 'GET'),
      url: s.url,
      headers: (s.requestHeaders ?? []).map(([name, value]) => ({ name, value })),
      ...(s.body ? { postData: s.body } : {}),
    },
    response: {
      status: s.status ?? 200,
      headers: (s.responseHeaders ?? []).map(([name, value]) => ({ name, value })),
      redirectURL: s.redirectURL ?? '',
      _error: s.error ?? null,
    },
  };
}

export function har(entries: EntrySpec[]): string {
  return JSON.stringify({ log: { version: '1.2', entries: entries.map(harEntry) } });
}
