// A WebDriver BiDi client small enough to read: Firefox speaks BiDi itself (no geckodriver, see
// /work/shared/firefox-facts.md); the transport is scripts/lib/websocket.mjs.
import { openWebSocket } from './websocket.mjs';

/**
 * A BiDi session over `ws://…/session`: `send(method, params)` resolves with the result (rejects with the error),
 * `on(event, fn)` listens to events (subscribe to them with session.subscribe first).
 */
export async function connectBidi(url) {
  let next = 1;
  /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void, method: string}>} */
  const pending = new Map();
  /** @type {Map<string, Set<(params: any) => void>>} */
  const listeners = new Map();
  const ws = await openWebSocket(url, (text) => {
    const m = JSON.parse(text);
    if (typeof m.id === 'number' && pending.has(m.id)) {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.type === 'error') p.reject(new Error(`${p.method}: ${m.error}: ${m.message}`));
      else p.resolve(m.result);
    } else if (m.type === 'event') {
      for (const fn of listeners.get(m.method) ?? []) fn(m.params);
    }
  }, (why) => {
    for (const p of pending.values()) p.reject(new Error(`${p.method}: BiDi connection ended (${why})`));
    pending.clear();
  });
  return {
    send(method, params = {}) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, method });
        ws.send(JSON.stringify({ id, method, params }));
      });
    },
    on(event, fn) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(fn);
      return () => listeners.get(event)?.delete(fn);
    },
    close: () => ws.close(),
  };
}
