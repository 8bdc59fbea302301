// A minimal DevTools-protocol client over Chromium's browser WebSocket, in flat session mode.
//
// Playwright's CDPSession cannot reach the targets a page spawns (dedicated workers, out-of-process iframes)
// or the page's service worker: Chromium allows browser-level auto-attach only in flat mode, whose child
// sessions Playwright keeps to itself. The transport is scripts/lib/websocket.mjs (Node 20 has no WebSocket).
import fs from 'node:fs';
import path from 'node:path';
import { openWebSocket } from './websocket.mjs';

/** The browser's WebSocket URL, from the DevToolsActivePort file Chromium writes into its profile. */
export function browserWsUrl(userDataDir) {
  const [port, wsPath] = fs.readFileSync(path.join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n');
  return `ws://127.0.0.1:${port}${wsPath}`;
}


/**
 * @param {string} url ws://host:port/devtools/browser/<id>
 * @returns {Promise<{send(method: string, params?: object, sessionId?: string): Promise<any>, on(fn: (method: string, params: any, sessionId: string | undefined) => void): void, close(): void}>}
 */
export async function connectCdp(url) {
  let nextId = 1;
  /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void, method: string}>} */
  const pending = new Map();
  /** @type {((...args: any[]) => void)[]} */
  const listeners = [];
  let closed = false;
  const ws = await openWebSocket(url, (text) => {
    const m = JSON.parse(text);
    if (m.id !== undefined) {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (!p) return;
      if (m.error) p.reject(new Error(`${p.method}: ${m.error.message}`));
      else p.resolve(m.result);
      return;
    }
    for (const l of listeners) {
      try { l(m.method, m.params, m.sessionId); } catch (e) { console.error(`CDP listener: ${e?.stack ?? e}`); }
    }
  }, () => {
    closed = true;
    for (const p of pending.values()) p.reject(new Error(`${p.method}: CDP connection closed`));
    pending.clear();
  });
  return {
    send(method, params = {}, sessionId) {
      if (closed) return Promise.reject(new Error(`${method}: CDP connection closed`));
      const id = nextId++;
      return new Promise((res, rej) => {
        pending.set(id, { resolve: res, reject: rej, method });
        ws.send(JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params }));
      });
    },
    on(fn) { listeners.push(fn); },
    close() { if (!closed) { closed = true; ws.close(); } },
  };
}
