// A minimal DevTools-protocol client over Chromium's browser WebSocket, in flat session mode.
//
// Playwright's CDPSession cannot reach the targets a page spawns (dedicated workers, out-of-process iframes)
// or the page's service worker: Chromium allows browser-level auto-attach only in flat mode, whose child
// sessions Playwright keeps to itself. Node 20 has no WebSocket client, hence the few lines of RFC 6455
// below (client frames masked, text only, fragments joined, pings answered).
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/** The browser's WebSocket URL, from the DevToolsActivePort file Chromium writes into its profile. */
export function browserWsUrl(userDataDir) {
  const [port, wsPath] = fs.readFileSync(path.join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n');
  return `ws://127.0.0.1:${port}${wsPath}`;
}

function frame(opcode, payload) {
  const len = payload.length;
  const head = len < 126 ? Buffer.alloc(2) : len < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  head[0] = 0x80 | opcode;
  if (len < 126) head[1] = 0x80 | len;
  else if (len < 65536) { head[1] = 0x80 | 126; head.writeUInt16BE(len, 2); }
  else { head[1] = 0x80 | 127; head.writeBigUInt64BE(BigInt(len), 2); }
  const mask = crypto.randomBytes(4);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i] ^= mask[i & 3];
  return Buffer.concat([head, mask, body]);
}

/**
 * @param {string} url ws://host:port/devtools/browser/<id>
 * @returns {Promise<{send(method: string, params?: object, sessionId?: string): Promise<any>, on(fn: (method: string, params: any, sessionId: string | undefined) => void): void, close(): void}>}
 */
export function connectCdp(url) {
  const u = new URL(url);
  const key = crypto.randomBytes(16).toString('base64');
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': key } });
    req.on('error', reject);
    req.on('response', (r) => reject(new Error(`CDP WebSocket upgrade refused: ${r.statusCode}`)));
    req.on('upgrade', (_res, socket, head) => {
      let nextId = 1;
      /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void, method: string}>} */
      const pending = new Map();
      /** @type {((method: string, params: any, sessionId: string | undefined) => void)[]} */
      const listeners = [];
      let buf = head && head.length ? Buffer.from(head) : Buffer.alloc(0);
      /** @type {Buffer[]} */
      let parts = [];
      let closed = false;
      const dispatch = (text) => {
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
      };
      const parse = () => {
        for (;;) {
          if (buf.length < 2) return;
          const fin = (buf[0] & 0x80) !== 0;
          const opcode = buf[0] & 0x0f;
          let len = buf[1] & 0x7f;
          let off = 2;
          if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); off = 4; }
          else if (len === 127) { if (buf.length < 10) return; len = Number(buf.readBigUInt64BE(2)); off = 10; }
          if (buf[1] & 0x80) off += 4; // servers do not mask; skip a key if one is there
          if (buf.length < off + len) return;
          const payload = buf.subarray(off, off + len);
          buf = buf.subarray(off + len);
          if (opcode === 0x9) { socket.write(frame(0xa, payload)); continue; }
          if (opcode === 0x8) { closed = true; socket.end(); continue; }
          if (opcode === 0x1 || opcode === 0x0 || opcode === 0x2) {
            parts.push(Buffer.from(payload));
            if (fin) { const text = Buffer.concat(parts).toString('utf8'); parts = []; dispatch(text); }
          }
        }
      };
      socket.on('data', (d) => { buf = buf.length ? Buffer.concat([buf, d]) : d; parse(); });
      const fail = () => { closed = true; for (const p of pending.values()) p.reject(new Error(`${p.method}: CDP connection closed`)); pending.clear(); };
      socket.on('close', fail);
      socket.on('error', fail);
      parse();
      resolve({
        send(method, params = {}, sessionId) {
          if (closed) return Promise.reject(new Error(`${method}: CDP connection closed`));
          const id = nextId++;
          const msg = JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params });
          return new Promise((res, rej) => { pending.set(id, { resolve: res, reject: rej, method }); socket.write(frame(0x1, msg)); });
        },
        on(fn) { listeners.push(fn); },
        close() { if (!closed) { closed = true; try { socket.write(frame(0x8, Buffer.alloc(0))); } catch { /* gone */ } socket.end(); } },
      });
    });
    req.end();
  });
}
