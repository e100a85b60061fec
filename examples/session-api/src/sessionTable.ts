import {
  CreateTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';

/** The GSI that answers "sessions of a user" without a Scan. */
export const USER_ID_INDEX = 'userId-index';
/** DynamoDB's TTL sweeper deletes items once this epoch-seconds attribute passes. */
export const TTL_ATTRIBUTE = 'expiresAt';

export interface CreateSessionTableResult {
  tableArn?: string;
  /** False when the table already existed; the call is idempotent. */
  created: boolean;
  /** 'unsupported' on emulators such as dynalite that lack UpdateTimeToLive. */
  timeToLive: 'enabled' | 'unsupported';
}

function errorName(error: unknown): string | undefined {
  return (error as { name?: string } | undefined)?.name;
}

async function enableTimeToLive(
  client: DynamoDBClient,
  tableName: string,
): Promise<CreateSessionTableResult['timeToLive']> {
  const described = await client.send(
    new DescribeTimeToLiveCommand({ TableName: tableName }),
  );
  const status = described.TimeToLiveDescription?.TimeToLiveStatus;
  if (status === 'ENABLED' || status === 'ENABLING') return 'enabled';
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: {
          AttributeName: TTL_ATTRIBUTE,
          Enabled: true,
        },
      }),
    );
    return 'enabled';
  } catch (error) {
    // The service enforces expiry on read anyway, so a missing sweeper only
    // costs storage, never correctness.
    if (errorName(error) === 'UnknownOperationException') return 'unsupported';
    throw error;
  }
}

/**
 * Creates the sessions table the way the Kratix Promise provisions it:
 * `id` (S) hash key, GSI `userId-index` on `userId` (S) projecting ALL,
 * TTL on `expiresAt`. Waits until the table is ACTIVE.
 */
export async function createSessionTable(
  client: DynamoDBClient,
  tableName: string,
  options: { maxWaitSeconds?: number } = {},
): Promise<CreateSessionTableResult> {
  let created = true;
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'id', AttributeType: 'S' },
          { AttributeName: 'userId', AttributeType: 'S' },
        ],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [
          {
            IndexName: USER_ID_INDEX,
            KeySchema: [{ AttributeName: 'userId', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
  } catch (error) {
    if (errorName(error) !== 'ResourceInUseException') throw error;
    created = false;
  }
  const waited = await waitUntilTableExists(
    {
      client,
      maxWaitTime: options.maxWaitSeconds ?? 120,
      minDelay: 1,
      maxDelay: 5,
    },
    { TableName: tableName },
  );
  const description = (
    waited.reason as { Table?: { TableArn?: string } } | undefined
  )?.Table;
  return {
    tableArn: description?.TableArn,
    created,
    timeToLive: await enableTimeToLive(client, tableName),
  };
}
