import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  kratixDynamoDBObjectsReadPermission,
  kratixDynamoDBStatusReadPermission,
  readKubernetesUserTokens,
} from '@kratix-dynamodb/common';
import express from 'express';
import Router from 'express-promise-router';
import { StatusChainService } from './services/StatusChainService';
import { ViewedEntities } from './status/ViewedEntities';
import { redactStatusChain } from './redaction/redactStatusChain';
import { RedactionLog } from './redaction/RedactionLog';
import { rejectUnparsableBody } from './rejectUnparsableBody';

/**
 * The entity ref in the path, each part checked: Express has decoded `%2F`, so a part may
 * hold `/` or `:`, which would make another ref; a part over 253 characters names nothing.
 */
function entityRefParams(params: Record<string, string>): CompoundEntityRef {
  for (const field of ['namespace', 'kind', 'name'] as const) {
    const value = params[field];
    if (!value || value.length > 253 || /[/:]/.test(value))
      throw new InputError(
        `${field} in /status/:namespace/:kind/:name must be 1-253 characters without '/' or ':'`,
      );
  }
  return {
    namespace: params.namespace,
    kind: params.kind,
    name: params.name,
  };
}

/** `?objects=true` or `false`; anything else (a list, `yes`) is refused, naming it. */
function objectsFlag(value: unknown): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new InputError("objects must be 'true' or 'false'");
}

export type RouterOptions = {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** The entities behind the cards, read with the plugin's own credentials. */
  entities: ViewedEntities;
  statusChains: StatusChainService;
  /** Where the whole texts of redacted chains go; without it they are not logged. */
  logger?: LoggerService;
};

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, entities, statusChains } = options;
  const redactionLog = options.logger && new RedactionLog(options.logger);
  const router = Router();
  router.use(express.json());
  router.use(rejectUnparsableBody);

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/status/:namespace/:kind/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });

    const target = entityRefParams(req.params);
    const includeObjects = objectsFlag(req.query.objects);

    // What the entity says comes from a short-lived cache read with the plugin's own
    // credentials; whether this caller may see it is the catalog's own read permission,
    // decided with the plugin's two in one request. So a view costs one round trip inside the
    // backend (to the permission backend, none for a service), as a catalog read does,
    // instead of two.
    const ref = stringifyEntityRef(target);
    const [entity, [visible, status, objects]] = await Promise.all([
      entities.get(ref),
      // All three are decided on the entity itself, so a policy can allow only its owners.
      // The objects permission is asked even without ?objects=true: without it, the texts
      // that can quote the cluster or AWS are redacted.
      permissions.authorize(
        [
          { permission: catalogEntityReadPermission, resourceRef: ref },
          { permission: kratixDynamoDBStatusReadPermission, resourceRef: ref },
          { permission: kratixDynamoDBObjectsReadPermission, resourceRef: ref },
        ],
        { credentials },
      ),
    ]);
    // An entity the caller may not see is answered exactly as one that does not exist.
    if (!entity || visible.result !== AuthorizeResult.ALLOW) {
      throw new NotFoundError(`No catalog entity ${ref}`);
    }
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
    if (!includeObjects) {
      // A chain is live and small (1-3 KB): never kept by a proxy, and sent as is, since
      // gzip costs the backend more per view than it saves on the wire (a CPU profile of the
      // status benchmark put 15% of a view in zlib). The objects' YAML is still compressed.
      res.setHeader('Cache-Control', 'no-store, no-transform');
    }
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
