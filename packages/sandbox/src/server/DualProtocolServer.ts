import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo, type Socket } from 'node:net';
import { Duplex } from 'node:stream';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** The first byte of every TLS connection (a handshake record). */
const TLS_HANDSHAKE = 0x16;

/**
 * One port, two protocols: HTTPS for kubectl and the Kubernetes clients (which only send a
 * bearer token over TLS), plain HTTP for curl, fetch and the benchmarks. Each connection is
 * routed by its first byte.
 */
export class DualProtocolServer {
  readonly #plain: http.Server;
  readonly #secure: https.Server;
  readonly #listener: net.Server;
  readonly #sockets = new Set<Socket>();

  constructor(handler: Handler, tls: { key: string; cert: string }) {
    this.#plain = http.createServer({ keepAliveTimeout: 60_000 }, handler);
    this.#secure = https.createServer(
      { key: tls.key, cert: tls.cert, keepAliveTimeout: 60_000 },
      handler,
    );
    this.#listener = net.createServer(socket => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
      socket.once('data', (first: Buffer) => {
        socket.pause();
        if (first[0] === TLS_HANDSHAKE) {
          this.#secure.emit('connection', replayingStream(socket, first));
        } else {
          socket.unshift(first);
          this.#plain.emit('connection', socket);
        }
        socket.resume();
      });
    });
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#listener.once('error', reject);
      this.#listener.listen(port, host, () =>
        resolve((this.#listener.address() as AddressInfo).port),
      );
    });
  }

  close(): Promise<void> {
    return new Promise(resolve => {
      this.#listener.close(() => resolve());
      for (const socket of this.#sockets) socket.destroy();
    });
  }
}

/**
 * The TLS layer reads a net.Socket straight from its native handle, past the byte already read
 * here; a plain Duplex in front makes it read through streams, first byte included.
 */
function replayingStream(socket: Socket, first: Buffer): Duplex {
  const stream = new Duplex({
    read() {
      socket.resume();
    },
    write(chunk, encoding, callback) {
      socket.write(chunk, encoding, callback);
    },
    final(callback) {
      socket.end();
      callback();
    },
    destroy(error, callback) {
      socket.destroy(error ?? undefined);
      callback(error);
    },
  });
  stream.push(first);
  socket.on('data', chunk => {
    if (!stream.push(chunk)) socket.pause();
  });
  socket.on('end', () => stream.push(null));
  socket.on('error', error => stream.destroy(error));
  socket.on('close', () => stream.destroy());
  return stream;
}
