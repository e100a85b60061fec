import { callApi } from './__testUtils__/httpClient.ts';
import {
  type TestService,
  startTestService,
} from './__testUtils__/testService.ts';

describe('concurrent updates', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService();
  });

  afterAll(async () => {
    await service.close();
  });

  async function createSession(): Promise<string> {
    const response = await callApi(service.baseUrl, 'POST', '/sessions', {
      json: { userId: 'racer', data: { start: true } },
    });
    return response.body.id;
  }

  const put = (id: string, json: object, headers?: Record<string, string>) =>
    callApi(service.baseUrl, 'PUT', `/sessions/${id}`, { json, headers });

  it('lets exactly one of two PUTs with the same version win; the other gets 409', async () => {
    // Repeated because a single race could be won "by luck" in sequence.
    for (let round = 0; round < 5; round++) {
      const id = await createSession();
      const [first, second] = await Promise.all([
        put(id, { data: { writer: 'first' }, version: 1 }),
        put(id, { data: { writer: 'second' } }, { 'if-match': '"1"' }),
      ]);
      const statuses = [first.status, second.status].sort();
      expect(statuses).toEqual([200, 409]);
      const winner = first.status === 200 ? first : second;
      const loser = first.status === 200 ? second : first;
      expect(winner.body.version).toBe(2);
      expect(loser.body).toMatchObject({
        error: 'version_conflict',
        currentVersion: 2,
      });

      const stored = await callApi(service.baseUrl, 'GET', `/sessions/${id}`);
      expect(stored.body.data).toEqual({ start: true, ...winner.body.data });
      expect(stored.body.version).toBe(2);
    }
  });

  it('applies every versionless PUT: no write is lost, each bumps the version', async () => {
    const id = await createSession();
    const writers = 8;
    const responses = await Promise.all(
      Array.from({ length: writers }, (_, i) =>
        put(id, { data: { [`key${i}`]: i } }),
      ),
    );
    expect(responses.map(r => r.status)).toEqual(Array(writers).fill(200));
    // Every successful write produced a distinct version: they were serialized.
    const versions = responses.map(r => r.body.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: writers }, (_, i) => i + 2));

    const stored = await callApi(service.baseUrl, 'GET', `/sessions/${id}`);
    expect(stored.body.version).toBe(writers + 1);
    const expected: Record<string, unknown> = { start: true };
    for (let i = 0; i < writers; i++) expected[`key${i}`] = i;
    expect(stored.body.data).toEqual(expected);
  });

  it('does not let a PUT racing a DELETE recreate the session', async () => {
    const id = await createSession();
    const [updated, deleted] = await Promise.all([
      put(id, { data: { late: true } }),
      callApi(service.baseUrl, 'DELETE', `/sessions/${id}`, {
        headers: { 'if-match': '*' },
      }),
    ]);
    expect(deleted.status).toBe(200);
    expect([200, 404]).toContain(updated.status);
    expect(
      (await callApi(service.baseUrl, 'GET', `/sessions/${id}`)).status,
    ).toBe(404);
  });
});
