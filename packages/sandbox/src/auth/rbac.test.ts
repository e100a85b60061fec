import {
  api,
  startTestSandbox,
  type TestSandbox,
} from '../__testUtils__/testSandbox';

const RBAC = '/apis/rbac.authorization.k8s.io/v1';
const as = (sandbox: TestSandbox, user: string) => ({
  ...sandbox,
  token: sandbox.userTokens[user],
});

/** A SubjectAccessReview asked by the admin for `user`: is the request allowed? */
async function allowed(
  sandbox: TestSandbox,
  user: string,
  groups: string[],
  resourceAttributes: Record<string, string>,
): Promise<boolean> {
  const review = await api(
    sandbox,
    'POST',
    '/apis/authorization.k8s.io/v1/subjectaccessreviews',
    {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: { user, groups, resourceAttributes },
    },
  );
  expect(review.status).toBe(201);
  return review.body.status.allowed;
}

describe('RBAC (rbac: true)', () => {
  let sandbox: TestSandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox({
      controllers: false,
      rbac: true,
      users: { alice: { groups: ['developers'] }, bob: {} },
    });
    const post = async (path: string, body: unknown) =>
      expect((await api(sandbox, 'POST', path, body)).status).toBe(201);
    await post(`${RBAC}/namespaces/default/roles`, {
      metadata: { name: 'narrow' },
      rules: [
        {
          apiGroups: [''],
          resources: ['configmaps'],
          resourceNames: ['c1'],
          verbs: ['get'],
        },
        {
          apiGroups: ['apps'],
          resources: ['deployments/status'],
          verbs: ['patch'],
        },
        { apiGroups: [''], resources: ['*/status'], verbs: ['update'] },
      ],
    });
    await post(`${RBAC}/namespaces/default/rolebindings`, {
      metadata: { name: 'developers-narrow' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Role',
        name: 'narrow',
      },
      subjects: [
        {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'Group',
          name: 'developers',
        },
      ],
    });
    await post(`${RBAC}/clusterroles`, {
      metadata: { name: 'impersonator' },
      rules: [
        {
          apiGroups: [''],
          resources: ['users'],
          verbs: ['impersonate'],
          resourceNames: ['alice'],
        },
        { apiGroups: [''], resources: ['groups'], verbs: ['impersonate'] },
        { nonResourceURLs: ['/metrics/*'], verbs: ['get'] },
      ],
    });
    await post(`${RBAC}/clusterrolebindings`, {
      metadata: { name: 'bob-impersonates' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'impersonator',
      },
      subjects: [
        { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'bob' },
      ],
    });
  });

  afterAll(() => sandbox.stop());

  it('matches verbs, resource names and subresources as the apiserver does', async () => {
    const dev = (attrs: Record<string, string>) =>
      allowed(sandbox, 'carol', ['developers'], {
        namespace: 'default',
        ...attrs,
      });
    expect(await dev({ verb: 'get', resource: 'configmaps', name: 'c1' })).toBe(
      true,
    );
    expect(await dev({ verb: 'get', resource: 'configmaps', name: 'c2' })).toBe(
      false,
    );
    expect(await dev({ verb: 'list', resource: 'configmaps' })).toBe(false);
    expect(
      await dev({
        verb: 'patch',
        group: 'apps',
        resource: 'deployments',
        subresource: 'status',
      }),
    ).toBe(true);
    expect(
      await dev({ verb: 'patch', group: 'apps', resource: 'deployments' }),
    ).toBe(false);
    expect(
      await dev({
        verb: 'update',
        resource: 'services',
        subresource: 'status',
      }),
    ).toBe(true);
    expect(await dev({ verb: 'update', resource: 'services' })).toBe(false);
    // A RoleBinding grants only in its own namespace.
    expect(
      await allowed(sandbox, 'carol', ['developers'], {
        namespace: 'other',
        verb: 'get',
        resource: 'configmaps',
        name: 'c1',
      }),
    ).toBe(false);
  });

  it('answers 403 with the apiserver wording, and honours impersonation only when allowed', async () => {
    const denied = await api(
      as(sandbox, 'alice'),
      'GET',
      '/api/v1/namespaces/default/secrets',
    );
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe(
      'secrets is forbidden: User "alice" cannot list resource "secrets" in API group "" in the namespace "default"',
    );
    const whoami = (headers: Record<string, string>) =>
      api(
        as(sandbox, 'bob'),
        'POST',
        '/apis/authentication.k8s.io/v1/selfsubjectreviews',
        {},
        'application/json',
        headers,
      );
    expect(
      (
        await whoami({
          'Impersonate-User': 'alice',
          'Impersonate-Group': 'developers',
        })
      ).body.status.userInfo,
    ).toEqual({
      username: 'alice',
      groups: ['developers', 'system:authenticated'],
    });
    const refused = await whoami({ 'Impersonate-User': 'dave' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe(
      'users "dave" is forbidden: User "bob" cannot impersonate resource "users" in API group "" at the cluster scope',
    );
    // alice may not impersonate anyone.
    const aliceTries = await api(
      as(sandbox, 'alice'),
      'GET',
      '/api/v1/namespaces',
      undefined,
      'application/json',
      { 'Impersonate-User': 'sandbox-admin' },
    );
    expect(aliceTries.status).toBe(403);
  });

  it('grants non-resource URLs by prefix, and the bootstrap roles to everyone signed in', async () => {
    const bob = as(sandbox, 'bob');
    expect((await api(bob, 'GET', '/version')).status).toBe(200);
    expect((await api(bob, 'GET', '/apis')).status).toBe(200);
    const review = async (user: typeof bob, path: string) =>
      (
        await api(
          user,
          'POST',
          '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
          {
            spec: { nonResourceAttributes: { path, verb: 'get' } },
          },
        )
      ).body.status.allowed;
    expect(await review(bob, '/metrics/cadvisor')).toBe(true);
    expect(await review(as(sandbox, 'alice'), '/metrics/cadvisor')).toBe(false);
    expect((await api(bob, 'GET', '/sandbox/metrics')).status).toBe(401);
  });

  it('signs ServiceAccount tokens that stop working when the account goes', async () => {
    const sa = '/api/v1/namespaces/default/serviceaccounts';
    await api(sandbox, 'POST', sa, { metadata: { name: 'robot' } });
    const token = (
      await api(sandbox, 'POST', `${sa}/robot/token`, { spec: {} })
    ).body.status.token;
    const robot = { ...sandbox, token };
    const me = await api(
      robot,
      'POST',
      '/apis/authentication.k8s.io/v1/selfsubjectreviews',
      {},
    );
    expect(me.body.status.userInfo.username).toBe(
      'system:serviceaccount:default:robot',
    );
    await api(sandbox, 'DELETE', `${sa}/robot`);
    expect((await api(robot, 'GET', '/version')).status).toBe(401);
  });
});

describe('RBAC off (the default)', () => {
  it('allows every authenticated request and says so in reviews', async () => {
    const sandbox = await startTestSandbox({
      controllers: false,
      users: { bob: {} },
    });
    try {
      const bob = { ...sandbox, token: sandbox.userTokens.bob };
      expect(
        (await api(bob, 'GET', '/api/v1/namespaces/default/secrets')).status,
      ).toBe(200);
      const review = await api(
        bob,
        'POST',
        '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
        {
          spec: {
            resourceAttributes: { verb: 'delete', resource: 'namespaces' },
          },
        },
      );
      expect(review.body).toMatchObject({
        kind: 'SelfSubjectAccessReview',
        status: { allowed: true },
      });
      const empty = await api(
        bob,
        'POST',
        '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
        { spec: {} },
      );
      expect(empty.status).toBe(422);
      expect(
        (
          await api(
            bob,
            'GET',
            '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
          )
        ).status,
      ).toBe(405);
    } finally {
      await sandbox.stop();
    }
  });
});
