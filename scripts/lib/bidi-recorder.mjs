// A minimal WebDriver BiDi client for Firefox, with no driver: Firefox started with --remote-debugging-port
// serves BiDi itself (ws://127.0.0.1:<port>/session), over scripts/lib/websocket.mjs. The recorder listens to
// every event with one callback, so this client keeps that shape rather than bidi.mjs's per-event listeners.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWebSocket } from './websocket.mjs';


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
export async function connectBidi(url) {
  let nextId = 1;
  /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void, method: string}>} */
  const pending = new Map();
  /** @type {((...args: any[]) => void)[]} */
  const listeners = [];
  let closed = false;
  const ws = await openWebSocket(url, (text) => {
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
  }, () => {
    closed = true;
    for (const p of pending.values()) p.reject(new Error(`${p.method}: BiDi connection closed`));
    pending.clear();
  });
  return {
    send(method, params = {}, sessionId) {
      if (closed) return Promise.reject(new Error(`${method}: BiDi connection closed`));
      const id = nextId++;
      return new Promise((res, rej) => {
        pending.set(id, { resolve: res, reject: rej, method });
        ws.send(JSON.stringify({ id, method, params }));
      });
    },
    on(fn) { listeners.push(fn); },
    close() { if (!closed) { closed = true; ws.close(); } },
  };
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
