import {
  DynamoDBDocumentClient,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  type PageKey,
  InvalidPageTokenError,
  decodePageToken,
  encodePageToken,
} from './pageToken.ts';
import { type Session, type StoredSession, presentSession } from './session.ts';
import { USER_ID_INDEX } from './sessionTable.ts';

export interface PageRequest {
  limit: number;
  nextToken?: string;
}

export interface SessionPage {
  sessions: Session[];
  /** Absent on the last page. A page may be short even when more follow. */
  nextToken?: string;
}

export interface PageContext {
  client: DynamoDBDocumentClient;
  tableName: string;
  nowSeconds: number;
}

interface RawPage {
  items: StoredSession[];
  lastKey?: PageKey;
}

// DynamoDB applies Limit before the expiry filter, so a table full of expired
// leftovers could need many round trips to fill one page. Bounding them keeps
// a request's latency bounded; the client just follows nextToken.
const MAX_ROUND_TRIPS_PER_PAGE = 10;

/**
 * Fills one page of live sessions from successive DynamoDB pages. Each round
 * trip asks for exactly the number still missing, so when the page fills up,
 * DynamoDB's LastEvaluatedKey is the last item returned and nothing is skipped.
 */
async function collectPage(
  fetchRaw: (limit: number, startKey?: PageKey) => Promise<RawPage>,
  request: PageRequest,
  startKey: PageKey | undefined,
  nowSeconds: number,
): Promise<SessionPage> {
  const sessions: Session[] = [];
  let cursor = startKey;
  for (let trip = 0; trip < MAX_ROUND_TRIPS_PER_PAGE; trip++) {
    const raw = await fetchRaw(request.limit - sessions.length, cursor);
    for (const item of raw.items) {
      // The FilterExpression already dropped expired items; this guards the
      // boundary second between DynamoDB's clock and ours.
      if (item.expiresAt > nowSeconds) sessions.push(presentSession(item));
    }
    cursor = raw.lastKey;
    if (!cursor || sessions.length >= request.limit) break;
  }
  return cursor
    ? { sessions, nextToken: encodePageToken(cursor) }
    : { sessions };
}

/** All live sessions, via Scan (there is no key to query on). */
export async function listActiveSessions(
  context: PageContext,
  request: PageRequest,
): Promise<SessionPage> {
  const startKey =
    request.nextToken === undefined
      ? undefined
      : decodePageToken(request.nextToken, ['id']);
  return collectPage(
    async (limit, exclusiveStartKey) => {
      const result = await context.client.send(
        new ScanCommand({
          TableName: context.tableName,
          Limit: limit,
          ExclusiveStartKey: exclusiveStartKey,
          FilterExpression: 'expiresAt > :nowSeconds',
          ExpressionAttributeValues: { ':nowSeconds': context.nowSeconds },
          ConsistentRead: true,
        }),
      );
      return {
        items: (result.Items ?? []) as StoredSession[],
        lastKey: result.LastEvaluatedKey as PageKey | undefined,
      };
    },
    request,
    startKey,
    context.nowSeconds,
  );
}

/** A user's live sessions, via Query on the userId GSI, never a Scan. */
export async function listSessionsOfUser(
  context: PageContext,
  userId: string,
  request: PageRequest,
): Promise<SessionPage> {
  const startKey =
    request.nextToken === undefined
      ? undefined
      : decodePageToken(request.nextToken, ['id', 'userId']);
  if (startKey && startKey.userId !== userId) {
    throw new InvalidPageTokenError('nextToken belongs to another user');
  }
  return collectPage(
    async (limit, exclusiveStartKey) => {
      const result = await context.client.send(
        new QueryCommand({
          TableName: context.tableName,
          IndexName: USER_ID_INDEX,
          Limit: limit,
          ExclusiveStartKey: exclusiveStartKey,
          KeyConditionExpression: 'userId = :userId',
          FilterExpression: 'expiresAt > :nowSeconds',
          ExpressionAttributeValues: {
            ':userId': userId,
            ':nowSeconds': context.nowSeconds,
          },
        }),
      );
      return {
        items: (result.Items ?? []) as StoredSession[],
        lastKey: result.LastEvaluatedKey as PageKey | undefined,
      };
    },
    request,
    startKey,
    context.nowSeconds,
  );
}
