import { LoggerService } from '@backstage/backend-plugin-api';
import { Config, ConfigReader } from '@backstage/config';
import {
  ClusterAuthInfo,
  KubernetesUserTokens,
  USER_TOKEN_AUTH_PROVIDERS,
} from '@kratix-dynamodb/common';
import { AuthStrategies } from './auth/authStrategies';
import { OIDC_TOKEN_PROVIDER_KEY } from './auth/userTokenStrategies';
import { ClusterConfig, readClusterConfigs } from './clusterConfig';
import {
  checkUserCredential,
  ConnectionFactory,
  connectionFor,
} from './clusterConnection';
import { ClusterRegistry } from './ClusterRegistry';
import {
  KubernetesClient,
  KubernetesClientOptions,
  ResolvedResource,
} from './KubernetesClient';

/**
 * How the factory's clients time out and retry: the {@link KubernetesClientOptions} it does
 * not fill in itself.
 * @public
 */
export type ClusterClientTuning = Omit<
  KubernetesClientOptions,
  'cluster' | 'connection' | 'sharedDiscovery' | 'actsAsUser'
>;

/** @public */
export type ClusterClientFactoryOptions = ClusterClientTuning & {
  /** Auth strategies by `authProvider` name, added to (or replacing) the built-in ones. */
  authStrategies?: AuthStrategies;
  logger?: LoggerService;
};

/** @public Who a client acts as: the signed-in user's tokens, for clusters that read as the user. */
export type ClusterClientRequest = {
  userTokens?: KubernetesUserTokens;
};

type ClusterEntry = {
  cluster: ClusterConfig;
  connect: Promise<ConnectionFactory>;
  /** The backend's own client; absent for clusters read as each user. */
  shared?: Promise<KubernetesClient>;
  /** What discovery found (never a failure, never anyone's answer but the API's shape). */
  discovery: Map<string, ResolvedResource>;
};

const sameCluster = (a: ClusterConfig, b: ClusterConfig) =>
  a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The clients of the clusters. A cluster read with the backend's identity has one client, made
 * on first use and reused (so is its discovery cache). A cluster read as each signed-in user
 * (`oidc`, `google`, `aks`) gets a new client per request, holding only that request's token,
 * so one user's token never serves another.
 * @public
 */
export class ClusterClientFactory {
  readonly #registry: ClusterRegistry;
  readonly #entries = new Map<string, ClusterEntry>();
  readonly #tuning: ClusterClientTuning;
  readonly #config: Config;
  readonly #logger?: LoggerService;

  /** The clusters of the app's config; an auth provider that cannot work fails here, at start-up. */
  static fromConfig(
    config: Config,
    options: ClusterClientFactoryOptions & { registry?: ClusterRegistry } = {},
  ) {
    return new ClusterClientFactory(readClusterConfigs(config), {
      ...options,
      config,
    });
  }

  constructor(
    clusters: ClusterConfig[],
    options: ClusterClientFactoryOptions & {
      config?: Config;
      /** The registry to read clusters from (the shared service passes its open one). */
      registry?: ClusterRegistry;
    } = {},
  ) {
    const { authStrategies, logger, config, registry, ...tuning } = options;
    this.#registry =
      registry ?? new ClusterRegistry(clusters, { authStrategies, logger });
    this.#tuning = tuning;
    this.#logger = logger;
    // The AWS and Google strategies read their own settings from the app's config.
    this.#config = config ?? new ConfigReader({});
  }

  /** The names of the known clusters, for pickers and providers. */
  clusterNames(): string[] {
    return this.#registry.names();
  }

  /** Whether the cluster is read as each signed-in user; such a cluster has no shared watches. */
  async actsAsUser(name: string): Promise<boolean> {
    return this.#registry.actsAsUser(await this.#registry.get(name));
  }

  /** How a cluster authenticates, for the frontend to know which token to send (no secrets). */
  async clusterAuth(name: string): Promise<ClusterAuthInfo> {
    const cluster = await this.#registry.get(name);
    const authProvider =
      cluster.auth.type === 'provider' ? cluster.auth.provider : 'backend';
    const oidcTokenProvider =
      cluster.auth.type === 'provider'
        ? cluster.auth.metadata[OIDC_TOKEN_PROVIDER_KEY]
        : undefined;
    const actsAsUser = this.#registry.actsAsUser(cluster);
    // An added per-user strategy takes the token header of oidc, google or aks.
    const known = (USER_TOKEN_AUTH_PROVIDERS as readonly string[]).includes(
      authProvider,
    );
    return {
      name,
      authProvider: actsAsUser && !known ? 'oidc' : authProvider,
      ...(oidcTokenProvider ? { oidcTokenProvider } : {}),
      actsAsUser,
    };
  }

  /**
   * The client of a cluster; an unknown name is the caller's mistake. For a cluster read as the
   * user, pass the user's tokens (a request's `Backstage-Kubernetes-Authorization-*` headers);
   * without them it fails at once, saying which sign-in is missing.
   */
  async forCluster(
    name: string,
    request: ClusterClientRequest = {},
  ): Promise<KubernetesClient> {
    const cluster = await this.#registry.get(name);
    const entry = this.#entryOf(cluster);
    if (!this.#registry.actsAsUser(cluster)) {
      entry.shared ??= this.#sharedClient(entry);
      return entry.shared;
    }
    const userTokens = request.userTokens ?? {};
    await checkUserCredential(cluster, this.#deps(), userTokens);
    return new KubernetesClient({
      ...this.#tuning,
      cluster: name,
      connection: (await entry.connect)(userTokens),
      sharedDiscovery: entry.discovery,
      actsAsUser: true,
    });
  }

  #sharedClient(entry: ClusterEntry): Promise<KubernetesClient> {
    const client = (async () =>
      new KubernetesClient({
        ...this.#tuning,
        cluster: entry.cluster.name,
        connection: (await entry.connect)({}),
        sharedDiscovery: entry.discovery,
      }))();
    client.catch(() => {
      entry.shared = undefined;
    });
    return client;
  }

  /** One entry per cluster; a supplied cluster whose details changed gets a new one. */
  #entryOf(cluster: ClusterConfig): ClusterEntry {
    const existing = this.#entries.get(cluster.name);
    if (existing && sameCluster(existing.cluster, cluster)) return existing;
    const connect = connectionFor(cluster, this.#deps());
    const entry: ClusterEntry = {
      cluster,
      connect,
      discovery: new Map(),
    };
    connect.catch(() => this.#entries.delete(cluster.name));
    this.#entries.set(cluster.name, entry);
    return entry;
  }

  #deps() {
    return {
      config: this.#config,
      logger: this.#logger,
      strategies: this.#registry.strategies,
    };
  }
}
