/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectError"] }] */
import { request } from 'node:http';
import { MAX_BODY_BYTES } from './http/readJsonBody.ts';
import { callApi } from './__testUtils__/httpClient.ts';
import {
  type TestService,
  startTestService,
} from './__testUtils__/testService.ts';
import { ADMIN_TOKEN } from './__testUtils__/tokens.ts';

/** Streams a body without Content-Length, so only the running count can catch it. */
function postChunked(baseUrl: string, path: string, totalBytes: number) {
  return new Promise<number>((resolve, reject) => {
    const req = request(
      `${baseUrl}${path}`,
      {
        method: 'POST',
        agent: false,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      },
      res => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    // The server may cut the connection after answering; that is expected.
    req.on('error', reject);
    const chunk = Buffer.alloc(16 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

describe('bad input never yields a 500', () => {
  let service: TestService;
  let sessionId: string;

  beforeAll(async () => {
    service = await startTestService();
    const created = await callApi(service.baseUrl, 'POST', '/sessions', {
      json: { userId: 'u', data: {} },
    });
    sessionId = created.body.id;
  });

  afterAll(async () => {
    await service.close();
  });

  const expectError = async (
    method: string,
    path: string,
    options: Parameters<typeof callApi>[3],
    status: number,
    code: string,
  ) => {
    const response = await callApi(service.baseUrl, method, path, options);
    expect({ status: response.status, error: response.body?.error }).toEqual({
      status,
      error: code,
    });
    expect(typeof response.body.message).toBe('string');
    return response;
  };

  it.each([
    ['malformed JSON', '{"userId": "u",', 'malformed_json'],
    ['an empty body', '', 'empty_body'],
    ['a JSON array', '[]', 'invalid_body'],
    ['a JSON string', '"hello"', 'invalid_body'],
    ['no userId', '{"data": {}}', 'missing_user_id'],
    ['a numeric userId', '{"userId": 7}', 'invalid_user_id'],
    ['a blank userId', '{"userId": "  "}', 'invalid_user_id'],
    [
      'an overlong userId',
      JSON.stringify({ userId: 'x'.repeat(257) }),
      'invalid_user_id',
    ],
    ['data that is an array', '{"userId": "u", "data": [1]}', 'invalid_data'],
    ['data that is null', '{"userId": "u", "data": null}', 'invalid_data'],
  ])('POST /sessions with %s is a 400', async (_, rawBody, code) => {
    await expectError('POST', '/sessions', { rawBody }, 400, code);
  });

  it('names the JSON problem', async () => {
    const response = await expectError(
      'POST',
      '/sessions',
      { rawBody: '{"userId": ' },
      400,
      'malformed_json',
    );
    expect(response.body.message).toMatch(/not valid JSON/);
  });

  it('refuses a body over 64 KiB with 413 (by Content-Length)', async () => {
    const rawBody = JSON.stringify({
      userId: 'u',
      data: { blob: 'x'.repeat(MAX_BODY_BYTES) },
    });
    await expectError(
      'POST',
      '/sessions',
      { rawBody },
      413,
      'payload_too_large',
    );
  });

  it('refuses a streamed body over 64 KiB with 413', async () => {
    expect(
      await postChunked(service.baseUrl, '/sessions', 4 * MAX_BODY_BYTES),
    ).toBe(413);
  });

  it('refuses data that would grow a session past 64 KiB with 413', async () => {
    const half = 'x'.repeat(40 * 1024);
    const path = `/sessions/${sessionId}`;
    const first = await callApi(service.baseUrl, 'PUT', path, {
      json: { data: { a: half } },
    });
    expect(first.status).toBe(200);
    await expectError(
      'PUT',
      path,
      { json: { data: { b: half } } },
      413,
      'session_too_large',
    );
  });

  it.each([
    ['GET', 'not-a-uuid'],
    ['PUT', '1234'],
    ['DELETE', '00000000-0000-0000-0000-00000000000g'],
  ])('%s /sessions/%s is a 400 for a non-UUID id', async (method, id) => {
    const options = method === 'PUT' ? { json: { data: {} } } : {};
    await expectError(
      method,
      `/sessions/${id}`,
      options,
      400,
      'invalid_session_id',
    );
  });

  it.each([
    ['no data', {}, undefined, 'missing_data'],
    ['data as a string', { data: 'x' }, undefined, 'invalid_data'],
    ['a zero version', { data: {}, version: 0 }, undefined, 'invalid_version'],
    [
      'a fractional version',
      { data: {}, version: 1.5 },
      undefined,
      'invalid_version',
    ],
    ['a non-numeric If-Match', { data: {} }, '"abc"', 'invalid_version'],
    [
      'a contradicting If-Match',
      { data: {}, version: 1 },
      '"2"',
      'version_mismatch',
    ],
  ])('PUT with %s is a 400', async (_, json, ifMatch, code) => {
    const headers = ifMatch ? { 'if-match': ifMatch } : undefined;
    await expectError(
      'PUT',
      `/sessions/${sessionId}`,
      { json, headers },
      400,
      code,
    );
  });

  it('PUT with malformed JSON is a 400', async () => {
    await expectError(
      'PUT',
      `/sessions/${sessionId}`,
      { rawBody: '{' },
      400,
      'malformed_json',
    );
  });

  it.each(['limit=0', 'limit=101', 'limit=abc', 'limit=2.5', 'nextToken='])(
    'GET /sessions?%s is a 400',
    async query => {
      const response = await callApi(
        service.baseUrl,
        'GET',
        `/sessions?${query}`,
      );
      expect(response.status).toBe(400);
      expect(['invalid_limit', 'invalid_next_token']).toContain(
        response.body.error,
      );
    },
  );

  it('a malformed percent-encoding in the path is a 400', async () => {
    await expectError(
      'GET',
      '/sessions/user/%E0%A4%A',
      {},
      400,
      'malformed_path',
    );
  });

  it('unknown routes are a JSON 404', async () => {
    await expectError('GET', '/nope', {}, 404, 'route_not_found');
    await expectError('GET', '/sessions/a/b/c', {}, 404, 'route_not_found');
  });

  it('a known path with the wrong method is a 405 with Allow', async () => {
    const response = await expectError(
      'PATCH',
      '/sessions',
      {},
      405,
      'method_not_allowed',
    );
    expect(response.headers.allow).toBe('POST, GET');
  });
});
