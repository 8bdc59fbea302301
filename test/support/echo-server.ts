/**
 * A loopback HTTP/1.1 server that records every request exactly as bytes arrive: method, request-target,
 * each header line in order (name as sent, value as raw bytes), and the body. A plain TCP parser rather than
 * node:http, which would reject or normalise the very bytes under test. Answers 200 with an empty body.
 */
import { createServer, type Socket } from 'node:net';

export interface Received {
  readonly method: string;
  readonly target: string;
  readonly headers: readonly { name: string; value: Buffer }[];
  readonly body: Buffer;
}

export interface EchoServer {
  readonly port: number;
  readonly received: Received[];
  close(): Promise<void>;
}

const HEAD_END = Buffer.from('\r\n\r\n');

function parseHead(head: Buffer): Omit<Received, 'body'> {
  const lines: Buffer[] = [];
  let from = 0;
  for (let at = head.indexOf('\r\n'); at >= 0; at = head.indexOf('\r\n', from)) {
    lines.push(head.subarray(from, at));
    from = at + 2;
  }
  lines.push(head.subarray(from));
  const [method = '', target = ''] = (lines[0] ?? Buffer.alloc(0)).toString('latin1').split(' ');
  const headers = lines.slice(1).map((l) => {
    const colon = l.indexOf(':');
    let value = l.subarray(colon + 1);
    // Optional whitespace around a field value is not part of it (RFC 9110 5.5).
    while (value.length > 0 && (value[0] === 0x20 || value[0] === 0x09)) value = value.subarray(1);
    while (value.length > 0 && (value[value.length - 1] === 0x20 || value[value.length - 1] === 0x09)) value = value.subarray(0, -1);
    return { name: l.subarray(0, colon).toString('latin1'), value: Buffer.from(value) };
  });
  return { method, target, headers };
}

export function startEchoServer(): Promise<EchoServer> {
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffer = Buffer.alloc(0);
    let head: Omit<Received, 'body'> | null = null;
    let need = 0;
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!head) {
          const end = buffer.indexOf(HEAD_END);
          if (end < 0) return;
          head = parseHead(buffer.subarray(0, end));
          buffer = buffer.subarray(end + 4);
          const length = head.headers.find((h) => h.name.toLowerCase() === 'content-length');
          need = length ? Number(length.value.toString('latin1')) : 0;
        }
        if (buffer.length < need) return;
        received.push({ ...head, body: Buffer.from(buffer.subarray(0, need)) });
        buffer = buffer.subarray(need);
        head = null;
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
        socket.end();
        return;
      }
    });
    socket.on('error', () => socket.destroy());
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        port,
        received,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
