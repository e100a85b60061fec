import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { USER_ID_INDEX } from './sessionTable.ts';

export type Readiness =
  | { ready: true; table: string; tableStatus: string }
  | { ready: false; table: string; reason: string };

/**
 * Ready means DynamoDB answers and the table and its userId index are ACTIVE,
 * i.e. every endpoint can work. The timeout keeps a probe from hanging on an
 * unreachable endpoint while the SDK retries.
 */
export async function checkReadiness(
  client: DynamoDBClient,
  tableName: string,
  timeoutMs: number,
): Promise<Readiness> {
  let table;
  try {
    const described = await client.send(
      new DescribeTableCommand({ TableName: tableName }),
      { abortSignal: AbortSignal.timeout(timeoutMs) },
    );
    table = described.Table;
  } catch (error) {
    const { name, message } = error as Error;
    const reason =
      name === 'ResourceNotFoundException'
        ? `table ${tableName} does not exist`
        : `DynamoDB is unreachable or failing: ${name}: ${message}`;
    return { ready: false, table: tableName, reason };
  }

  const tableStatus = table?.TableStatus ?? 'UNKNOWN';
  if (tableStatus !== 'ACTIVE') {
    return {
      ready: false,
      table: tableName,
      reason: `table ${tableName} is ${tableStatus}, not ACTIVE`,
    };
  }
  const index = table?.GlobalSecondaryIndexes?.find(
    candidate => candidate.IndexName === USER_ID_INDEX,
  );
  if (!index) {
    return {
      ready: false,
      table: tableName,
      reason: `table ${tableName} has no ${USER_ID_INDEX} index`,
    };
  }
  if (index.IndexStatus !== 'ACTIVE') {
    return {
      ready: false,
      table: tableName,
      reason: `index ${USER_ID_INDEX} is ${index.IndexStatus}, not ACTIVE`,
    };
  }
  return { ready: true, table: tableName, tableStatus };
}
