import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** @public How the backend authenticates to one cluster. */
export type ClusterAuth =
  | { type: 'serviceAccountToken'; token: string }
  | { type: 'kubeconfig'; path: string; context?: string }
  | { type: 'inCluster' }
  | { type: 'none' };

/** @public One cluster the plugins may read and write. */
export type ClusterConfig = {
  name: string;
  url?: string;
  auth: ClusterAuth;
  caData?: string;
  skipTLSVerify: boolean;
};

function readAuth(cluster: Config, name: string): ClusterAuth {
  const auth = cluster.getOptionalConfig('auth');
  if (!auth) return { type: 'none' };
  const token = auth.getOptionalString('serviceAccountToken');
  const kubeconfig = auth.getOptionalConfig('kubeconfig');
  const inCluster = auth.getOptionalBoolean('inCluster');
  const chosen = [token !== undefined, kubeconfig !== undefined, inCluster === true].filter(Boolean);
  if (chosen.length > 1) {
    throw new InputError(
      `kratixDynamodb cluster '${name}': choose one of auth.serviceAccountToken, auth.kubeconfig and auth.inCluster`,
    );
  }
  if (token !== undefined) return { type: 'serviceAccountToken', token };
  if (kubeconfig) {
    return {
      type: 'kubeconfig',
      path: kubeconfig.getString('path'),
      context: kubeconfig.getOptionalString('context'),
    };
  }
  if (inCluster) return { type: 'inCluster' };
  return { type: 'none' };
}

function readOwnClusters(configs: Config[]): ClusterConfig[] {
  return configs.map(cluster => {
    const name = cluster.getString('name');
    const auth = readAuth(cluster, name);
    const url = cluster.getOptionalString('url');
    if (!url && auth.type !== 'inCluster' && auth.type !== 'kubeconfig') {
      throw new InputError(`kratixDynamodb cluster '${name}' needs a url`);
    }
    return {
      name,
      url,
      auth,
      caData: cluster.getOptionalString('caData'),
      skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
    };
  });
}

/**
 * The Backstage Kubernetes plugin's `config` locator clusters, so an app that already has
 * them configured needs no second copy.
 */
function readKubernetesPluginClusters(config: Config): ClusterConfig[] {
  const locators = config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  return locators
    .filter(locator => locator.getString('type') === 'config')
    .flatMap(locator => locator.getOptionalConfigArray('clusters') ?? [])
    .map(cluster => {
      const token = cluster.getOptionalString('serviceAccountToken');
      return {
        name: cluster.getString('name'),
        url: cluster.getString('url'),
        auth: token ? { type: 'serviceAccountToken', token } : { type: 'none' },
        caData: cluster.getOptionalString('caData'),
        skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
      } satisfies ClusterConfig;
    });
}

/**
 * The clusters from `kratixDynamodb.clusters`, or else from the Kubernetes plugin's config.
 * @public
 */
export function readClusterConfigs(config: Config): ClusterConfig[] {
  const own = config.getOptionalConfigArray('kratixDynamodb.clusters');
  const clusters = own ? readOwnClusters(own) : readKubernetesPluginClusters(config);
  const seen = new Set<string>();
  for (const cluster of clusters) {
    if (seen.has(cluster.name)) {
      throw new InputError(`kratixDynamodb cluster '${cluster.name}' is configured twice`);
    }
    seen.add(cluster.name);
  }
  return clusters;
}
