import { setTimeout as sleep } from 'node:timers/promises';
import {
  api,
  kubectl,
  startTestSandbox,
  type TestSandbox,
} from '../__testUtils__/testSandbox';

/*
 * TokenRequest tokens carry their expiry and stop working at it with 401, as on the apiserver;
 * lifetimes under the apiserver's 600 s floor only with `shortTokenLifetimes`.
 */

const SA = '/api/v1/namespaces/default/serviceaccounts';

async function requestToken(sandbox: TestSandbox, spec: unknown) {
  return api(sandbox, 'POST', `${SA}/robot/token`, {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'TokenRequest',
    spec,
  });
}

const as = (sandbox: TestSandbox, token: string) => ({ ...sandbox, token });
const claims = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

describe('token lifetimes', () => {
  let sandbox: TestSandbox;
  afterEach(() => sandbox?.stop());

  it('refuses lifetimes under ten minutes by default, like the apiserver, and honours longer ones', async () => {
    sandbox = await startTestSandbox({ controllers: false });
    await api(sandbox, 'POST', SA, { metadata: { name: 'robot' } });
    const short = await requestToken(sandbox, { expirationSeconds: 60 });
    expect(short.status).toBe(422);
    expect(short.body).toMatchObject({
      kind: 'Status',
      reason: 'Invalid',
      message:
        'TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes',
    });

    const before = Math.floor(Date.now() / 1000);
    const tenMinutes = await requestToken(sandbox, { expirationSeconds: 600 });
    expect(tenMinutes.status).toBe(201);
    const { token, expirationTimestamp } = tenMinutes.body.status;
    expect(claims(token)).toMatchObject({
      sub: 'system:serviceaccount:default:robot',
      'kubernetes.io': {
        namespace: 'default',
        serviceaccount: { name: 'robot' },
      },
    });
    expect(claims(token).exp * 1000).toBe(Date.parse(expirationTimestamp));
    expect(claims(token).exp - before).toBeGreaterThanOrEqual(600);
    expect(claims(token).exp - before).toBeLessThanOrEqual(602);

    const byDefault = await requestToken(sandbox, {});
    expect(byDefault.body.spec.expirationSeconds).toBe(3600);
    expect(
      claims(byDefault.body.status.token).exp - before,
    ).toBeGreaterThanOrEqual(3600);
  }, 20_000);

  it.each([false, true])(
    'answers 401 once a short-lived token expired (rbac %s); with RBAC off it was a cluster admin',
    async rbac => {
      sandbox = await startTestSandbox({
        controllers: false,
        rbac,
        shortTokenLifetimes: true,
      });
      await api(sandbox, 'POST', SA, { metadata: { name: 'robot' } });
      if (rbac)
        await api(
          sandbox,
          'POST',
          '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
          {
            metadata: { name: 'robot-admin' },
            roleRef: {
              apiGroup: 'rbac.authorization.k8s.io',
              kind: 'ClusterRole',
              name: 'cluster-admin',
            },
            subjects: [
              { kind: 'ServiceAccount', name: 'robot', namespace: 'default' },
            ],
          },
        );
      expect(
        (await requestToken(sandbox, { expirationSeconds: 0 })).status,
      ).toBe(422);
      const answer = await requestToken(sandbox, { expirationSeconds: 1 });
      expect(answer.status).toBe(201);
      const robot = as(sandbox, answer.body.status.token);
      expect(
        (await api(robot, 'GET', '/api/v1/namespaces/kube-system/secrets'))
          .status,
      ).toBe(200);

      await sleep(
        Date.parse(answer.body.status.expirationTimestamp) - Date.now() + 50,
      );
      const refused = await api(
        robot,
        'GET',
        '/api/v1/namespaces/kube-system/secrets',
      );
      expect(refused.status).toBe(401);
      expect(refused.body).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
      // A fresh token for the same account works again.
      const renewed = as(
        sandbox,
        (await requestToken(sandbox, { expirationSeconds: 1 })).body.status
          .token,
      );
      expect((await api(renewed, 'GET', '/version')).status).toBe(200);
    },
    20_000,
  );

  it('lets kubectl create token --duration ask for a lifetime (sent as protobuf)', async () => {
    sandbox = await startTestSandbox({ controllers: false });
    await kubectl(sandbox, ['create', 'serviceaccount', 'robot']);
    const refused = await kubectl(sandbox, [
      'create',
      'token',
      'robot',
      '--duration=60s',
    ]);
    expect(refused.stderr).toBe(
      'error: failed to create token: TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes\n',
    );
    const before = Date.now() / 1000;
    const created = await kubectl(sandbox, [
      'create',
      'token',
      'robot',
      '--duration=15m',
    ]);
    expect(created.code).toBe(0);
    expect(claims(created.stdout.trim()).exp - before).toBeGreaterThanOrEqual(
      900,
    );
    expect(claims(created.stdout.trim()).exp - before).toBeLessThanOrEqual(902);
  }, 30_000);

  it('gives expiring tokens from serviceAccountToken() too, with no floor', async () => {
    sandbox = await startTestSandbox({ controllers: false });
    await api(sandbox, 'POST', SA, { metadata: { name: 'robot' } });
    const lasting = as(
      sandbox,
      sandbox.serviceAccountToken('default', 'robot'),
    );
    const brief = as(
      sandbox,
      sandbox.serviceAccountToken('default', 'robot', 0.3),
    );
    expect((await api(brief, 'GET', '/version')).status).toBe(200);
    await sleep(400);
    expect((await api(brief, 'GET', '/version')).status).toBe(401);
    expect((await api(lasting, 'GET', '/version')).status).toBe(200);
    expect(claims(lasting.token).exp).toBeUndefined();
  }, 20_000);
});
