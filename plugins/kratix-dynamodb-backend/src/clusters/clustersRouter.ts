/**
 * What the wizard's pickers offer: the clusters this user may create on, and the namespaces
 * on one of them. Names only; cluster URLs and credentials never leave the backend.
 */
import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';
import {
  findRefusingPattern,
  kratixDynamoDBRequestCreatePermission,
} from '@kratix-dynamodb/common';
import type { ClusterClientFactory } from '@kratix-dynamodb/node';
import Router from 'express-promise-router';
import { creatableClusters } from './creatableClusters';
import { readRefusedNamespaces } from './readRefusedNamespaces';

export type ClustersRouterOptions = {
  config: Config;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  clients: ClusterClientFactory;
};

const NAMESPACE = { group: '', version: 'v1', kind: 'Namespace' };

export function createClustersRouter(options: ClustersRouterOptions) {
  const { config, httpAuth, permissions, clients } = options;
  // The scaffolder refuses these namespaces, so the picker does not offer them.
  const refused = readRefusedNamespaces(config);
  const router = Router();

  router.get('/clusters', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const names = await creatableClusters(
      permissions,
      credentials,
      clients.clusterNames(),
    );
    res.json({ items: names.map(name => ({ name })) });
  });

  router.get('/clusters/:cluster/namespaces', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const { cluster } = req.params;
    // forCluster refuses an unknown name with an InputError naming the configured ones.
    const client = await clients.forCluster(cluster);
    const [allowed] = await creatableClusters(permissions, credentials, [
      cluster,
    ]);
    if (!allowed) {
      throw new NotAllowedError(
        `You may not create on cluster '${cluster}' (${kratixDynamoDBRequestCreatePermission.name})`,
      );
    }
    // A backend identity that may not list namespaces gets the cluster's 403 as it is; the
    // picker then asks for the namespace as text.
    const list = await client.list(NAMESPACE);
    const names = list.items
      .map(item => item.metadata.name)
      .filter(name => !findRefusingPattern(name, refused))
      .sort((a, b) => a.localeCompare(b));
    res.json({ items: names.map(name => ({ name })) });
  });

  return router;
}
