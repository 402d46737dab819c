/**
 * @module The PostgreSQL protocol's CancelRequest, as libpq's PQcancel sends it: a new socket that
 * carries only the backend's process id and secret key. It needs no login and no pool slot, so it
 * works when every connection is busy, and through poolers that forward cancels (PgBouncer, Citus).
 */
import { connect as connectTcp, type Socket } from 'node:net';
import { type ConnectionOptions, connect as connectTls } from 'node:tls';

/** The facts of a connected pg client that a cancel needs. */
export interface CancelTarget {
  host: string;
  port: number;
  processID: number;
  secretKey: number;
  /** The client's TLS options; `false` or absent for a plain connection. */
  ssl?: boolean | ConnectionOptions;
}

const CANCEL_REQUEST_CODE = 80877102;
const SSL_REQUEST_CODE = 80877103;

function packet(...ints: number[]): Buffer {
  const buffer = Buffer.alloc(4 * (ints.length + 1));
  buffer.writeInt32BE(buffer.length, 0);
  ints.forEach((n, i) => buffer.writeInt32BE(n, 4 * (i + 1)));
  return buffer;
}

function open(target: CancelTarget): Socket {
  // pg connects to a unix socket when the host is a directory.
  const socket = target.host.startsWith('/') ? connectTcp(`${target.host}/.s.PGSQL.${target.port}`) : connectTcp(target.port, target.host);
  // Errors are awaited below; a late one (after we gave up) must not crash the process.
  socket.on('error', () => {});
  return socket;
}

/** Asks TLS the same way the client did, so servers and proxies that insist on TLS accept it. */
async function upgrade(socket: Socket, target: CancelTarget): Promise<Socket> {
  if (!target.ssl || target.host.startsWith('/')) return socket;
  socket.write(packet(SSL_REQUEST_CODE));
  const answer = await new Promise<string>((resolve, reject) => {
    socket.once('data', (data: Buffer) => resolve(data.subarray(0, 1).toString()));
    socket.once('error', reject);
  });
  if (answer !== 'S') return socket;
  const options = typeof target.ssl === 'object' ? target.ssl : {};
  const servername = /^[\d.:]+$/.test(target.host) ? undefined : target.host;
  const secure = connectTls({ ...options, socket, servername });
  secure.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    secure.once('secureConnect', () => resolve());
    secure.once('error', reject);
  });
  return secure;
}

/**
 * Sends the cancel and resolves when the server has taken it (it closes the socket right after
 * signalling the backend). Rejects on network errors or after `timeoutMs`.
 */
export async function sendCancelRequest(target: CancelTarget, timeoutMs = 5000): Promise<void> {
  const raw = open(target);
  const timer = setTimeout(() => raw.destroy(new Error(`no answer to the cancel request within ${timeoutMs} ms`)), timeoutMs);
  try {
    await new Promise<void>((resolve, reject) => {
      raw.once('connect', resolve);
      raw.once('error', reject);
    });
    const socket = await upgrade(raw, target);
    await new Promise<void>((resolve, reject) => {
      socket.once('close', () => resolve());
      socket.once('error', reject);
      socket.end(packet(CANCEL_REQUEST_CODE, target.processID, target.secretKey));
    });
  } finally {
    clearTimeout(timer);
    raw.destroy();
  }
}
