import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CompoundEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { kratixDynamodbStatusReadPermission } from '@kratix-dynamodb/common';
import express from 'express';
import Router from 'express-promise-router';
import { StatusChainService } from './services/StatusChainService';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  statusChains: StatusChainService;
};

export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { httpAuth, permissions, catalog, statusChains } = options;
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/status/:namespace/:kind/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });

    const [decision] = await permissions.authorize(
      [{ permission: kratixDynamodbStatusReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not read the status of kratix-dynamodb resources');
    }

    // Read the entity as the caller: an entity they cannot see is simply not found.
    const ref = stringifyEntityRef(req.params as CompoundEntityRef);
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(`No catalog entity ${ref}`);
    }
    res.json(await statusChains.getStatusChain(entity, { includeObjects: req.query.objects === 'true' }));
  });

  return router;
}
