import http from 'node:http';
import https from 'node:https';

/**
 * What authenticates one request: headers and, for client certificates, the key pair.
 * @public
 */
export type RequestCredentials = {
  headers: Record<string, string>;
  cert?: string | Buffer;
  key?: string | Buffer;
};

/**
 * How to reach one API server. Holds credentials: never log or return it.
 * @public
 */
export type ClusterConnection = {
  /** The server URL; a path (a Rancher-style `/k8s/clusters/c-1`) is kept in front of every request. */
  server: string;
  /**
   * Asked before every request, so that a credential that expires (an EKS or exec token, a
   * rotated service-account token) is never used past its time.
   */
  credentials?: () => Promise<RequestCredentials>;
  /** Fixed headers, for a connection whose credentials never change (tests, local proxies). */
  headers?: Record<string, string>;
  ca?: string | Buffer;
  /** The name to check the server certificate against (kubeconfig's tls-server-name). */
  servername?: string;
  rejectUnauthorized: boolean;
  /** The agent to send through, when the cluster is reached through a proxy (proxy-url). */
  agent?: http.Agent;
};

export type HttpRequest = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** The whole exchange, from connecting to the last byte: a peer that trickles forever is cut off too. */
  timeoutMs: number;
  /** Larger answers are abandoned (the connection is closed). Default DEFAULT_MAX_BODY_BYTES. */
  maxBodyBytes?: number;
};

/** Enough for a list of thousands of objects; an answer past it is a fault, not data. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

export type HttpResponse = {
  status: number;
  body: string;
  contentType?: string;
};

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

/** The request URL under the server's own path (`new URL(path, server)` would drop that path). */
export function requestUrl(server: string, path: string): URL {
  return new URL(`${server.replace(/\/+$/, '')}${path}`);
}

async function requestOptions(connection: ClusterConnection, req: HttpRequest) {
  const url = requestUrl(connection.server, req.path);
  const credentials = connection.credentials
    ? await connection.credentials()
    : { headers: connection.headers ?? {} };
  return {
    url,
    options: {
      method: req.method,
      headers: {
        Accept: 'application/json',
        ...credentials.headers,
        ...req.headers,
      },
      ca: connection.ca,
      cert: credentials.cert,
      key: credentials.key,
      servername: connection.servername,
      rejectUnauthorized: connection.rejectUnauthorized,
      agent: connection.agent,
    },
  };
}

function transportFor(url: URL) {
  return url.protocol === 'https:' ? https : http;
}

/** One HTTP exchange with the API server, bounded in time (`timeoutMs`) and size (`maxBodyBytes`). */
export async function sendRequest(
  connection: ClusterConnection,
  req: HttpRequest,
): Promise<HttpResponse> {
  let prepared: Awaited<ReturnType<typeof requestOptions>>;
  try {
    prepared = await requestOptions(connection, req);
  } catch (e) {
    throw new TransportError(
      `could not obtain credentials: ${(e as Error).message}`,
    );
  }
  const { url, options } = prepared;
  const maxBodyBytes = req.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return new Promise((resolve, reject) => {
    let settled = false;
    // Set once the request exists; settling clears it.
    const deadline: { timer?: NodeJS.Timeout } = {};
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline.timer);
      outcome();
    };
    const fail = (e: Error) =>
      settle(() =>
        reject(e instanceof TransportError ? e : new TransportError(e.message)),
      );
    const request = transportFor(url).request(url, options, response => {
      const chunks: Buffer[] = [];
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBodyBytes) {
          // Stop reading and close the connection: the rest is never buffered.
          fail(new TransportError(`answer larger than ${maxBodyBytes} bytes`));
          request.destroy();
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () =>
        settle(() =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            contentType: response.headers['content-type'],
          }),
        ),
      );
      response.on('error', fail);
    });
    deadline.timer = setTimeout(() => {
      fail(new TransportError(`no complete answer within ${req.timeoutMs} ms`));
      request.destroy();
    }, req.timeoutMs);
    request.on('error', fail);
    if (req.body !== undefined) request.write(req.body);
    request.end();
  });
}

/** How much of a refused watch's answer is read for its reason. */
const WATCH_ERROR_BODY_BYTES = 16 * 1024;

/** The `message` of a Kubernetes `Status` body, else the body's first line. */
function statusMessage(body: string): string {
  try {
    const status = JSON.parse(body);
    if (typeof status?.message === 'string') return status.message;
  } catch {
    // not JSON: fall through
  }
  return body.split('\n')[0].trim().slice(0, 300);
}

/**
 * A long-lived GET whose body is newline-delimited JSON (a watch). Each complete line goes to
 * `onLine`; `onEnd` fires once when the stream ends for any reason.
 */
export async function streamLines(
  connection: ClusterConnection,
  path: string,
  onLine: (line: string) => void,
  onEnd: (error?: Error) => void,
): Promise<{ close: () => void }> {
  const { url, options } = await requestOptions(connection, {
    method: 'GET',
    path,
    timeoutMs: 0,
  }).catch(e => {
    throw new TransportError(
      `could not obtain credentials: ${(e as Error).message}`,
    );
  });
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
      // The refusal's Status names what was refused (a 403 names the user, verb and resource).
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        if (body.length < WATCH_ERROR_BODY_BYTES) body += chunk;
      });
      const refused = () => {
        const reason = statusMessage(body.slice(0, WATCH_ERROR_BODY_BYTES));
        end(
          new TransportError(
            `watch answered HTTP ${response.statusCode}${
              reason ? `: ${reason}` : ''
            }`,
            response.statusCode,
          ),
        );
      };
      response.on('end', refused);
      response.on('error', refused);
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
  return {
    close: () => {
      ended = true;
      request.destroy();
    },
  };
}
