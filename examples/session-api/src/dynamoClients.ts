import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoClients {
  client: DynamoDBClient;
  documentClient: DynamoDBDocumentClient;
}

/**
 * Credentials come from the SDK's default chain (AWS_ACCESS_KEY_ID and friends,
 * web identity, instance roles); this code never reads or logs them.
 */
export function createDynamoClients(options: {
  region: string;
  endpoint?: string;
}): DynamoClients {
  const client = new DynamoDBClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    // Fail fast instead of hanging a request on a dead endpoint; the SDK
    // still retries transient failures (3 attempts by default).
    requestHandler: {
      connectionTimeout: 2_000,
      requestTimeout: 10_000,
      throwOnRequestTimeout: true,
    },
  });
  return { client, documentClient: wrapDocumentClient(client) };
}

/** Plain JS objects in and out; stray undefined fields are dropped, not errors. */
export function wrapDocumentClient(
  client: DynamoDBClient,
): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
