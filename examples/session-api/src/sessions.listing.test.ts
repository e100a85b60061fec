import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { encodePageToken } from './pageToken.ts';
import { callApi } from './__testUtils__/httpClient.ts';
import {
  type TestService,
  startTestService,
} from './__testUtils__/testService.ts';

/** Records every DynamoDB operation the service sends, to prove Query vs Scan. */
function observedClient(
  endpoint: string,
  operations: string[],
): DynamoDBClient {
  const client = new DynamoDBClient({ region: 'us-east-1', endpoint });
  client.middlewareStack.add(
    (next, context) => args => {
      operations.push(`${context.commandName}`);
      return next(args);
    },
    { step: 'initialize', name: 'recordOperations' },
  );
  return client;
}

async function collectAllPages(baseUrl: string, path: string, limit: number) {
  const ids: string[] = [];
  const pageSizes: number[] = [];
  let nextToken: string | undefined;
  do {
    const query = `limit=${limit}${nextToken ? `&nextToken=${nextToken}` : ''}`;
    const page = await callApi(baseUrl, 'GET', `${path}?${query}`);
    expect(page.status).toBe(200);
    pageSizes.push(page.body.sessions.length);
    ids.push(...page.body.sessions.map((s: { id: string }) => s.id));
    nextToken = page.body.nextToken;
  } while (nextToken);
  return { ids, pageSizes };
}

describe('listing sessions', () => {
  const operations: string[] = [];
  let service: TestService;
  const created: Record<string, string[]> = { alice: [], bob: [] };

  beforeAll(async () => {
    service = await startTestService({
      ttlHours: 1,
      makeClient: endpoint => observedClient(endpoint, operations),
    });
    const create = async (userId: string) => {
      const response = await callApi(service.baseUrl, 'POST', '/sessions', {
        json: { userId, data: {} },
      });
      created[userId].push(response.body.id);
    };
    for (let i = 0; i < 7; i++) await create('alice');
    for (let i = 0; i < 3; i++) await create('bob');
  });

  afterAll(async () => {
    await service.close();
  });

  it('pages through all live sessions without gaps or repeats', async () => {
    const { ids, pageSizes } = await collectAllPages(
      service.baseUrl,
      '/sessions',
      4,
    );
    expect(ids.sort()).toEqual([...created.alice, ...created.bob].sort());
    expect(pageSizes.slice(0, 2)).toEqual([4, 4]);
  });

  it("lists one user's sessions with a GSI Query, never a Scan", async () => {
    operations.length = 0;
    const { ids, pageSizes } = await collectAllPages(
      service.baseUrl,
      '/sessions/user/alice',
      3,
    );
    expect(ids.sort()).toEqual([...created.alice].sort());
    expect(pageSizes.slice(0, 2)).toEqual([3, 3]);
    expect(operations.length).toBeGreaterThan(0);
    expect(new Set(operations)).toEqual(new Set(['QueryCommand']));
  });

  it('returns an empty page for a user without sessions', async () => {
    const response = await callApi(
      service.baseUrl,
      'GET',
      '/sessions/user/nobody',
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ sessions: [] });
  });

  it('decodes URL-encoded user ids in the path', async () => {
    const create = await callApi(service.baseUrl, 'POST', '/sessions', {
      json: { userId: 'team/ops user', data: {} },
    });
    const response = await callApi(
      service.baseUrl,
      'GET',
      `/sessions/user/${encodeURIComponent('team/ops user')}`,
    );
    expect(response.body.sessions.map((s: { id: string }) => s.id)).toEqual([
      create.body.id,
    ]);
  });

  it('rejects a token from another listing or another user with 400', async () => {
    const tablePage = await callApi(
      service.baseUrl,
      'GET',
      '/sessions?limit=1',
    );
    const userPage = await callApi(
      service.baseUrl,
      'GET',
      '/sessions/user/alice?limit=1',
    );
    const crossed = [
      `/sessions/user/alice?nextToken=${tablePage.body.nextToken}`,
      `/sessions?nextToken=${userPage.body.nextToken}`,
      `/sessions/user/bob?nextToken=${userPage.body.nextToken}`,
    ];
    for (const path of crossed) {
      const response = await callApi(service.baseUrl, 'GET', path);
      expect(response.status).toBe(400);
      expect(response.body.error).toBe('invalid_next_token');
    }
  });

  it('rejects tampered tokens with 400', async () => {
    const tampered = [
      'not*base64',
      Buffer.from('not json').toString('base64url'),
      Buffer.from('[1,2]').toString('base64url'),
      encodePageToken({ id: 'x', extra: 'y' }),
      Buffer.from(JSON.stringify({ id: 5 })).toString('base64url'),
    ];
    for (const token of tampered) {
      const response = await callApi(
        service.baseUrl,
        'GET',
        `/sessions?nextToken=${encodeURIComponent(token)}`,
      );
      expect(response.status).toBe(400);
      expect(response.body.error).toBe('invalid_next_token');
    }
  });

  it('leaves expired sessions out of both listings', async () => {
    service.clock.advanceHours(0.5);
    const fresh = await callApi(service.baseUrl, 'POST', '/sessions', {
      json: { userId: 'alice', data: {} },
    });
    service.clock.advanceHours(0.6);
    const all = await collectAllPages(service.baseUrl, '/sessions', 2);
    expect(all.ids).toEqual([fresh.body.id]);
    const alice = await collectAllPages(
      service.baseUrl,
      '/sessions/user/alice',
      2,
    );
    expect(alice.ids).toEqual([fresh.body.id]);
  });
});
