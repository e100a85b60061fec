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

const tableEntity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'orders', namespace: 'default' },
  spec: { type: 'dynamodb-table', owner: 'guests' },
};

async function appWith(options: { allow: boolean }) {
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
    permissions: mockServices.permissions({
      result: options.allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
    }),
    catalog: catalogServiceMock({ entities: [tableEntity] }),
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

  it('answers 403 when the permission policy denies status reads', async () => {
    const { app, statusChains } = await appWith({ allow: false });
    const res = await request(app).get('/status/default/resource/orders');
    expect(res.status).toBe(403);
    expect(statusChains.getStatusChain).not.toHaveBeenCalled();
  });
});
