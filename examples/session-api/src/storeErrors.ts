/** The session does not exist or has expired. */
export class SessionNotFoundError extends Error {
  constructor(id: string) {
    super(`session ${id} not found`);
    this.name = 'SessionNotFoundError';
  }
}

/** The client's expected version is stale, or contention outlasted our retries. */
export class VersionConflictError extends Error {
  readonly currentVersion: number | undefined;

  constructor(message: string, currentVersion: number | undefined) {
    super(message);
    this.name = 'VersionConflictError';
    this.currentVersion = currentVersion;
  }
}

/** The merged session data would exceed the per-session size cap. */
export class SessionDataTooLargeError extends Error {
  constructor(bytes: number, maxBytes: number) {
    super(
      `session data would be ${bytes} bytes, over the ${maxBytes} byte limit`,
    );
    this.name = 'SessionDataTooLargeError';
  }
}

const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
]);

const UNAVAILABLE_ERROR_NAMES = new Set([
  'TimeoutError',
  'AbortError',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'ResourceNotFoundException',
  // Misconfigured credentials: the operator must act, the client can only retry.
  'CredentialsProviderError',
]);

/**
 * True when DynamoDB could not serve us (down, slow, throttling, table gone):
 * a 503 for the caller to retry, as opposed to a bug on our side (500).
 */
export function isDynamoUnavailable(error: unknown): boolean {
  const candidate = error as
    | {
        name?: string;
        code?: string;
        $metadata?: { httpStatusCode?: number };
      }
    | undefined;
  if (!candidate) return false;
  if (candidate.name && UNAVAILABLE_ERROR_NAMES.has(candidate.name))
    return true;
  if (candidate.code && NETWORK_ERROR_CODES.has(candidate.code)) return true;
  // The SDK stamps $metadata on every error it returns; no HTTP status means
  // DynamoDB never answered (the socket error itself may arrive re-wrapped
  // without its code), and a 5xx means it answered with its own failure.
  const metadata = candidate.$metadata;
  if (!metadata) return false;
  return (
    metadata.httpStatusCode === undefined || metadata.httpStatusCode >= 500
  );
}

export function isConditionFailure(error: unknown): boolean {
  return (
    (error as { name?: string } | undefined)?.name ===
    'ConditionalCheckFailedException'
  );
}
