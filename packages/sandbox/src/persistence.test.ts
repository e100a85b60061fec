import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  api,
  startTestSandbox,
  widget,
  WIDGET_CRD,
  WIDGETS,
} from './__testUtils__/testSandbox';
import { DynamoDbApi } from './controllers/ack/DynamoDbApi';

describe('persistDir', () => {
  it('keeps objects, CRDs, credentials and DynamoDB tables across a restart', async () => {
    const persistDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-state-'));
    try {
      const first = await startTestSandbox({ persistDir, controllers: false });
      await api(
        first,
        'POST',
        '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
        WIDGET_CRD,
      );
      const created = (await api(first, 'POST', WIDGETS, widget('kept'))).body;
      await new DynamoDbApi(first.dynamodbEndpoint, 'us-east-1').call(
        'CreateTable',
        {
          TableName: 'kept-table',
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        },
      );
      await first.stop();

      const second = await startTestSandbox({ persistDir, controllers: false });
      try {
        expect(second.token).toBe(first.token);
        const kept = (await api(second, 'GET', `${WIDGETS}/kept`)).body;
        expect(kept.metadata).toMatchObject({
          uid: created.metadata.uid,
          resourceVersion: created.metadata.resourceVersion,
        });
        const next = (await api(second, 'POST', WIDGETS, widget('after'))).body;
        expect(Number(next.metadata.resourceVersion)).toBeGreaterThan(
          Number(created.metadata.resourceVersion),
        );
        const tables = await new DynamoDbApi(
          second.dynamodbEndpoint,
          'us-east-1',
        ).call('ListTables', {});
        expect(tables.TableNames).toContain('kept-table');
      } finally {
        await second.stop();
      }
    } finally {
      fs.rmSync(persistDir, { recursive: true, force: true });
    }
  }, 30_000);
});
