import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ClusterConfig, readClusterConfigs } from './clusterConfig';
import { ClusterConnection } from './httpTransport';
import { KubernetesClient, KubernetesClientOptions } from './KubernetesClient';

type ClientTuning = Omit<KubernetesClientOptions, 'cluster' | 'connection'>;

/**
 * Connection details from a kubeconfig file or the pod's service account. Only these auth
 * types need @kubernetes/client-node, which is ESM-only, so it is loaded on demand.
 */
async function connectionFromKubeConfig(cluster: ClusterConfig): Promise<ClusterConnection> {
  const k8s = await import('@kubernetes/client-node');
  const kc = new k8s.KubeConfig();
  if (cluster.auth.type === 'inCluster') {
    kc.loadFromCluster();
  } else if (cluster.auth.type === 'kubeconfig') {
    kc.loadFromFile(cluster.auth.path);
    if (cluster.auth.context) kc.setCurrentContext(cluster.auth.context);
  }
  const server = cluster.url ?? kc.getCurrentCluster()?.server;
  if (!server) throw new InputError(`Cluster '${cluster.name}' has no server URL in its kubeconfig`);
  const options: { headers?: Record<string, string>; ca?: any; cert?: any; key?: any; rejectUnauthorized?: boolean } = {};
  await kc.applyToHTTPSOptions(options as any);
  return {
    server,
    headers: { ...(options.headers ?? {}) },
    ca: options.ca,
    cert: options.cert,
    key: options.key,
    rejectUnauthorized: cluster.skipTLSVerify ? false : options.rejectUnauthorized !== false,
  };
}

function connectionFromConfig(cluster: ClusterConfig): ClusterConnection {
  return {
    server: cluster.url!,
    headers:
      cluster.auth.type === 'serviceAccountToken'
        ? { Authorization: `Bearer ${cluster.auth.token}` }
        : {},
    ca: cluster.caData ? Buffer.from(cluster.caData, 'base64') : undefined,
    rejectUnauthorized: !cluster.skipTLSVerify,
  };
}

/**
 * One KubernetesClient per configured cluster, made on first use and then reused (so its
 * discovery cache is too).
 * @public
 */
export class ClusterClientFactory {
  readonly #clusters: Map<string, ClusterConfig>;
  readonly #clients = new Map<string, Promise<KubernetesClient>>();
  readonly #tuning: ClientTuning;

  static fromConfig(config: Config, tuning: ClientTuning = {}) {
    return new ClusterClientFactory(readClusterConfigs(config), tuning);
  }

  constructor(clusters: ClusterConfig[], tuning: ClientTuning = {}) {
    this.#clusters = new Map(clusters.map(c => [c.name, c]));
    this.#tuning = tuning;
  }

  /** The names of the configured clusters, for pickers and providers. */
  clusterNames(): string[] {
    return [...this.#clusters.keys()];
  }

  /** The client of a configured cluster; an unknown name is the caller's mistake. */
  forCluster(name: string): Promise<KubernetesClient> {
    const cluster = this.#clusters.get(name);
    if (!cluster) {
      const known = this.clusterNames().join(', ') || 'none';
      throw new InputError(`Unknown cluster '${name}'. Configured clusters: ${known}`);
    }
    let client = this.#clients.get(name);
    if (!client) {
      client = (async () => {
        const connection =
          cluster.auth.type === 'kubeconfig' || cluster.auth.type === 'inCluster'
            ? await connectionFromKubeConfig(cluster)
            : connectionFromConfig(cluster);
        return new KubernetesClient({ ...this.#tuning, cluster: name, connection });
      })();
      client.catch(() => this.#clients.delete(name));
      this.#clients.set(name, client);
    }
    return client;
  }
}
