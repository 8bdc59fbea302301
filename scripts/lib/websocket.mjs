// A minimal RFC 6455 WebSocket client, because Node 20 has none of its own and the browsers' debugging protocols
// (Chromium's CDP, Firefox's WebDriver BiDi) both speak JSON over one. Loopback only: text frames, client
// masking, fragmented messages, ping and close; no extensions.
import crypto from 'node:crypto';
import net from 'node:net';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/**
 * Open a WebSocket to `url` (ws://host:port/path). Resolves once the server accepted the upgrade.
 * @param {string} url
 * @param {(text: string) => void} onMessage
 * @param {(why: string) => void} onClose
 */
export function openWebSocket(url, onMessage, onClose) {
  const u = new URL(url);
  if (u.protocol !== 'ws:') throw new Error(`only ws:// URLs: ${url}`);
  const key = crypto.randomBytes(16).toString('base64');
  const socket = net.connect(Number(u.port), u.hostname);
  let buf = Buffer.alloc(0);
  let open = false;
  let closed = false;
  /** @type {Buffer[]} */
  let parts = [];

  const frame = (opcode, payload) => {
    const mask = crypto.randomBytes(4);
    const n = payload.length;
    const head = n < 126 ? Buffer.from([0x80 | opcode, 0x80 | n])
      : n < 65536 ? Buffer.from([0x80 | opcode, 0x80 | 126, n >> 8, n & 255])
        : Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(n)); return b; })()]);
    const body = Buffer.alloc(n);
    for (let i = 0; i < n; i++) body[i] = payload[i] ^ mask[i & 3];
    socket.write(Buffer.concat([head, mask, body]));
  };
  const finish = (why) => {
    if (closed) return;
    closed = true;
    socket.destroy();
    onClose(why);
  };

  return new Promise((resolve, reject) => {
    socket.on('connect', () => {
      socket.write([
        `GET ${u.pathname}${u.search} HTTP/1.1`, `Host: ${u.host}`, 'Upgrade: websocket', 'Connection: Upgrade',
        `Sec-WebSocket-Key: ${key}`, 'Sec-WebSocket-Version: 13', '', '',
      ].join('\r\n'));
    });
    socket.on('error', (e) => (open ? finish(e.message) : reject(e)));
    socket.on('close', () => (open ? finish('connection closed') : reject(new Error(`WebSocket ${url}: closed during the handshake`))));
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      if (!open) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buf.subarray(0, end).toString('latin1');
        buf = buf.subarray(end + 4);
        const accept = crypto.createHash('sha1').update(key + GUID).digest('base64');
        if (!/^HTTP\/1\.1 101 /.test(head) || !head.toLowerCase().includes(`sec-websocket-accept: ${accept.toLowerCase()}`)) {
          reject(new Error(`WebSocket ${url}: upgrade refused: ${head.split('\r\n')[0]}`));
          socket.destroy();
          return;
        }
        open = true;
        resolve({
          send: (text) => frame(1, Buffer.from(text, 'utf8')),
          close: () => { if (!closed) { try { frame(8, Buffer.alloc(0)); } catch { /* gone */ } finish('closed by us'); } },
        });
      }
      // Frames from the server are never masked.
      for (;;) {
        if (buf.length < 2) return;
        const fin = (buf[0] & 0x80) !== 0;
        const opcode = buf[0] & 0x0f;
        let len = buf[1] & 0x7f;
        let at = 2;
        if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); at = 4; }
        else if (len === 127) { if (buf.length < 10) return; len = Number(buf.readBigUInt64BE(2)); at = 10; }
        if (buf.length < at + len) return;
        const payload = buf.subarray(at, at + len);
        buf = buf.subarray(at + len);
        if (opcode === 8) { finish('closed by the server'); return; }
        if (opcode === 9) { frame(10, payload); continue; }
        if (opcode === 10) continue;
        parts.push(payload);
        if (fin) {
          const text = Buffer.concat(parts).toString('utf8');
          parts = [];
          onMessage(text);
        }
      }
    });
  });
}
