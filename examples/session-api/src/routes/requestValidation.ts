import { HttpError, badRequest } from '../http/httpError.ts';
import type { SessionData } from '../session.ts';
import type { PageRequest } from '../sessionPages.ts';

export const DEFAULT_PAGE_LIMIT = 25;
export const MAX_PAGE_LIMIT = 100;
export const MAX_USER_ID_LENGTH = 256;

const UUID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Ids are issued lowercase by randomUUID; accept any case from clients. */
export function parseSessionId(raw: string): string {
  if (!UUID_PATTERN.test(raw)) {
    throw badRequest('invalid_session_id', `session id "${raw}" is not a UUID`);
  }
  return raw.toLowerCase();
}

export function parseUserId(raw: unknown, where: string): string {
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw badRequest('invalid_user_id', `${where} must be a non-empty string`);
  }
  if (raw.length > MAX_USER_ID_LENGTH) {
    throw badRequest(
      'invalid_user_id',
      `${where} must be at most ${MAX_USER_ID_LENGTH} characters`,
    );
  }
  return raw;
}

function parseData(raw: unknown, required: boolean): SessionData {
  if (raw === undefined && !required) return {};
  if (raw === undefined) {
    throw badRequest('missing_data', 'data is required');
  }
  if (!isPlainObject(raw)) {
    throw badRequest('invalid_data', 'data must be a JSON object');
  }
  return raw;
}

function requireObjectBody(body: unknown): Record<string, unknown> {
  if (!isPlainObject(body)) {
    throw badRequest('invalid_body', 'request body must be a JSON object');
  }
  return body;
}

export function parseCreateBody(body: unknown): {
  userId: string;
  data: SessionData;
} {
  const object = requireObjectBody(body);
  if (object.userId === undefined) {
    throw badRequest('missing_user_id', 'userId is required');
  }
  return {
    userId: parseUserId(object.userId, 'userId'),
    data: parseData(object.data, false),
  };
}

function parseVersionNumber(raw: unknown, where: string): number {
  const value =
    typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw badRequest('invalid_version', `${where} must be a positive integer`);
  }
  return value;
}

/** If-Match carries the ETag we hand out: "3" (W/"3" and bare 3 are tolerated; * means any). */
function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const trimmed = header.trim();
  if (trimmed === '*') return undefined;
  const unwrapped = trimmed.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
  return parseVersionNumber(unwrapped, 'If-Match');
}

/**
 * A DELETE must say which version it means to delete (If-Match: "3"), or that it means any
 * (If-Match: *), so that a stale client never deletes a session someone has changed since.
 */
export function parseDeletePrecondition(
  ifMatchHeader: string | undefined,
): number | undefined {
  if (ifMatchHeader === undefined) {
    throw new HttpError(
      428,
      'precondition_required',
      "DELETE needs If-Match with the session's ETag (or * for any version)",
    );
  }
  return parseIfMatch(ifMatchHeader);
}

export function parseUpdateBody(
  body: unknown,
  ifMatchHeader: string | undefined,
): { data: SessionData; expectedVersion?: number } {
  const object = requireObjectBody(body);
  const data = parseData(object.data, true);
  const fromBody =
    object.version === undefined
      ? undefined
      : parseVersionNumber(object.version, 'version');
  const fromHeader = parseIfMatch(ifMatchHeader);
  if (
    fromBody !== undefined &&
    fromHeader !== undefined &&
    fromBody !== fromHeader
  ) {
    throw badRequest(
      'version_mismatch',
      `body version ${fromBody} contradicts If-Match ${fromHeader}`,
    );
  }
  return { data, expectedVersion: fromBody ?? fromHeader };
}

export function parsePageRequest(url: URL): PageRequest {
  const rawLimit = url.searchParams.get('limit');
  let limit = DEFAULT_PAGE_LIMIT;
  if (rawLimit !== null) {
    limit = Number(rawLimit);
    if (!/^\d+$/.test(rawLimit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
      throw badRequest(
        'invalid_limit',
        `limit must be an integer from 1 to ${MAX_PAGE_LIMIT}`,
      );
    }
  }
  const nextToken = url.searchParams.get('nextToken');
  if (nextToken === '') {
    throw badRequest('invalid_next_token', 'nextToken must not be empty');
  }
  return nextToken === null ? { limit } : { limit, nextToken };
}
