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
  readKubernetesUserTokens,
} from '@kratix-dynamodb/common';
import {
  type ClusterClientFactory,
  decideCreate,
  readTenancy,
} from '@kratix-dynamodb/node';
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
  const tenancy = readTenancy(config);
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

  // Which sign-in token the browser must send for a cluster (oidc, google, aks), as the
  // Kubernetes plugin's /clusters says it. Provider names only, never a credential or URL.
  router.get('/clusters/:cluster/auth', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user'] });
    res.json(await clients.clusterAuth(req.params.cluster));
  });

  router.get('/clusters/:cluster/namespaces', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const { cluster } = req.params;
    // forCluster refuses an unknown name with an InputError naming the configured ones.
    // A cluster read as each user lists with this user's token (their RBAC decides).
    const client = await clients.forCluster(cluster, {
      userTokens: readKubernetesUserTokens(req.headers),
    });
    await tenancy.ready?.(cluster);
    const decision = await decideCreate({ permissions, credentials, tenancy });
    if (!decision.mayAllowOnCluster(cluster)) {
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
      // A conditional create permission is judged per namespace: only those it allows.
      .filter(name => decision.allows({ cluster, namespace: name }))
      .sort((a, b) => a.localeCompare(b));
    res.json({ items: names.map(name => ({ name })) });
  });

  return router;
}
