// A minimal WebDriver BiDi client for Firefox, with no driver: Firefox started with --remote-debugging-port
// serves BiDi itself (ws://127.0.0.1:<port>/session). Node 20 has no WebSocket client and node_modules has no
// `ws`, hence the few lines of RFC 6455 below (client frames masked, text only, fragments joined, pings
// answered), as in scripts/lib/cdp-raw.mjs; BiDi's messages differ from CDP's ({type: "success" | "error" |
// "event"}), so the two clients are kept apart.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

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
 * @typedef {object} Bidi
 * @property {(method: string, params?: object) => Promise<any>} send
 * @property {(fn: (method: string, params: any) => void) => void} on
 * @property {() => void} close
 */

/**
 * Opens a BiDi WebSocket (ws://host:port/session).
 * @param {string} url
 * @returns {Promise<Bidi>}
 */
export function connectBidi(url) {
  const u = new URL(url);
  const key = crypto.randomBytes(16).toString('base64');
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': key } });
    req.on('error', reject);
    req.on('response', (r) => reject(new Error(`BiDi WebSocket upgrade refused: ${r.statusCode}`)));
    req.on('upgrade', (_res, socket, head) => {
      let nextId = 1;
      /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void, method: string}>} */
      const pending = new Map();
      /** @type {((method: string, params: any) => void)[]} */
      const listeners = [];
      let buf = head && head.length ? Buffer.from(head) : Buffer.alloc(0);
      /** @type {Buffer[]} */
      let parts = [];
      let closed = false;
      const dispatch = (text) => {
        const m = JSON.parse(text);
        if (m.type === 'event') {
          for (const l of listeners) {
            try { l(m.method, m.params); } catch (e) { console.error(`BiDi listener: ${e?.stack ?? e}`); }
          }
          return;
        }
        const p = m.id !== undefined && m.id !== null ? pending.get(m.id) : undefined;
        if (!p) { if (m.type === 'error') console.error(`BiDi error without a command: ${m.error}: ${m.message}`); return; }
        pending.delete(m.id);
        if (m.type === 'error') p.reject(new Error(`${p.method}: ${m.error}: ${m.message}`));
        else p.resolve(m.result);
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
      const fail = () => { closed = true; for (const p of pending.values()) p.reject(new Error(`${p.method}: BiDi connection closed`)); pending.clear(); };
      socket.on('close', fail);
      socket.on('error', fail);
      parse();
      resolve({
        send(method, params = {}) {
          if (closed) return Promise.reject(new Error(`${method}: BiDi connection closed`));
          const id = nextId++;
          return new Promise((res, rej) => { pending.set(id, { resolve: res, reject: rej, method }); socket.write(frame(0x1, JSON.stringify({ id, method, params }))); });
        },
        on(fn) { listeners.push(fn); },
        close() { if (!closed) { closed = true; try { socket.write(frame(0x8, Buffer.alloc(0))); } catch { /* gone */ } socket.end(); } },
      });
    });
    req.end();
  });
}

/** The Firefox executable: CORS_LENS_FIREFOX, else Debian's firefox-esr, else firefox on PATH. */
export function findFirefox() {
  if (process.env.CORS_LENS_FIREFOX) return fs.existsSync(process.env.CORS_LENS_FIREFOX) ? process.env.CORS_LENS_FIREFOX : null;
  for (const p of ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox']) if (fs.existsSync(p)) return p;
  return null;
}

/**
 * Starts Firefox headless with a fresh profile and BiDi on a free port; resolves once it listens.
 * @param {{executable: string, args?: string[], prefs?: Record<string, string | number | boolean>, log?: (s: string) => void, timeoutMs?: number}} o
 * @returns {Promise<{wsUrl: string, profile: string, pid: number | undefined, stderr: () => string, close(): Promise<void>}>}
 */
export async function launchFirefox({ executable, args = [], prefs = {}, log = () => {}, timeoutMs = 60000 }) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lens-firefox-'));
  const userJs = Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n');
  fs.writeFileSync(path.join(profile, 'user.js'), `${userJs}\n`);
  const child = spawn(executable, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port=0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  let err = '';
  const exited = new Promise((res) => child.once('exit', res));
  const wsUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Firefox did not start BiDi within ${timeoutMs} ms; stderr:\n${err.slice(-2000)}`)), timeoutMs);
    const onData = (d) => {
      err += d.toString();
      const m = /WebDriver BiDi listening on (ws:\/\/[^\s]+)/.exec(err);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stderr.on('data', onData);
    child.stdout.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`Firefox exited (${code}) before BiDi listened; stderr:\n${err.slice(-2000)}`)); });
  });
  log(`firefox: BiDi at ${wsUrl} (profile ${profile})`);
  return {
    wsUrl: wsUrl.replace(/\/$/, ''),
    profile,
    pid: child.pid,
    stderr: () => err,
    async close() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(t);
      }
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
