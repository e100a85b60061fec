import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { kratixDynamoDBPlugin } from './plugin';

describe('kratixDynamoDBPlugin', () => {
  it('serves an unauthenticated health route and an authenticated status route', async () => {
    const { server } = await startTestBackend({
      features: [
        kratixDynamoDBPlugin,
        mockServices.rootConfig.factory({ data: {} }),
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Resource',
              metadata: { name: 'orders', namespace: 'default' },
              spec: { type: 'dynamodb-table', owner: 'guests' },
            },
          ],
        }),
      ],
    });

    await request(server)
      .get('/api/kratix-dynamodb/health')
      .expect(200, { status: 'ok' });

    const res = await request(server).get(
      '/api/kratix-dynamodb/status/default/resource/orders',
    );
    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('resource:default/orders');
    // The entity names no cluster, so every stage says so instead of guessing.
    expect(res.body.overall).toBe('unknown');
    expect(res.body.stages.map((s: { id: string }) => s.id)).toEqual([
      'promise',
      'request',
      'workflow',
      'table',
      'application',
      'health',
    ]);
    expect(res.body.stages[0].summary).toBe(
      'The entity does not say which cluster it lives on',
    );
  });
});
