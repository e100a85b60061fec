import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { kratixDynamoDBRequestCreatePermission } from '@kratix-dynamodb/common';
import {
  type ClusterClientFactory,
  createKratixDynamoDBCreateConditionalDecision,
  kratixDynamoDBCreateConditions,
} from '@kratix-dynamodb/node';
import express from 'express';
import request from 'supertest';
import { createClustersRouter } from './clustersRouter';

/** The README's example policy for team b: its own namespaces, on the sandbox cluster only. */
const teamBOnSandbox = createKratixDynamoDBCreateConditionalDecision(
  kratixDynamoDBRequestCreatePermission,
  {
    allOf: [
      kratixDynamoDBCreateConditions.isCluster({ clusters: ['sandbox'] }),
      kratixDynamoDBCreateConditions.isNamespaceOwner({
        claims: ['user:default/mock', 'group:default/team-b'],
      }),
    ],
  },
);

function appWith(options: {
  allow: boolean;
  list?: () => Promise<unknown>;
  decision?: PolicyDecision;
}) {
  const list = jest.fn(
    options.list ??
      (async () => ({
        items: ['team-b', 'kube-system', 'default', 'vela-system'].map(
          name => ({ metadata: { name } }),
        ),
      })),
  );
  const clients = {
    clusterNames: () => ['sandbox', 'production'],
    forCluster: async (name: string) => {
      if (!['sandbox', 'production'].includes(name))
        throw new InputError(`Unknown cluster '${name}'`);
      return { list };
    },
  } as unknown as ClusterClientFactory;
  const permissions = mockServices.permissions({
    result: options.allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
  });
  if (options.decision) {
    jest
      .spyOn(permissions, 'authorizeConditional')
      .mockResolvedValue([options.decision]);
  }
  const authorize = jest.spyOn(permissions, 'authorizeConditional');
  const router = createClustersRouter({
    config: mockServices.rootConfig({
      data: {
        kratixDynamodb: {
          tenancy: { namespaces: { 'team-b': ['group:default/team-b'] } },
        },
      },
    }),
    httpAuth: mockServices.httpAuth(),
    permissions,
    clients,
  });
  return {
    app: express().use(router).use(mockErrorHandler()),
    list,
    authorize,
  };
}

describe('the clusters routes', () => {
  it('lists the clusters the user may create on, by name only, from one decision', async () => {
    const { app, authorize } = appWith({ allow: true });
    const res = await request(app).get('/clusters');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [{ name: 'sandbox' }, { name: 'production' }],
    });
    expect(authorize).toHaveBeenCalledTimes(1);
    expect(authorize.mock.calls[0][1].credentials).toEqual(
      mockCredentials.user(),
    );
  });

  it('lists none when the policy denies creating', async () => {
    const { app } = appWith({ allow: false });
    expect((await request(app).get('/clusters')).body).toEqual({ items: [] });
  });

  it('refuses callers without user credentials', async () => {
    const { app } = appWith({ allow: true });
    const res = await request(app)
      .get('/clusters')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it("lists a cluster's namespaces, sorted, without those the scaffolder refuses", async () => {
    const { app } = appWith({ allow: true });
    const res = await request(app).get('/clusters/sandbox/namespaces');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [{ name: 'default' }, { name: 'team-b' }],
    });
  });

  it('refuses namespaces of a cluster the user may not create on, without asking it', async () => {
    const { app, list } = appWith({ allow: false });
    const res = await request(app).get('/clusters/sandbox/namespaces');
    expect(res.status).toBe(403);
    expect(list).not.toHaveBeenCalled();
  });

  it('answers 400 for an unknown cluster and passes on a refused listing', async () => {
    expect(
      (
        await request(appWith({ allow: true }).app).get(
          '/clusters/nowhere/namespaces',
        )
      ).status,
    ).toBe(400);
    const refused = appWith({
      allow: true,
      list: async () => {
        throw new NotAllowedError(
          'Not permitted to list namespaces on cluster sandbox',
        );
      },
    });
    const res = await request(refused.app).get('/clusters/sandbox/namespaces');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('list namespaces');
  });

  it('applies a conditional decision: only the clusters it names, only the namespaces bound to the user', async () => {
    const { app, list } = appWith({ allow: false, decision: teamBOnSandbox });
    expect((await request(app).get('/clusters')).body).toEqual({
      items: [{ name: 'sandbox' }],
    });
    const own = await request(app).get('/clusters/sandbox/namespaces');
    expect(own.body).toEqual({ items: [{ name: 'team-b' }] });
    list.mockClear();
    const elsewhere = await request(app).get('/clusters/production/namespaces');
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.message).toContain(
      kratixDynamoDBRequestCreatePermission.name,
    );
    expect(list).not.toHaveBeenCalled();
  });
});
