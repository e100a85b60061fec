import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { createRouter } from './router';
import { StatusChainService } from './services/StatusChainService';
import { ViewedEntities } from './status/ViewedEntities';

const tableEntity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'orders', namespace: 'default' },
  spec: { type: 'dynamodb-table', owner: 'guests' },
};

/** A policy that allows the named permissions only, recording what each decision was asked about. */
function policyAllowing(names: string[]) {
  const asked: Array<{ name: string; resourceRef?: string }> = [];
  const permissions = {
    authorize: async (
      requests: Array<{ permission: { name: string }; resourceRef?: string }>,
    ) =>
      requests.map(r => {
        asked.push({ name: r.permission.name, resourceRef: r.resourceRef });
        return {
          result: names.includes(r.permission.name)
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
        };
      }),
    authorizeConditional: async () => {
      throw new Error('not used');
    },
  };
  return {
    permissions: permissions as unknown as ReturnType<
      typeof mockServices.permissions
    >,
    asked,
  };
}

async function appWith(options: {
  allow: boolean;
  permissions?: ReturnType<typeof mockServices.permissions>;
}) {
  const statusChains: jest.Mocked<StatusChainService> = {
    getStatusChain: jest.fn(async entity => ({
      entityRef: `resource:default/${entity.metadata.name}`,
      overall: 'ok' as const,
      stages: [],
      checkedAt: new Date(0).toISOString(),
    })),
  };
  const router = await createRouter({
    httpAuth: mockServices.httpAuth(),
    permissions:
      options.permissions ??
      mockServices.permissions({
        result: options.allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      }),
    entities: new ViewedEntities(
      catalogServiceMock({ entities: [tableEntity] }),
      mockServices.auth(),
    ),
    statusChains,
  });
  const app = express().use(router).use(mockErrorHandler());
  return { app, statusChains };
}

describe('createRouter', () => {
  it('answers the status chain of a visible entity', async () => {
    const { app, statusChains } = await appWith({ allow: true });
    const res = await request(app).get('/status/default/resource/orders');
    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('resource:default/orders');
    expect(statusChains.getStatusChain).toHaveBeenCalledTimes(1);
    // Live, so no proxy keeps it; small, so the root router's gzip leaves it alone.
    expect(res.headers['cache-control']).toBe('no-store, no-transform');
  });

  it('refuses a caller without credentials', async () => {
    const { app, statusChains } = await appWith({ allow: true });
    const res = await request(app)
      .get('/status/default/resource/orders')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
    expect(statusChains.getStatusChain).not.toHaveBeenCalled();
  });

  it('answers 404 for an entity the catalog does not show the caller', async () => {
    const { app } = await appWith({ allow: true });
    const res = await request(app).get('/status/default/resource/secret-table');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('resource:default/secret-table');
  });

  it('answers 404, as for no entity, when the policy hides the entity from the caller', async () => {
    // A colleague who may not see another team's entity asks for its card by name: the cache
    // holds the entity (its owner just viewed it), but the catalog's read permission decides.
    const policy = policyAllowing([
      'kratix.dynamodb.status.read',
      'kratix.dynamodb.objects.read',
    ]);
    const { app, statusChains } = await appWith({
      allow: true,
      permissions: policy.permissions,
    });
    const res = await request(app).get(
      '/status/default/resource/orders?objects=true',
    );
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(
      'No catalog entity resource:default/orders',
    );
    expect(statusChains.getStatusChain).not.toHaveBeenCalled();
    expect(policy.asked).toContainEqual({
      name: 'catalog.entity.read',
      resourceRef: 'resource:default/orders',
    });
  });

  it('answers 403 when the permission policy denies status reads', async () => {
    const { app, statusChains } = await appWith({
      allow: false,
      permissions: policyAllowing(['catalog.entity.read']).permissions,
    });
    const res = await request(app).get('/status/default/resource/orders');
    expect(res.status).toBe(403);
    expect(statusChains.getStatusChain).not.toHaveBeenCalled();
  });

  it('decides both permissions on the entity, and refuses the raw objects without objects.read', async () => {
    const policy = policyAllowing([
      'catalog.entity.read',
      'kratix.dynamodb.status.read',
    ]);
    const { app, statusChains } = await appWith({
      allow: true,
      permissions: policy.permissions,
    });
    expect(
      (await request(app).get('/status/default/resource/orders')).status,
    ).toBe(200);
    const res = await request(app).get(
      '/status/default/resource/orders?objects=true',
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('kratix.dynamodb.objects.read');
    expect(statusChains.getStatusChain).toHaveBeenCalledTimes(1);
    expect(policy.asked).toContainEqual({
      name: 'kratix.dynamodb.status.read',
      resourceRef: 'resource:default/orders',
    });
    expect(policy.asked).toContainEqual({
      name: 'kratix.dynamodb.objects.read',
      resourceRef: 'resource:default/orders',
    });
  });
});
