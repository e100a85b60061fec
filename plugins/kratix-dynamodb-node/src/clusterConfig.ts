import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/**
 * How the backend authenticates to one cluster.
 * - `provider`: an auth strategy by the Backstage Kubernetes plugin's name (`serviceAccount`,
 *   `aws`, `googleServiceAccount`, `azure`, `localKubectlProxy`, or one an adopter adds) with
 *   its `authMetadata`.
 * - `kubeconfig`: a kubeconfig file (exec plugins, OIDC, client certificates, proxy-url and
 *   tls-server-name all work, and credentials are refreshed as they expire).
 * - `inCluster`: the pod's own service account, its token re-read as it is rotated.
 * @public
 */
export type ClusterAuth =
  | { type: 'provider'; provider: string; metadata: Record<string, string> }
  | { type: 'kubeconfig'; path: string; context?: string }
  | { type: 'inCluster' };

/** @public One cluster the plugins may read and write. */
export type ClusterConfig = {
  name: string;
  url?: string;
  auth: ClusterAuth;
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
};

/** `authMetadata` as the Kubernetes plugin reads it: its keys hold dots, so it is read whole. */
function metadataOf(cluster: Config): Record<string, string> {
  const raw =
    cluster.getOptional<Record<string, unknown>>('authMetadata') ?? {};
  return Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [key, String(value)]),
  );
}

const LOCAL_PROXY_URL = 'http://localhost:8001';
const isLocalProxy = (auth: ClusterAuth) =>
  auth.type === 'provider' && auth.provider === 'localKubectlProxy';

function readOwnAuth(cluster: Config, name: string): ClusterAuth {
  const auth = cluster.getOptionalConfig('auth');
  const token = auth?.getOptionalString('serviceAccountToken');
  const kubeconfig = auth?.getOptionalConfig('kubeconfig');
  const inCluster = auth?.getOptionalBoolean('inCluster') === true;
  const provider = cluster.getOptionalString('authProvider');
  const chosen = [
    token !== undefined,
    kubeconfig !== undefined,
    inCluster,
    provider !== undefined,
  ].filter(Boolean);
  if (chosen.length !== 1) {
    throw new InputError(
      `kratixDynamodb cluster '${name}': set exactly one of auth.serviceAccountToken, auth.kubeconfig, auth.inCluster and authProvider` +
        ' (authProvider: localKubectlProxy for an unauthenticated local proxy)',
    );
  }
  if (token !== undefined)
    return {
      type: 'provider',
      provider: 'serviceAccount',
      metadata: { serviceAccountToken: token },
    };
  if (kubeconfig)
    return {
      type: 'kubeconfig',
      path: kubeconfig.getString('path'),
      context: kubeconfig.getOptionalString('context'),
    };
  if (inCluster) return { type: 'inCluster' };
  return {
    type: 'provider',
    provider: provider!,
    metadata: metadataOf(cluster),
  };
}

function readOwnClusters(configs: Config[]): ClusterConfig[] {
  return configs.map(cluster => {
    const name = cluster.getString('name');
    const auth = readOwnAuth(cluster, name);
    const url =
      cluster.getOptionalString('url') ??
      (isLocalProxy(auth) ? LOCAL_PROXY_URL : undefined);
    if (!url && auth.type === 'provider')
      throw new InputError(`kratixDynamodb cluster '${name}' needs a url`);
    return {
      name,
      url,
      auth,
      caData: cluster.getOptionalString('caData'),
      caFile: cluster.getOptionalString('caFile'),
      skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
    };
  });
}

/**
 * Fields the Kubernetes plugin still accepts beside `authMetadata`, and the metadata keys they
 * stand for.
 */
const LEGACY_METADATA_FIELDS: Record<string, string> = {
  serviceAccountToken: 'serviceAccountToken',
  assumeRole: 'kubernetes.io/aws-assume-role',
  externalId: 'kubernetes.io/aws-external-id',
  oidcTokenProvider: 'kubernetes.io/oidc-token-provider',
};

/**
 * The Backstage Kubernetes plugin's clusters, with the fields that plugin honours, so an app
 * that already configures them needs no second list. `config` locators give their clusters and
 * `localKubectlProxy` its local proxy. `catalog` clusters are found at run time (the backend
 * plugin supplies them: catalogClusters.ts). `gke` would need Google's Container API, which
 * these plugins do not call: it is refused here rather than silently giving no clusters.
 */
function readKubernetesPluginClusters(config: Config): ClusterConfig[] {
  const locators =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  return locators.flatMap((locator): ClusterConfig[] => {
    const type = locator.getString('type');
    if (type === 'localKubectlProxy') {
      return [
        {
          name: 'local',
          url: LOCAL_PROXY_URL,
          auth: {
            type: 'provider',
            provider: 'localKubectlProxy',
            metadata: {},
          },
          skipTLSVerify: false,
        } satisfies ClusterConfig,
      ];
    }
    if (type === 'catalog') return [];
    if (type === 'gke')
      throw new InputError(
        "kubernetes.clusterLocatorMethods: the 'gke' locator is not supported by kratix-dynamodb (it lists clusters through Google's Container API). " +
          'List those clusters under kratixDynamodb.clusters, with authProvider googleServiceAccount or google.',
      );
    if (type !== 'config')
      throw new InputError(
        `kubernetes.clusterLocatorMethods: unknown locator type '${type}'. kratix-dynamodb reads config, catalog and localKubectlProxy`,
      );
    return (locator.getOptionalConfigArray('clusters') ?? []).map(cluster => {
      const name = cluster.getString('name');
      const provider = cluster.getOptionalString('authProvider');
      if (!provider)
        throw new InputError(
          `kubernetes cluster '${name}' has no authProvider`,
        );
      const metadata = metadataOf(cluster);
      for (const [field, key] of Object.entries(LEGACY_METADATA_FIELDS)) {
        const value = cluster.getOptionalString(field);
        if (value !== undefined && metadata[key] === undefined)
          metadata[key] = value;
      }
      return {
        name,
        url: cluster.getString('url'),
        auth: { type: 'provider', provider, metadata },
        caData: cluster.getOptionalString('caData'),
        caFile: cluster.getOptionalString('caFile'),
        skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
      } satisfies ClusterConfig;
    });
  });
}

/**
 * The clusters from `kratixDynamodb.clusters`, or else from the Kubernetes plugin's config.
 * @public
 */
export function readClusterConfigs(config: Config): ClusterConfig[] {
  const own = config.getOptionalConfigArray('kratixDynamodb.clusters');
  const clusters = own
    ? readOwnClusters(own)
    : readKubernetesPluginClusters(config);
  const seen = new Set<string>();
  for (const cluster of clusters) {
    if (seen.has(cluster.name)) {
      throw new InputError(
        `kratixDynamodb cluster '${cluster.name}' is configured twice`,
      );
    }
    seen.add(cluster.name);
  }
  return clusters;
}
