import { randomUUID } from 'node:crypto';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  type PageRequest,
  type SessionPage,
  listActiveSessions,
  listSessionsOfUser,
} from './sessionPages.ts';
import {
  type Session,
  type SessionData,
  type StoredSession,
  computeExpiresAt,
  isExpired,
  presentSession,
  toEpochSeconds,
} from './session.ts';
import {
  SessionDataTooLargeError,
  SessionNotFoundError,
  VersionConflictError,
  isConditionFailure,
} from './storeErrors.ts';

/** Each session's serialized data stays within this, so items stay far below DynamoDB's 400 KB. */
export const MAX_SESSION_DATA_BYTES = 64 * 1024;

// Without a client-supplied version, a PUT re-reads and retries when another
// writer got in first; the cap turns pathological contention into a 409.
const MAX_UPDATE_ATTEMPTS = 10;

export interface SessionStoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  ttlHours: number;
  now: () => number;
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

function serializeData(data: SessionData): string {
  const json = JSON.stringify(data);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_SESSION_DATA_BYTES) {
    throw new SessionDataTooLargeError(bytes, MAX_SESSION_DATA_BYTES);
  }
  return json;
}

/** All DynamoDB reads and writes of sessions; knows nothing about HTTP. */
export class SessionStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly ttlHours: number;
  private readonly now: () => number;

  constructor(options: SessionStoreOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.ttlHours = options.ttlHours;
    this.now = options.now;
  }

  async create(userId: string, data: SessionData): Promise<Session> {
    const nowMs = this.now();
    const timestamp = new Date(nowMs).toISOString();
    const item: StoredSession = {
      id: randomUUID(),
      userId,
      data: serializeData(data),
      createdAt: timestamp,
      updatedAt: timestamp,
      expiresAt: computeExpiresAt(nowMs, this.ttlHours),
      version: 1,
    };
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: item,
        // A UUID collision is practically impossible, but never overwrite.
        ConditionExpression: 'attribute_not_exists(id)',
      }),
    );
    return presentSession(item);
  }

  async get(id: string): Promise<Session | undefined> {
    const stored = await this.readActive(id);
    return stored && presentSession(stored);
  }

  /**
   * Shallow-merges `patch` into the session's data. With `expectedVersion`
   * the write only happens if the stored version still matches (else 409);
   * without it, concurrent writers are serialized by retrying on the
   * version condition, so neither write is lost.
   */
  async update(
    id: string,
    patch: SessionData,
    expectedVersion?: number,
  ): Promise<Session> {
    for (let attempt = 1; attempt <= MAX_UPDATE_ATTEMPTS; attempt++) {
      const current = await this.readActive(id);
      if (!current) throw new SessionNotFoundError(id);
      if (
        expectedVersion !== undefined &&
        current.version !== expectedVersion
      ) {
        throw new VersionConflictError(
          `session ${id} is at version ${current.version}, not ${expectedVersion}`,
          current.version,
        );
      }
      const merged = { ...(JSON.parse(current.data) as SessionData), ...patch };
      const nowMs = this.now();
      try {
        const result = await this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { id },
            UpdateExpression:
              'SET #data = :data, updatedAt = :updatedAt, version = :next',
            // The version check also proves the item exists; the expiry check
            // stops a write from resurrecting a session that just expired.
            ConditionExpression: 'version = :read AND expiresAt > :nowSeconds',
            ExpressionAttributeNames: { '#data': 'data' },
            ExpressionAttributeValues: {
              ':data': serializeData(merged),
              ':updatedAt': new Date(nowMs).toISOString(),
              ':next': current.version + 1,
              ':read': current.version,
              ':nowSeconds': toEpochSeconds(nowMs),
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return presentSession(result.Attributes as StoredSession);
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        // Someone else wrote (or it expired) between our read and write: the
        // next loop re-reads and decides between 404, 409 and a retry.
        await sleep(Math.random() * 5 * attempt);
      }
    }
    throw new VersionConflictError(
      `session ${id} kept changing; gave up after ${MAX_UPDATE_ATTEMPTS} attempts`,
      undefined,
    );
  }

  /**
   * Returns false when there was nothing live to delete. With `expectedVersion` the delete only
   * happens if the stored version still matches (else 409).
   */
  async delete(id: string, expectedVersion?: number): Promise<boolean> {
    if (expectedVersion !== undefined) {
      try {
        await this.client.send(
          new DeleteCommand({
            TableName: this.tableName,
            Key: { id },
            ConditionExpression:
              'version = :expected AND expiresAt > :nowSeconds',
            ExpressionAttributeValues: {
              ':expected': expectedVersion,
              ':nowSeconds': toEpochSeconds(this.now()),
            },
          }),
        );
        return true;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const current = await this.readActive(id);
        if (!current) return false;
        throw new VersionConflictError(
          `session ${id} is at version ${current.version}, not ${expectedVersion}`,
          current.version,
        );
      }
    }
    const result = await this.client.send(
      new DeleteCommand({
        TableName: this.tableName,
        Key: { id },
        ReturnValues: 'ALL_OLD',
      }),
    );
    const old = result.Attributes as StoredSession | undefined;
    // An expired leftover is removed as well, but it was already gone to clients.
    return old !== undefined && !isExpired(old, this.now());
  }

  listActive(request: PageRequest): Promise<SessionPage> {
    return listActiveSessions(this.pageContext(), request);
  }

  listByUser(userId: string, request: PageRequest): Promise<SessionPage> {
    return listSessionsOfUser(this.pageContext(), userId, request);
  }

  private pageContext() {
    return {
      client: this.client,
      tableName: this.tableName,
      nowSeconds: toEpochSeconds(this.now()),
    };
  }

  // Strongly consistent so a client always reads its own writes (and the
  // update loop sees the latest version).
  private async readActive(id: string): Promise<StoredSession | undefined> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { id },
        ConsistentRead: true,
      }),
    );
    const stored = result.Item as StoredSession | undefined;
    if (!stored || isExpired(stored, this.now())) return undefined;
    return stored;
  }
}
