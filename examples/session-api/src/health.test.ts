import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startSessionApi } from './server.ts';
import { createSessionTable } from './sessionTable.ts';
import {
  startDynalite,
  useDummyAwsCredentials,
} from './__testUtils__/dynaliteServer.ts';
import { callApi } from './__testUtils__/httpClient.ts';
import { startTestService } from './__testUtils__/testService.ts';
import { TEST_JWT_SECRET } from './__testUtils__/tokens.ts';

describe('health and readiness', () => {
  beforeAll(() => useDummyAwsCredentials());

  it('/health and /ready answer 200 when the table is ACTIVE', async () => {
    const service = await startTestService();
    try {
      const health = await callApi(service.baseUrl, 'GET', '/health');
      expect(health.status).toBe(200);
      expect(health.body.status).toBe('ok');
      const ready = await callApi(service.baseUrl, 'GET', '/ready');
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({
        status: 'ready',
        table: 'sessions-test',
        tableStatus: 'ACTIVE',
      });
    } finally {
      await service.close();
    }
  });

  it('/ready is 503 naming the missing table, and session calls are 503 too', async () => {
    const service = await startTestService({ createTable: false });
    try {
      const ready = await callApi(service.baseUrl, 'GET', '/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.reason).toBe('table sessions-test does not exist');
      const create = await callApi(service.baseUrl, 'POST', '/sessions', {
        json: { userId: 'u' },
      });
      expect(create.status).toBe(503);
      expect(create.body.error).toBe('dynamodb_unavailable');
      // Liveness does not depend on DynamoDB.
      expect((await callApi(service.baseUrl, 'GET', '/health')).status).toBe(
        200,
      );
    } finally {
      await service.close();
    }
  });

  it('/ready is 503 when DynamoDB is down; /health stays 200', async () => {
    const dynamo = await startDynalite();
    const client = new DynamoDBClient({
      region: 'us-east-1',
      endpoint: dynamo.endpoint,
    });
    await createSessionTable(client, 'sessions-down');
    client.destroy();
    const api = await startSessionApi({
      port: 0,
      host: '127.0.0.1',
      tableName: 'sessions-down',
      auth: { hmacSecret: TEST_JWT_SECRET },
      endpoint: dynamo.endpoint,
      readinessTimeoutMs: 1_500,
    });
    try {
      expect((await callApi(api.url, 'GET', '/ready')).status).toBe(200);
      await dynamo.close();

      const ready = await callApi(api.url, 'GET', '/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.status).toBe('not_ready');
      expect(ready.body.reason).toMatch(/DynamoDB is unreachable/);
      const read = await callApi(
        api.url,
        'GET',
        '/sessions/00000000-0000-4000-8000-000000000000',
      );
      expect(read.status).toBe(503);
      expect((await callApi(api.url, 'GET', '/health')).status).toBe(200);
    } finally {
      await api.close();
    }
  });

  it('createSessionTable builds the documented schema and is idempotent', async () => {
    const dynamo = await startDynalite();
    const client = new DynamoDBClient({
      region: 'us-east-1',
      endpoint: dynamo.endpoint,
    });
    try {
      const first = await createSessionTable(client, 'schema-check');
      expect(first).toEqual({
        created: true,
        tableArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/schema-check',
        // dynalite has no UpdateTimeToLive; real DynamoDB reports 'enabled'.
        timeToLive: 'unsupported',
      });
      const again = await createSessionTable(client, 'schema-check');
      expect(again.created).toBe(false);

      const { Table } = await client.send(
        new DescribeTableCommand({ TableName: 'schema-check' }),
      );
      expect(Table?.KeySchema).toEqual([
        { AttributeName: 'id', KeyType: 'HASH' },
      ]);
      expect(Table?.GlobalSecondaryIndexes).toEqual([
        expect.objectContaining({
          IndexName: 'userId-index',
          KeySchema: [{ AttributeName: 'userId', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'ALL' },
        }),
      ]);
    } finally {
      client.destroy();
      await dynamo.close();
    }
  });
});
