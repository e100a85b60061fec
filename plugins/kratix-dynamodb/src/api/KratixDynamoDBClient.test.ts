import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { KratixDynamoDBClient } from './KratixDynamoDBClient';

const server = setupServer();

describe('KratixDynamoDBClient', () => {
  registerMswTestHooks(server);
  const baseUrl = 'http://backend.test/api/kratix-dynamodb';
  const client = new KratixDynamoDBClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backend.test' }),
    fetchApi: new MockFetchApi(),
  });

  it('reads the status chain of an entity, escaping the ref', async () => {
    server.use(
      http.get(`${baseUrl}/status/default/resource/my%20table`, () =>
        HttpResponse.json({
          entityRef: 'resource:default/my table',
          overall: 'ok',
          stages: [],
          checkedAt: 'now',
        }),
      ),
    );
    const chain = await client.getStatusChain({
      namespace: 'default',
      kind: 'resource',
      name: 'my table',
    });
    expect(chain.overall).toBe('ok');
  });

  it('turns an error answer into a ResponseError', async () => {
    server.use(
      http.get(`${baseUrl}/status/default/resource/orders`, () =>
        HttpResponse.json(
          { error: { name: 'NotFoundError', message: 'No catalog entity' } },
          { status: 404 },
        ),
      ),
    );
    await expect(
      client.getStatusChain({
        namespace: 'default',
        kind: 'resource',
        name: 'orders',
      }),
    ).rejects.toBeInstanceOf(ResponseError);
  });
});
