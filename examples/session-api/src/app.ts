import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { HttpError } from './http/httpError.ts';
import { type Route, type RouteResult, createRouter } from './http/router.ts';
import { sendJson } from './http/sendJson.ts';
import type { Logger } from './logger.ts';
import { InvalidPageTokenError } from './pageToken.ts';
import {
  SessionDataTooLargeError,
  SessionNotFoundError,
  VersionConflictError,
  isDynamoUnavailable,
} from './storeErrors.ts';

export interface RequestListenerOptions {
  routes: Route[];
  logger: Logger;
  /** While true, responses ask keep-alive clients to disconnect. */
  isShuttingDown: () => boolean;
}

function errorBody(code: string, message: string, extra: object = {}) {
  return { error: code, message, ...extra };
}

/** Turns anything a handler threw into the response the client should get. */
function errorToResult(
  error: unknown,
  logger: Logger,
  requestId: string,
): RouteResult {
  if (error instanceof HttpError) {
    return {
      status: error.status,
      body: errorBody(error.code, error.message),
      headers: error.headers,
    };
  }
  if (error instanceof SessionNotFoundError) {
    return { status: 404, body: errorBody('session_not_found', error.message) };
  }
  if (error instanceof VersionConflictError) {
    return {
      status: 409,
      body: errorBody('version_conflict', error.message, {
        currentVersion: error.currentVersion,
      }),
    };
  }
  if (error instanceof SessionDataTooLargeError) {
    return { status: 413, body: errorBody('session_too_large', error.message) };
  }
  if (error instanceof InvalidPageTokenError) {
    return {
      status: 400,
      body: errorBody('invalid_next_token', error.message),
    };
  }
  const { name, message, stack } = error as Error;
  if (isDynamoUnavailable(error)) {
    logger.warn('DynamoDB unavailable', {
      requestId,
      error: `${name}: ${message}`,
    });
    return {
      status: 503,
      body: errorBody(
        'dynamodb_unavailable',
        'DynamoDB is unavailable; retry later',
      ),
    };
  }
  logger.error('unhandled error', {
    requestId,
    error: `${name}: ${message}`,
    stack,
  });
  return {
    status: 500,
    body: errorBody('internal_error', 'internal server error'),
  };
}

/**
 * Only path and query matter. Prefixing a placeholder origin (rather than
 * passing it as a base) keeps a path such as //x from being read as a host.
 */
function parseRequestUrl(target: string): URL {
  try {
    return new URL(
      target.startsWith('/') ? `http://session-api.invalid${target}` : target,
    );
  } catch {
    throw new HttpError(
      400,
      'malformed_url',
      'request target is not a valid URL',
    );
  }
}

async function route(
  match: ReturnType<typeof createRouter>,
  request: IncomingMessage,
  url: URL,
): Promise<RouteResult> {
  const found = match(request.method ?? 'GET', url.pathname);
  if (found.kind === 'not-found') {
    throw new HttpError(404, 'route_not_found', `no route for ${url.pathname}`);
  }
  if (found.kind === 'wrong-method') {
    return {
      status: 405,
      body: errorBody(
        'method_not_allowed',
        `${request.method} is not allowed on ${url.pathname}`,
      ),
      headers: { allow: found.allowed.join(', ') },
    };
  }
  return found.handler({ request, url, params: found.params });
}

/** The node:http request listener: routing, error mapping, one log line per request. */
export function createRequestListener(options: RequestListenerOptions) {
  const match = createRouter(options.routes);
  const { logger } = options;

  return async (request: IncomingMessage, response: ServerResponse) => {
    const startedAt = performance.now();
    const requestId = randomUUID();
    let path = request.url ?? '/';
    response.on('close', () => {
      logger.info('request', {
        requestId,
        method: request.method,
        path,
        status: response.statusCode,
        latencyMs: Math.round((performance.now() - startedAt) * 100) / 100,
        ...(response.writableFinished ? {} : { aborted: true }),
      });
    });

    let result: RouteResult;
    try {
      const url = parseRequestUrl(request.url ?? '/');
      path = url.pathname;
      result = await route(match, request, url);
    } catch (error) {
      result = errorToResult(error, logger, requestId);
    }

    if (response.headersSent) return;
    const headers: Record<string, string> = {
      'x-request-id': requestId,
      ...result.headers,
    };
    // 413 leaves an unread body on the socket, so that connection cannot be reused.
    if (result.status === 413 || options.isShuttingDown()) {
      headers.connection = 'close';
    }
    sendJson(response, result.status, result.body, headers);
  };
}
