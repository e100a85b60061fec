import type { AuthOptions } from './auth/authenticate.ts';
import type { LogLevel } from './logger.ts';

/** Everything the service needs to run, resolved from the environment. */
export interface SessionApiConfig {
  port: number;
  host: string;
  tableName: string;
  region: string;
  /** Undefined lets the AWS SDK pick the endpoint (it honours AWS_ENDPOINT_URL_DYNAMODB itself). */
  endpoint?: string;
  ttlHours: number;
  logLevel: LogLevel;
  /** How long SIGTERM waits for in-flight requests before cutting connections. */
  shutdownGraceMs: number;
  auth: AuthOptions;
}

/** Shorter HS256 secrets can be brute-forced offline from one token. */
export const MIN_JWT_SECRET_BYTES = 32;

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_TTL_HOURS = 24;
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** Thrown for a missing or malformed setting; the message names the variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function readPort(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PORT;
  const port = Number(raw);
  // 0 is allowed on purpose: it asks the OS for a free port (tests, benchmark).
  if (!/^\d+$/.test(raw) || port > 65535) {
    throw new ConfigError(`PORT must be an integer 0-65535, got "${raw}"`);
  }
  return port;
}

function readPositiveNumber(
  name: string,
  raw: string | undefined,
  fallback: number,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new ConfigError(`${name} must be a positive number, got "${raw}"`);
  }
  return value;
}

function readEndpoint(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error('not http(s)');
    }
  } catch {
    throw new ConfigError(
      `DynamoDB endpoint must be an http(s) URL, got "${raw}"`,
    );
  }
  return raw;
}

function readLogLevel(raw: string | undefined): LogLevel {
  if (raw === undefined) return 'info';
  const level = raw.toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(level)) {
    throw new ConfigError(
      `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`,
    );
  }
  return level;
}

function readAuth(env: Record<string, string | undefined>): AuthOptions {
  const hmacSecret = nonEmpty(env.AUTH_JWT_SECRET);
  const jwksUrl = nonEmpty(env.AUTH_JWKS_URL);
  if (!hmacSecret && !jwksUrl) {
    throw new ConfigError(
      'AUTH_JWT_SECRET (an HS256 secret, e.g. from a Kubernetes Secret) or AUTH_JWKS_URL is required',
    );
  }
  if (hmacSecret && Buffer.byteLength(hmacSecret) < MIN_JWT_SECRET_BYTES) {
    throw new ConfigError(
      `AUTH_JWT_SECRET must be at least ${MIN_JWT_SECRET_BYTES} bytes`,
    );
  }
  if (
    jwksUrl &&
    !/^https:\/\//.test(jwksUrl) &&
    !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(jwksUrl)
  ) {
    throw new ConfigError('AUTH_JWKS_URL must be an https URL');
  }
  return {
    hmacSecret,
    jwksUrl,
    issuer: nonEmpty(env.AUTH_ISSUER),
    audience: nonEmpty(env.AUTH_AUDIENCE),
    adminRole: nonEmpty(env.AUTH_ADMIN_ROLE),
  };
}

/**
 * Reads the service configuration from environment variables.
 * DYNAMODB_ENDPOINT wins over the SDK's standard AWS_ENDPOINT_URL_DYNAMODB /
 * AWS_ENDPOINT_URL so an operator can point just this service elsewhere.
 */
export function readConfigFromEnv(
  env: Record<string, string | undefined>,
): SessionApiConfig {
  const tableName = nonEmpty(env.DYNAMODB_TABLE_NAME);
  if (!tableName) {
    throw new ConfigError('DYNAMODB_TABLE_NAME is required');
  }
  return {
    port: readPort(nonEmpty(env.PORT)),
    host: nonEmpty(env.HOST) ?? DEFAULT_HOST,
    tableName,
    region:
      nonEmpty(env.AWS_REGION) ??
      nonEmpty(env.AWS_DEFAULT_REGION) ??
      DEFAULT_REGION,
    endpoint: readEndpoint(
      nonEmpty(env.DYNAMODB_ENDPOINT) ??
        nonEmpty(env.AWS_ENDPOINT_URL_DYNAMODB) ??
        nonEmpty(env.AWS_ENDPOINT_URL),
    ),
    ttlHours: readPositiveNumber(
      'SESSION_TTL_HOURS',
      nonEmpty(env.SESSION_TTL_HOURS),
      DEFAULT_TTL_HOURS,
    ),
    logLevel: readLogLevel(nonEmpty(env.LOG_LEVEL)),
    shutdownGraceMs: readPositiveNumber(
      'SHUTDOWN_GRACE_MS',
      nonEmpty(env.SHUTDOWN_GRACE_MS),
      DEFAULT_SHUTDOWN_GRACE_MS,
    ),
    auth: readAuth(env),
  };
}
