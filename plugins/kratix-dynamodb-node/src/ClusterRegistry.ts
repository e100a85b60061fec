import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type {
  AuthenticationStrategy,
  ClusterDetails,
} from '@backstage/plugin-kubernetes-node';
import {
  AuthStrategies,
  checkAuthProviders,
  isBuiltInProvider,
  providerActsAsUser,
} from './auth/authStrategies';
import { ClusterConfig } from './clusterConfig';
import { clusterConfigFromDetails } from './clusterDetails';

/**
 * Clusters found at run time (a catalog, a cloud API), asked for whenever they may have changed.
 * @public
 */
export type ClusterSource = () => Promise<ClusterDetails[]>;

/** How long a supplier's answer is used before it is asked again. */
const SUPPLIED_CLUSTERS_TTL_MS = 30_000;

/**
 * Which clusters exist and which auth strategies read them: the configured ones, plus those that
 * backend modules add through the kratix-dynamodb plugin's extension points. Those arrive while
 * the backend starts, after this registry exists, so it is open for registration until
 * `completeRegistration()`; a configured cluster whose `authProvider` only a module can supply
 * is checked then, and a client for it waits until then.
 * @public
 */
export class ClusterRegistry {
  readonly #configured: Map<string, ClusterConfig>;
  readonly #strategies: AuthStrategies;
  readonly #sources: ClusterSource[] = [];
  readonly #logger?: LoggerService;
  #supplied = new Map<string, ClusterConfig>();
  #suppliedAt = 0;
  #refreshing?: Promise<void>;
  #open: boolean;
  #closed = false;
  #complete: Promise<void>;
  #settle!: (error?: Error) => void;

  constructor(
    clusters: ClusterConfig[],
    options: {
      authStrategies?: AuthStrategies;
      logger?: LoggerService;
      /** Leave registration open for backend modules (the shared service does). */
      openForRegistration?: boolean;
    } = {},
  ) {
    this.#configured = new Map(clusters.map(c => [c.name, c]));
    this.#strategies = { ...options.authStrategies };
    this.#logger = options.logger;
    this.#open = options.openForRegistration ?? false;
    this.#complete = new Promise<void>((resolve, reject) => {
      this.#settle = error => (error ? reject(error) : resolve());
    });
    // Whoever awaits it sees the error; unawaited, it must not crash the process.
    this.#complete.catch(() => {});
    // Clusters whose provider is known now are checked now: a bad one stops the backend here.
    checkAuthProviders(
      clusters.filter(c => !this.#awaitsStrategy(c)),
      this.#strategies,
    );
    if (!this.#open) this.completeRegistration();
  }

  /** Adds (or replaces) the strategy of an `authProvider` name; only while the backend starts. */
  addAuthStrategy(name: string, strategy: AuthenticationStrategy): void {
    this.#assertOpen(`auth strategy '${name}'`);
    this.#strategies[name] = strategy;
  }

  /** Adds a source of clusters found at run time; only while the backend starts. */
  addClusterSource(source: ClusterSource): void {
    this.#assertOpen('cluster supplier');
    this.#sources.push(source);
  }

  /**
   * Ends registration: configured clusters waiting for a module's strategy are checked, and an
   * unknown provider fails here, naming the cluster and the value. Later calls do nothing.
   */
  completeRegistration(): void {
    if (this.#closed) return;
    this.#open = false;
    this.#closed = true;
    try {
      checkAuthProviders([...this.#configured.values()], this.#strategies);
      this.#settle();
    } catch (e) {
      this.#settle(e as Error);
      throw e;
    }
  }

  /** Resolves once registration is complete; rejects with the start-up error, if any. */
  registrationComplete(): Promise<void> {
    return this.#complete;
  }

  get strategies(): AuthStrategies {
    return this.#strategies;
  }

  /** The names of the clusters known now (configured first), for pickers and providers. */
  names(): string[] {
    this.#refreshIfOld();
    const names = [...this.#configured.keys()];
    for (const name of this.#supplied.keys())
      if (!this.#configured.has(name)) names.push(name);
    return names;
  }

  /** The configured cluster of a name; unknown names are the caller's mistake. */
  async get(name: string): Promise<ClusterConfig> {
    const configured = this.#configured.get(name);
    if (configured) {
      if (this.#awaitsStrategy(configured)) await this.#complete;
      return configured;
    }
    await this.#complete;
    if (!this.#supplied.has(name)) await this.refresh();
    const supplied = this.#supplied.get(name);
    if (supplied) return supplied;
    const known = this.names().join(', ') || 'none';
    // A name is echoed only when it is short: a megabyte of it is no help to anyone.
    const shown =
      name.length > 100 ? `(a name of ${name.length} characters)` : `'${name}'`;
    throw new InputError(
      `Unknown cluster ${shown}. Configured clusters: ${known}`,
    );
  }

  /** Whether a cluster is read as each signed-in user, with their own token. */
  actsAsUser(cluster: ClusterConfig): boolean {
    return (
      cluster.auth.type === 'provider' &&
      providerActsAsUser(cluster.auth.provider, this.#strategies)
    );
  }

  /** Asks every source again; a cluster a source gets wrong is left out and logged, not fatal. */
  refresh(): Promise<void> {
    if (this.#sources.length === 0) return Promise.resolve();
    this.#refreshing ??= this.#askSources().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #askSources() {
    const supplied = new Map<string, ClusterConfig>();
    for (const source of this.#sources) {
      let details: ClusterDetails[];
      try {
        details = await source();
      } catch (e) {
        this.#logger?.warn(
          `kratix-dynamodb: a cluster supplier failed, keeping its last answer: ${
            (e as Error).message
          }`,
        );
        return;
      }
      for (const detail of details) {
        if (this.#configured.has(detail.name) || supplied.has(detail.name))
          continue;
        try {
          const cluster = clusterConfigFromDetails(detail);
          checkAuthProviders([cluster], this.#strategies);
          supplied.set(cluster.name, cluster);
        } catch (e) {
          this.#logger?.error(
            `kratix-dynamodb: supplied cluster left out: ${
              (e as Error).message
            }`,
          );
        }
      }
    }
    this.#supplied = supplied;
    this.#suppliedAt = Date.now();
  }

  #refreshIfOld() {
    if (Date.now() - this.#suppliedAt > SUPPLIED_CLUSTERS_TTL_MS)
      this.refresh().catch(() => {});
  }

  #awaitsStrategy(cluster: ClusterConfig): boolean {
    return (
      this.#open &&
      cluster.auth.type === 'provider' &&
      !this.#strategies[cluster.auth.provider] &&
      !isBuiltInProvider(cluster.auth.provider)
    );
  }

  #assertOpen(what: string) {
    if (!this.#open)
      throw new Error(
        `kratix-dynamodb: the ${what} came after the backend started; add it from a backend module`,
      );
  }
}
