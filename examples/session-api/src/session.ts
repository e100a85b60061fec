/** Session data is any JSON object; PUT merges its top-level keys. */
export type SessionData = Record<string, unknown>;

/** A session as the HTTP API presents it. All times are ISO-8601 UTC strings. */
export interface Session {
  id: string;
  userId: string;
  data: SessionData;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  version: number;
}

/**
 * A session as it sits in DynamoDB.
 * - expiresAt is epoch seconds because DynamoDB's TTL attribute must be a Number.
 * - data is a JSON string so any JSON value round-trips exactly, free of
 *   DynamoDB map limits (number range, 32 levels of nesting).
 * - version increments on every write; conditional writes on it prevent lost updates.
 */
export interface StoredSession {
  id: string;
  userId: string;
  data: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: number;
  version: number;
}

export function toEpochSeconds(epochMs: number): number {
  return Math.floor(epochMs / 1000);
}

/** Rounded up so a session never expires earlier than SESSION_TTL_HOURS promises. */
export function computeExpiresAt(
  createdAtMs: number,
  ttlHours: number,
): number {
  return Math.ceil((createdAtMs + ttlHours * 3_600_000) / 1000);
}

/** Expired means DynamoDB's TTL sweeper may delete it; readers treat it as gone already. */
export function isExpired(stored: StoredSession, nowMs: number): boolean {
  return stored.expiresAt <= toEpochSeconds(nowMs);
}

export function presentSession(stored: StoredSession): Session {
  return {
    id: stored.id,
    userId: stored.userId,
    data: JSON.parse(stored.data) as SessionData,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    expiresAt: new Date(stored.expiresAt * 1000).toISOString(),
    version: stored.version,
  };
}
