/*
 * Attacks on the session API by a colleague who can reach it (through the cluster's service
 * proxy, or from a pod next to it): no token, forged tokens, and valid tokens used on other
 * users' sessions.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signHs256 } from './auth/jwt.ts';
import { callApi } from './__testUtils__/httpClient.ts';
import {
  type TestService,
  startTestService,
} from './__testUtils__/testService.ts';
import {
  ADMIN_TOKEN,
  TEST_JWT_SECRET,
  tokenFor,
} from './__testUtils__/tokens.ts';

const b64 = (value: unknown) =>
  Buffer.from(
    typeof value === 'string' ? value : JSON.stringify(value),
  ).toString('base64url');
const ALICE = tokenFor('alice');
const BOB = tokenFor('bob');

describe('session-api authentication and ownership', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.close());

  const as =
    (token: string | null) =>
    (
      method: string,
      path: string,
      options: Parameters<typeof callApi>[3] = {},
    ) =>
      callApi(service.baseUrl, method, path, { ...options, token });
  const createFor = async (userId: string, token: string) => {
    const created = await as(token)('POST', '/sessions', {
      json: { userId, data: { secret: `${userId}'s` } },
    });
    expect(created.status).toBe(201);
    return created.body;
  };

  it('answers 401 with WWW-Authenticate on every session route without a token, and keeps the probes open', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, path] of [
      ['POST', '/sessions'],
      ['GET', '/sessions'],
      ['GET', '/sessions/user/alice'],
      ['GET', `/sessions/${id}`],
      ['PUT', `/sessions/${id}`],
      ['DELETE', `/sessions/${id}`],
    ]) {
      const withBody = method === 'POST' || method === 'PUT';
      const response = await as(null)(method, path, {
        json: withBody ? { userId: 'alice', data: {} } : undefined,
      });
      expect([method, path, response.status, response.body.error]).toEqual([
        method,
        path,
        401,
        'unauthorized',
      ]);
      expect(response.headers['www-authenticate']).toBe(
        'Bearer realm="session-api"',
      );
    }
    expect((await as(null)('GET', '/health')).status).toBe(200);
    expect((await as(null)('GET', '/ready')).status).toBe(200);
  });

  const hs256Header = b64({ alg: 'HS256', typ: 'JWT' });
  const aliceClaims = b64({
    sub: 'alice',
    exp: 4_102_444_800,
    roles: ['session-admin'],
  });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  it.each([
    ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${aliceClaims}.`],
    [
      'the wrong secret',
      tokenFor('alice', {
        admin: true,
        secret: 'a-guess-that-is-also-32-bytes-long!!',
      }),
    ],
    [
      'an expired token',
      tokenFor('alice', {
        claims: { exp: Math.floor(Date.UTC(2029, 0, 1) / 1000) },
      }),
    ],
    [
      'a token not valid yet',
      tokenFor('alice', { claims: { nbf: 4_000_000_000 } }),
    ],
    ['no exp', signHs256({ sub: 'alice' }, TEST_JWT_SECRET)],
    ['no sub', signHs256({ exp: 4_102_444_800 }, TEST_JWT_SECRET)],
    [
      'a claim changed after signing',
      `${hs256Header}.${aliceClaims}.${ALICE.split('.')[2]}`,
    ],
    [
      'RS256 with no key to check it',
      `${b64({ alg: 'RS256' })}.${aliceClaims}.${sign(
        'sha256',
        Buffer.from(`${b64({ alg: 'RS256' })}.${aliceClaims}`),
        privateKey,
      ).toString('base64url')}`,
    ],
    ['a 9 KB token', `${hs256Header}.${'A'.repeat(9_000)}.sig`],
    ['not a JWT', 'alice'],
  ])('refuses %s with 401', async (_, token) => {
    const response = await as(token)('GET', '/sessions/user/alice');
    expect(response.status).toBe(401);
    expect(response.body.error).toBe('unauthorized');
  });

  it('refuses a malformed Authorization header', async () => {
    for (const authorization of [
      'Basic YWxpY2U6cGFzcw==',
      `Bearer ${ALICE} extra`,
      'Bearer',
    ])
      expect(
        (
          await callApi(service.baseUrl, 'GET', '/sessions/user/alice', {
            token: null,
            headers: { authorization },
          })
        ).status,
      ).toBe(401);
  });

  it("never shows, changes or deletes another user's session, nor says it exists", async () => {
    const session = await createFor('alice', ALICE);
    const path = `/sessions/${session.id}`;
    const bob = as(BOB);
    expect((await bob('GET', path)).status).toBe(404);
    expect(
      (await bob('PUT', path, { json: { data: { secret: 'bob was here' } } }))
        .status,
    ).toBe(404);
    expect(
      (await bob('DELETE', path, { headers: { 'if-match': '*' } })).status,
    ).toBe(404);
    const still = await as(ALICE)('GET', path);
    expect([still.status, still.body.data, still.body.version]).toEqual([
      200,
      { secret: "alice's" },
      1,
    ]);
  });

  it("creates sessions only for the caller, and lists only the caller's own", async () => {
    await createFor('alice', ALICE);
    const forged = await as(BOB)('POST', '/sessions', {
      json: { userId: 'alice', data: {} },
    });
    expect([forged.status, forged.body.error]).toEqual([403, 'forbidden']);
    expect((await as(BOB)('GET', '/sessions/user/alice')).status).toBe(403);
    expect((await as(BOB)('GET', '/sessions')).status).toBe(403);
    expect((await as(ALICE)('GET', '/sessions')).status).toBe(403);
    const own = await as(ALICE)('GET', '/sessions/user/alice');
    expect(own.status).toBe(200);
    expect(
      own.body.sessions.every((s: { userId: string }) => s.userId === 'alice'),
    ).toBe(true);
  });

  it('lets the admin role list, read and delete every session', async () => {
    const session = await createFor('carol', tokenFor('carol'));
    const admin = as(ADMIN_TOKEN);
    expect(
      (await admin('GET', '/sessions')).body.sessions.map(
        (s: { id: string }) => s.id,
      ),
    ).toContain(session.id);
    expect((await admin('GET', `/sessions/${session.id}`)).status).toBe(200);
    expect(
      (
        await admin('DELETE', `/sessions/${session.id}`, {
          headers: { 'if-match': '"1"' },
        })
      ).status,
    ).toBe(200);
  });

  it('deletes only with If-Match, and only the version the caller saw', async () => {
    const session = await createFor('alice', ALICE);
    const alice = as(ALICE);
    const path = `/sessions/${session.id}`;
    const blind = await alice('DELETE', path);
    expect([blind.status, blind.body.error]).toEqual([
      428,
      'precondition_required',
    ]);
    await alice('PUT', path, { json: { data: { changed: true } } });
    const stale = await alice('DELETE', path, {
      headers: { 'if-match': '"1"' },
    });
    expect([stale.status, stale.body.currentVersion]).toEqual([409, 2]);
    expect((await alice('GET', path)).status).toBe(200);
    expect(
      (await alice('DELETE', path, { headers: { 'if-match': '"2"' } })).status,
    ).toBe(200);
    expect((await alice('GET', path)).status).toBe(404);
  });

  it('takes the token from X-Forwarded-Authorization when a proxy (the Kubernetes service proxy) consumed Authorization', async () => {
    const response = await callApi(
      service.baseUrl,
      'GET',
      '/sessions/user/alice',
      {
        token: null,
        headers: { 'x-forwarded-authorization': `Bearer ${ALICE}` },
      },
    );
    expect(response.status).toBe(200);
  });
});

describe('session-api with keys from a JWKS URL', () => {
  const signer = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let jwks: Server;
  let service: TestService;
  beforeAll(async () => {
    const key = {
      ...signer.publicKey.export({ format: 'jwk' }),
      kid: 'k1',
      alg: 'RS256',
      use: 'sig',
    };
    jwks = createServer((_, res) => res.end(JSON.stringify({ keys: [key] })));
    await new Promise<void>(resolve => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    service = await startTestService({
      auth: { jwksUrl: `http://127.0.0.1:${port}/jwks.json` },
    });
  });
  afterAll(async () => {
    await service.close();
    await new Promise(resolve => jwks.close(resolve));
  });

  const rs256 = (key: typeof signer.privateKey, claims: object) => {
    const input = `${b64({ alg: 'RS256', kid: 'k1' })}.${b64(claims)}`;
    return `${input}.${sign('sha256', Buffer.from(input), key).toString(
      'base64url',
    )}`;
  };

  it("accepts the identity provider's RS256 tokens and refuses a stranger's, and HS256 ones", async () => {
    const claims = { sub: 'alice', exp: 4_102_444_800 };
    const call = (token: string) =>
      callApi(service.baseUrl, 'GET', '/sessions/user/alice', { token });
    expect((await call(rs256(signer.privateKey, claims))).status).toBe(200);
    expect((await call(rs256(stranger.privateKey, claims))).status).toBe(401);
    expect((await call(ALICE)).status).toBe(401);
  });
});
