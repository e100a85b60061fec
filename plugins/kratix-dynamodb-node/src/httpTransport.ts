import http from 'node:http';
import https from 'node:https';

/** How to reach one API server. Holds credentials: never log or return it. */
export type ClusterConnection = {
  server: string;
  headers: Record<string, string>;
  ca?: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
  rejectUnauthorized: boolean;
};

export type HttpRequest = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
};

export type HttpResponse = { status: number; body: string; contentType?: string };

/**
 * A failure before any usable answer arrived: refused, reset, timed out, or (for a watch) an
 * HTTP error status, which `status` then holds.
 */
export class TransportError extends Error {
  readonly status?: number;
  constructor(message: string, status?: number) {
    super(message);
    this.name = 'TransportError';
    this.status = status;
  }
}

function requestOptions(connection: ClusterConnection, req: HttpRequest) {
  const url = new URL(req.path, connection.server);
  return {
    url,
    options: {
      method: req.method,
      headers: { Accept: 'application/json', ...connection.headers, ...req.headers },
      ca: connection.ca,
      cert: connection.cert,
      key: connection.key,
      rejectUnauthorized: connection.rejectUnauthorized,
    },
  };
}

function transportFor(url: URL) {
  return url.protocol === 'https:' ? https : http;
}

/** One HTTP exchange with the API server, bounded by `timeoutMs`. */
export function sendRequest(connection: ClusterConnection, req: HttpRequest): Promise<HttpResponse> {
  const { url, options } = requestOptions(connection, req);
  return new Promise((resolve, reject) => {
    const request = transportFor(url).request(url, options, response => {
      const chunks: Buffer[] = [];
      response.on('data', chunk => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          contentType: response.headers['content-type'],
        }),
      );
      response.on('error', e => reject(new TransportError(e.message)));
    });
    request.setTimeout(req.timeoutMs, () => {
      request.destroy(new TransportError(`no answer within ${req.timeoutMs} ms`));
    });
    request.on('error', e =>
      reject(e instanceof TransportError ? e : new TransportError((e as Error).message)),
    );
    if (req.body !== undefined) request.write(req.body);
    request.end();
  });
}

/**
 * A long-lived GET whose body is newline-delimited JSON (a watch). Each complete line goes to
 * `onLine`; `onEnd` fires once when the stream ends for any reason.
 */
export function streamLines(
  connection: ClusterConnection,
  path: string,
  onLine: (line: string) => void,
  onEnd: (error?: Error) => void,
): { close: () => void } {
  const { url, options } = requestOptions(connection, { method: 'GET', path, timeoutMs: 0 });
  let ended = false;
  const end = (error?: Error) => {
    if (!ended) {
      ended = true;
      onEnd(error);
    }
  };
  const request = transportFor(url).request(url, options, response => {
    // A watch that is open but silent must still be noticed when its peer vanishes.
    response.socket?.setKeepAlive(true, 30_000);
    if ((response.statusCode ?? 0) >= 400) {
      response.resume();
      end(new TransportError(`watch answered HTTP ${response.statusCode}`, response.statusCode));
      return;
    }
    let buffered = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      buffered += chunk;
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (line) onLine(line);
        newline = buffered.indexOf('\n');
      }
    });
    response.on('end', () => end());
    response.on('error', e => end(e));
  });
  request.on('error', e => end(e));
  request.end();
  return { close: () => { ended = true; request.destroy(); } };
}
