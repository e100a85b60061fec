import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { wrapDocumentClient } from './dynamoClients.ts';
import { callApi } from './__testUtils__/httpClient.ts';
import {
  type TestService,
  startTestService,
} from './__testUtils__/testService.ts';

const UUID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('session CRUD against dynalite', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ ttlHours: 2 });
  });

  afterAll(async () => {
    await service.close();
  });

  const call = (
    method: string,
    path: string,
    options?: Parameters<typeof callApi>[3],
  ) => callApi(service.baseUrl, method, path, options);

  async function createSession(
    userId = 'alice',
    data: object = { theme: 'dark' },
  ) {
    const created = await call('POST', '/sessions', { json: { userId, data } });
    expect(created.status).toBe(201);
    return created.body;
  }

  it('creates a session with id, timestamps, expiry and version 1', async () => {
    const response = await call('POST', '/sessions', {
      json: { userId: 'alice', data: { theme: 'dark', cart: [1, 2] } },
    });
    expect(response.status).toBe(201);
    const session = response.body;
    expect(session.id).toMatch(UUID);
    expect(session).toMatchObject({
      userId: 'alice',
      data: { theme: 'dark', cart: [1, 2] },
      version: 1,
      createdAt: new Date(service.clock.now()).toISOString(),
    });
    expect(session.updatedAt).toBe(session.createdAt);
    expect(Date.parse(session.expiresAt) - Date.parse(session.createdAt)).toBe(
      2 * 3_600_000,
    );
    expect(response.headers.location).toBe(`/sessions/${session.id}`);
    expect(response.headers.etag).toBe('"1"');
  });

  it('stores expiresAt as epoch seconds (the TTL attribute) and data as JSON', async () => {
    const session = await createSession('bob', { n: 1 });
    const stored = await wrapDocumentClient(service.client).send(
      new GetCommand({ TableName: service.tableName, Key: { id: session.id } }),
    );
    expect(stored.Item).toMatchObject({
      id: session.id,
      userId: 'bob',
      data: '{"n":1}',
      expiresAt: Date.parse(session.expiresAt) / 1000,
      version: 1,
    });
  });

  it('defaults data to an empty object', async () => {
    const response = await call('POST', '/sessions', {
      json: { userId: 'carol' },
    });
    expect(response.status).toBe(201);
    expect(response.body.data).toEqual({});
  });

  it('reads a session back, accepting an uppercase id', async () => {
    const session = await createSession();
    const read = await call('GET', `/sessions/${session.id.toUpperCase()}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(session);
    expect(read.headers.etag).toBe('"1"');
  });

  it('answers 404 for an unknown session', async () => {
    const response = await call(
      'GET',
      '/sessions/00000000-0000-4000-8000-000000000000',
    );
    expect(response.status).toBe(404);
    expect(response.body.error).toBe('session_not_found');
  });

  it('updates by merging data keys and bumping the version', async () => {
    const session = await createSession('dave', { theme: 'dark', lang: 'en' });
    const updated = await call('PUT', `/sessions/${session.id}`, {
      json: { data: { theme: 'light', cart: ['book'] } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      id: session.id,
      userId: 'dave',
      data: { theme: 'light', lang: 'en', cart: ['book'] },
      version: 2,
      createdAt: session.createdAt,
      expiresAt: session.expiresAt,
    });
    expect(updated.headers.etag).toBe('"2"');
    const read = await call('GET', `/sessions/${session.id}`);
    expect(read.body).toEqual(updated.body);
  });

  it('updates with a matching version in the body or If-Match', async () => {
    const session = await createSession();
    const viaBody = await call('PUT', `/sessions/${session.id}`, {
      json: { data: { step: 1 }, version: 1 },
    });
    expect(viaBody.status).toBe(200);
    const viaHeader = await call('PUT', `/sessions/${session.id}`, {
      json: { data: { step: 2 } },
      headers: { 'if-match': viaBody.headers.etag as string },
    });
    expect(viaHeader.status).toBe(200);
    expect(viaHeader.body).toMatchObject({ version: 3, data: { step: 2 } });
  });

  it('answers 409 with the current version for a stale version', async () => {
    const session = await createSession();
    await call('PUT', `/sessions/${session.id}`, { json: { data: { a: 1 } } });
    const stale = await call('PUT', `/sessions/${session.id}`, {
      json: { data: { a: 2 } },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: 'version_conflict',
      currentVersion: 2,
    });
  });

  it('never creates a session on update', async () => {
    const id = '11111111-1111-4111-8111-111111111111';
    const response = await call('PUT', `/sessions/${id}`, {
      json: { data: { a: 1 } },
    });
    expect(response.status).toBe(404);
    expect((await call('GET', `/sessions/${id}`)).status).toBe(404);
  });

  it('deletes a session once', async () => {
    const session = await createSession();
    const deleted = await call('DELETE', `/sessions/${session.id}`, {
      headers: { 'if-match': `"${session.version}"` },
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id: session.id, deleted: true });
    expect((await call('GET', `/sessions/${session.id}`)).status).toBe(404);
    expect(
      (
        await call('DELETE', `/sessions/${session.id}`, {
          headers: { 'if-match': '*' },
        })
      ).status,
    ).toBe(404);
  });

  it('treats an expired session as gone before any TTL sweep', async () => {
    const session = await createSession('erin');
    service.clock.advanceHours(1.9);
    expect((await call('GET', `/sessions/${session.id}`)).status).toBe(200);
    service.clock.advanceHours(0.1);
    expect((await call('GET', `/sessions/${session.id}`)).status).toBe(404);
    const update = await call('PUT', `/sessions/${session.id}`, {
      json: { data: { a: 1 } },
    });
    expect(update.status).toBe(404);
    const listed = await call('GET', '/sessions/user/erin');
    expect(listed.body.sessions).toEqual([]);
    expect(
      (
        await call('DELETE', `/sessions/${session.id}`, {
          headers: { 'if-match': '*' },
        })
      ).status,
    ).toBe(404);
  });
});
