import { LoggerService } from '@backstage/backend-plugin-api';
import { Config, ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { AuthStrategies, checkAuthProviders } from './auth/authStrategies';
import { ClusterConfig, readClusterConfigs } from './clusterConfig';
import { connectionFor } from './clusterConnection';
import { KubernetesClient, KubernetesClientOptions } from './KubernetesClient';

type ClientTuning = Omit<KubernetesClientOptions, 'cluster' | 'connection'>;

/** @public */
export type ClusterClientFactoryOptions = ClientTuning & {
  /** Auth strategies by `authProvider` name, added to (or replacing) the built-in ones. */
  authStrategies?: AuthStrategies;
  logger?: LoggerService;
};

/**
 * One KubernetesClient per configured cluster, made on first use and then reused (so its
 * discovery cache is too).
 * @public
 */
export class ClusterClientFactory {
  readonly #clusters: Map<string, ClusterConfig>;
  readonly #clients = new Map<string, Promise<KubernetesClient>>();
  readonly #tuning: ClientTuning;
  readonly #config: Config;
  readonly #strategies: AuthStrategies;
  readonly #logger?: LoggerService;

  /** The clusters of the app's config; an auth provider that cannot work fails here, at start-up. */
  static fromConfig(config: Config, options: ClusterClientFactoryOptions = {}) {
    return new ClusterClientFactory(readClusterConfigs(config), {
      ...options,
      config,
    });
  }

  constructor(
    clusters: ClusterConfig[],
    options: ClusterClientFactoryOptions & { config?: Config } = {},
  ) {
    const { authStrategies = {}, logger, config, ...tuning } = options;
    checkAuthProviders(clusters, authStrategies);
    this.#clusters = new Map(clusters.map(c => [c.name, c]));
    this.#tuning = tuning;
    this.#strategies = authStrategies;
    this.#logger = logger;
    // The AWS and Google strategies read their own settings from the app's config.
    this.#config = config ?? new ConfigReader({});
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
      throw new InputError(
        `Unknown cluster '${name}'. Configured clusters: ${known}`,
      );
    }
    let client = this.#clients.get(name);
    if (!client) {
      client = (async () => {
        const connection = await connectionFor(cluster, {
          config: this.#config,
          logger: this.#logger,
          strategies: this.#strategies,
        });
        return new KubernetesClient({
          ...this.#tuning,
          cluster: name,
          connection,
        });
      })();
      client.catch(() => this.#clients.delete(name));
      this.#clients.set(name, client);
    }
    return client;
  }
}
