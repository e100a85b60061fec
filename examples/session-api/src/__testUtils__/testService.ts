import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AuthOptions } from '../auth/authenticate.ts';
import { startSessionApi, type RunningSessionApi } from '../server.ts';
import { createSessionTable } from '../sessionTable.ts';
import {
  type RunningDynalite,
  startDynalite,
  useDummyAwsCredentials,
} from './dynaliteServer.ts';
import { TEST_JWT_SECRET } from './tokens.ts';

/** Time the tests control, so expiry needs no sleeping. */
export interface FakeClock {
  now: () => number;
  advanceHours(hours: number): void;
}

export function createFakeClock(startMs = Date.UTC(2030, 0, 1)): FakeClock {
  let current = startMs;
  return {
    now: () => current,
    advanceHours: hours => {
      current += hours * 3_600_000;
    },
  };
}

export interface TestService {
  baseUrl: string;
  api: RunningSessionApi;
  dynamo: RunningDynalite;
  client: DynamoDBClient;
  clock: FakeClock;
  tableName: string;
  close(): Promise<void>;
}

/** dynalite + the sessions table + the service, all on loopback ephemeral ports. */
export async function startTestService(
  options: {
    ttlHours?: number;
    /** Built with the dynalite endpoint; handed to the service so tests can observe its calls. */
    makeClient?: (endpoint: string) => DynamoDBClient;
    createTable?: boolean;
    /** Default: HS256 with TEST_JWT_SECRET. */
    auth?: AuthOptions;
  } = {},
): Promise<TestService> {
  useDummyAwsCredentials();
  const dynamo = await startDynalite();
  const tableName = 'sessions-test';
  const client = options.makeClient
    ? options.makeClient(dynamo.endpoint)
    : new DynamoDBClient({ region: 'us-east-1', endpoint: dynamo.endpoint });
  if (options.createTable !== false) {
    await createSessionTable(client, tableName);
  }
  const clock = createFakeClock();
  const api = await startSessionApi({
    port: 0,
    host: '127.0.0.1',
    tableName,
    auth: options.auth ?? { hmacSecret: TEST_JWT_SECRET },
    region: 'us-east-1',
    endpoint: dynamo.endpoint,
    ttlHours: options.ttlHours ?? 24,
    now: clock.now,
    client: options.makeClient ? client : undefined,
  });
  return {
    baseUrl: api.url,
    api,
    dynamo,
    client,
    clock,
    tableName,
    close: async () => {
      await api.close();
      client.destroy();
      await dynamo.close();
    },
  };
}
