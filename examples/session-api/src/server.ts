import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createRequestListener } from './app.ts';
import { type AuthOptions, createAuthenticator } from './auth/authenticate.ts';
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_REGION,
  DEFAULT_SHUTDOWN_GRACE_MS,
  DEFAULT_TTL_HOURS,
} from './config.ts';
import { createDynamoClients, wrapDocumentClient } from './dynamoClients.ts';
import { type Logger, silentLogger } from './logger.ts';
import { healthRoutes } from './routes/healthRoutes.ts';
import { sessionRoutes } from './routes/sessionRoutes.ts';
import { SessionStore } from './sessionStore.ts';

export interface StartSessionApiOptions {
  tableName: string;
  /** How callers of /sessions authenticate (bearer JWTs); /health and /ready stay open for probes. */
  auth: AuthOptions;
  /** 0 picks a free port; see the returned `port`. Default 8080. */
  port?: number;
  /** Default 127.0.0.1; use 0.0.0.0 inside a container. */
  host?: string;
  region?: string;
  /** DynamoDB endpoint override; otherwise the SDK's own resolution applies. */
  endpoint?: string;
  ttlHours?: number;
  /** Default: silent, so embedding in tests stays quiet. main.ts passes a JSON logger. */
  logger?: Logger;
  /** Epoch milliseconds; injectable so tests can move time past expiry. */
  now?: () => number;
  /** Use this client instead of building one (it is then not destroyed on close). */
  client?: DynamoDBClient;
  readinessTimeoutMs?: number;
  /** How long close() lets in-flight requests finish before cutting connections. */
  shutdownGraceMs?: number;
}

export interface RunningSessionApi {
  url: string;
  port: number;
  /** Stops accepting, lets in-flight requests finish, then releases resources. */
  close(): Promise<void>;
}

export async function startSessionApi(
  options: StartSessionApiOptions,
): Promise<RunningSessionApi> {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const ownsClient = options.client === undefined;
  const { client, documentClient } = options.client
    ? {
        client: options.client,
        documentClient: wrapDocumentClient(options.client),
      }
    : createDynamoClients({
        region: options.region ?? DEFAULT_REGION,
        endpoint: options.endpoint,
      });

  const authenticate = createAuthenticator(options.auth, now);
  const store = new SessionStore({
    client: documentClient,
    tableName: options.tableName,
    ttlHours: options.ttlHours ?? DEFAULT_TTL_HOURS,
    now,
  });
  let shuttingDown = false;
  const server = createServer(
    createRequestListener({
      logger,
      isShuttingDown: () => shuttingDown,
      routes: [
        ...healthRoutes({
          client,
          tableName: options.tableName,
          readinessTimeoutMs: options.readinessTimeoutMs ?? 3_000,
          startedAtMs: now(),
          now,
        }),
        ...sessionRoutes(store, authenticate),
      ],
    }),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(
      options.port ?? DEFAULT_PORT,
      options.host ?? DEFAULT_HOST,
      () => {
        server.off('error', reject);
        resolve();
      },
    );
  });
  const { port, address, family } = server.address() as AddressInfo;
  const hostForUrl = family === 'IPv6' ? `[${address}]` : address;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>(resolve => {
      shuttingDown = true;
      const graceMs = options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
      const forceTimer = setTimeout(() => {
        logger.warn('grace period over; closing remaining connections', {
          graceMs,
        });
        server.closeAllConnections();
      }, graceMs);
      server.close(() => {
        clearTimeout(forceTimer);
        if (ownsClient) client.destroy();
        resolve();
      });
      // Idle keep-alive sockets would otherwise hold close() open; busy ones
      // finish their response first (which then carries Connection: close).
      server.closeIdleConnections();
    });
    return closing;
  };

  return { url: `http://${hostForUrl}:${port}`, port, close };
}
