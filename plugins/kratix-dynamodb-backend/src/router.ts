import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  kratixDynamoDBObjectsReadPermission,
  kratixDynamoDBStatusReadPermission,
  readKubernetesUserTokens,
} from '@kratix-dynamodb/common';
import express from 'express';
import Router from 'express-promise-router';
import { StatusChainService } from './services/StatusChainService';
import { redactStatusChain } from './redaction/redactStatusChain';
import { RedactionLog } from './redaction/RedactionLog';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  statusChains: StatusChainService;
  /** Where the whole texts of redacted chains go; without it they are not logged. */
  logger?: LoggerService;
};

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, catalog, statusChains } = options;
  const redactionLog = options.logger && new RedactionLog(options.logger);
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/status/:namespace/:kind/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });

    // Read the entity as the caller: an entity they cannot see is simply not found.
    const ref = stringifyEntityRef(req.params as CompoundEntityRef);
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(`No catalog entity ${ref}`);
    }

    // Both are decided on the entity itself, so a policy can allow only its owners. The
    // objects permission is asked even without ?objects=true: without it, the texts that
    // can quote the cluster or AWS are redacted.
    const includeObjects = req.query.objects === 'true';
    const [status, objects] = await permissions.authorize(
      [
        { permission: kratixDynamoDBStatusReadPermission, resourceRef: ref },
        { permission: kratixDynamoDBObjectsReadPermission, resourceRef: ref },
      ],
      { credentials },
    );
    if (status.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not read the status of ${ref} (${kratixDynamoDBStatusReadPermission.name})`,
      );
    }
    if (includeObjects && objects?.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not read the cluster objects behind ${ref} (${kratixDynamoDBObjectsReadPermission.name})`,
      );
    }
    const chain = await statusChains.getStatusChain(entity, {
      includeObjects,
      // Only for clusters read as each user; never logged, never kept past this request.
      userTokens: readKubernetesUserTokens(req.headers),
    });
    if (objects.result === AuthorizeResult.ALLOW) {
      res.json(chain);
      return;
    }
    const redacted = redactStatusChain(chain);
    if (redacted.redacted) redactionLog?.record(chain);
    res.json(redacted);
  });

  return router;
}
