/**
 * POST /validate: the wizard's last check before it creates anything. The cluster's own
 * admission judges the request (and, for the app template, the Application) through a
 * server-side dry run, so the user hears its verdict on the form rather than in a task log.
 */
import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  type DryRunRequest,
  kratixDynamoDBRequestCreatePermission,
  readKubernetesUserTokens,
} from '@kratix-dynamodb/common';
import {
  type ClusterClientFactory,
  decideCreate,
  namespaceProblem,
  objectNameProblem,
  readTableNamePrefix,
  readTenancy,
} from '@kratix-dynamodb/node';
import express from 'express';
import Router from 'express-promise-router';
import { readRefusedNamespaces } from '../clusters/readRefusedNamespaces';
import { dryRunOnCluster } from './dryRunOnCluster';
import { rejectUnparsableBody } from '../rejectUnparsableBody';

export type ValidateRouterOptions = {
  config: Config;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  clients: ClusterClientFactory;
};

function requiredString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '')
    throw new InputError(`${field} must be a non-empty string`);
  return value;
}

/**
 * A name the cluster would refuse (or that would walk out of its URL: `/`, `..`, `%2F`) is
 * refused here, naming the field, rather than passed on as the cluster's problem.
 */
function checkName(field: string, problem: string | undefined) {
  if (problem) throw new InputError(`${field} ${problem}`);
}

/** The body, checked for shape and names only: the spec is the request model's to judge. */
export function parseDryRunRequest(body: unknown): DryRunRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new InputError('The body must be a JSON object');
  const b = body as Record<string, unknown>;
  const request: DryRunRequest = {
    cluster: requiredString(b, 'cluster'),
    namespace: requiredString(b, 'namespace'),
    name: requiredString(b, 'name'),
    spec: b.spec,
  };
  checkName('namespace', namespaceProblem(request.namespace));
  checkName('name', objectNameProblem('DynamoDBRequest', request.name));
  if (b.application !== undefined) {
    const app = b.application as Record<string, unknown> | null;
    if (!app || typeof app !== 'object')
      throw new InputError('application must be an object with a name');
    request.application = { name: requiredString(app, 'name') };
    checkName(
      'application.name',
      objectNameProblem('Application', request.application.name),
    );
  }
  return request;
}

export function createValidateRouter(options: ValidateRouterOptions) {
  const { config, httpAuth, permissions, clients } = options;
  const refused = readRefusedNamespaces(config);
  const tableNamePrefix = readTableNamePrefix(config);
  const tenancy = readTenancy(config);
  const router = Router();
  // Specs are small; the cap keeps a hostile body from costing memory.
  router.use('/validate', express.json({ limit: '64kb' }));
  router.use('/validate', rejectUnparsableBody);

  router.post('/validate', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const request = parseDryRunRequest(req.body);
    // forCluster refuses an unknown name with an InputError naming the configured ones.
    // A cluster read as each user checks with this user's token (their RBAC decides).
    const client = await clients.forCluster(request.cluster, {
      userTokens: readKubernetesUserTokens(req.headers),
    });
    await tenancy.ready?.(request.cluster);
    const decision = await decideCreate({ permissions, credentials, tenancy });
    if (
      !decision.allows({
        cluster: request.cluster,
        namespace: request.namespace,
      })
    ) {
      throw new NotAllowedError(
        `You may not create in namespace ${request.namespace} on cluster '${request.cluster}' (${kratixDynamoDBRequestCreatePermission.name})`,
      );
    }
    res.json(await dryRunOnCluster(client, request, refused, tableNamePrefix));
  });

  return router;
}
