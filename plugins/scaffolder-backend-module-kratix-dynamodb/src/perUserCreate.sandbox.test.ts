/*
 * On a cluster read as each user (authProvider: oidc), the actions create as the user whose
 * token the wizard stored as a task secret, so Kubernetes RBAC decides. Played on an
 * RBAC-enabled sandbox: alice (team-a) may create requests in team-a; bob (team-b) may only read.
 */
import {
  DYNAMODB_REQUEST_GVK,
  kubernetesUserTokenHeader,
} from '@kratix-dynamodb/common';
import { ClusterClientFactory } from '@kratix-dynamodb/node';
import { createKratixDynamoDBActions } from './actions';
import { actionContext } from './__testUtils__/actionTestKit';
import { tableActionInput } from './__testUtils__/actionInputs';
import {
  SandboxActions,
  startSandboxForActions,
} from './__testUtils__/sandboxActions';

jest.setTimeout(60_000);

const OKTA_HEADER = kubernetesUserTokenHeader({
  authProvider: 'oidc',
  oidcTokenProvider: 'okta',
});
const RBAC = { group: 'rbac.authorization.k8s.io', version: 'v1' };
const REQUESTS = {
  apiGroups: ['dynamodb.kratix.io'],
  resources: ['dynamodbrequests'],
};

/** Both teams may read requests and Tables everywhere; only team-a may create, in team-a. */
async function grantTeams(harness: SandboxActions) {
  const { client } = harness;
  const bind = (kind: string, name: string, role: string, group: string) => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind,
    metadata: {
      name,
      ...(kind === 'RoleBinding' ? { namespace: 'team-a' } : {}),
    },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: kind === 'RoleBinding' ? 'Role' : 'ClusterRole',
      name: role,
    },
    subjects: [{ kind: 'Group', name: group, apiGroup: RBAC.group }],
  });
  await client.create({ group: '', version: 'v1', kind: 'Namespace' }, {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'team-a' },
  } as any);
  await client.create({ ...RBAC, kind: 'ClusterRole' }, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'table-reader' },
    rules: [
      { ...REQUESTS, verbs: ['get', 'list'] },
      // kratix:resource:create reads the Promise's API first.
      {
        apiGroups: ['platform.kratix.io'],
        resources: ['promises'],
        verbs: ['get'],
      },
      {
        apiGroups: ['dynamodb.services.k8s.aws'],
        resources: ['tables'],
        verbs: ['list'],
      },
    ],
  } as any);
  await client.create({ ...RBAC, kind: 'Role' }, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'request-creator', namespace: 'team-a' },
    rules: [{ ...REQUESTS, verbs: ['create'] }],
  } as any);
  for (const team of ['team-a', 'team-b'])
    await client.create(
      { ...RBAC, kind: 'ClusterRoleBinding' },
      bind('ClusterRoleBinding', `${team}-reads`, 'table-reader', team) as any,
    );
  await client.create(
    { ...RBAC, kind: 'RoleBinding' },
    bind('RoleBinding', 'team-a-creates', 'request-creator', 'team-a') as any,
  );
}

describe('the actions on a cluster read as each user', () => {
  let harness: SandboxActions;
  let createRequest: ReturnType<typeof createKratixDynamoDBActions>[0];
  let createResource: ReturnType<typeof createKratixDynamoDBActions>[2];

  beforeAll(async () => {
    harness = await startSandboxForActions({
      users: { alice: { groups: ['team-a'] }, bob: { groups: ['team-b'] } },
    });
    await grantTeams(harness);
    const clients = new ClusterClientFactory([
      {
        name: 'sandbox',
        url: harness.sandbox.plainHttpUrl,
        auth: {
          type: 'provider',
          provider: 'oidc',
          metadata: { 'kubernetes.io/oidc-token-provider': 'okta' },
        },
        skipTLSVerify: false,
      },
    ]);
    [createRequest, , createResource] = createKratixDynamoDBActions({
      ...harness.deps(),
      clients,
    });
  });
  afterAll(() => harness?.sandbox.stop());

  const createAs = (user: 'alice' | 'bob', name: string) => {
    const run = actionContext(
      tableActionInput({ name, tableName: `team-a-${name}` }),
      { secrets: { [OKTA_HEADER]: harness.sandbox.userTokens[user] } },
    );
    return {
      ...run,
      result: createRequest.handler(run.ctx).then(
        () => undefined,
        (e: Error) => e,
      ),
    };
  };

  it('creates in her namespace as alice, and never logs nor outputs her token', async () => {
    const run = createAs('alice', 'orders');
    expect(await run.result).toBeUndefined();
    const created = await harness.client.get(
      DYNAMODB_REQUEST_GVK,
      'team-a',
      'orders',
    );
    expect(created?.metadata.uid).toBe(run.outputs().uid);
    const token = harness.sandbox.userTokens.alice;
    expect(run.logLines().join('\n')).not.toContain(token);
    expect(JSON.stringify(run.outputs())).not.toContain(token);
  });

  it('refuses bob with the permission Kubernetes refused, and creates nothing', async () => {
    const run = createAs('bob', 'payments');
    const error = await run.result;
    expect(error?.message).toMatch(
      /Not permitted to create .*: .*"bob" cannot create resource "dynamodbrequests"/,
    );
    expect(error?.message).not.toContain(harness.sandbox.userTokens.bob);
    await expect(
      harness.client.get(DYNAMODB_REQUEST_GVK, 'team-a', 'payments'),
    ).resolves.toBeUndefined();
  });

  it('kratix:resource:create reads the Promise and creates as the user too', async () => {
    const asUser = (user: 'alice' | 'bob', name: string) =>
      createResource.handler(
        actionContext(
          {
            promise: 'aws-dynamodb-kratix',
            cluster: 'sandbox',
            namespace: 'team-a',
            name,
            spec: {
              name: `team-a-${name}`,
              region: 'us-east-1',
              billingMode: 'PAY_PER_REQUEST',
              attributeDefinitions: [{ name: 'id', type: 'S' }],
              keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
            },
          },
          { secrets: { [OKTA_HEADER]: harness.sandbox.userTokens[user] } },
        ).ctx,
      );
    await asUser('alice', 'carts');
    expect(
      await harness.client.get(DYNAMODB_REQUEST_GVK, 'team-a', 'carts'),
    ).toBeDefined();
    await expect(asUser('bob', 'wishlists')).rejects.toThrow(
      /"bob" cannot create resource "dynamodbrequests"/,
    );
  });

  it('says which sign-in is missing when the task carries no token', async () => {
    const run = actionContext(tableActionInput({ name: 'no-token' }));
    const error = await createRequest.handler(run.ctx).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toContain(OKTA_HEADER);
  });
});
