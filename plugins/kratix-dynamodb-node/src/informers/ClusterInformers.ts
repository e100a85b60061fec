import { LoggerService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { GroupVersionKind } from '@kratix-dynamodb/common';
import { ClusterClientFactory } from '../ClusterClientFactory';
import {
  BoundedInformers,
  holdsMoreThan,
  ObjectScope,
  scopeKey,
  scopeSelection,
} from './BoundedInformers';
import {
  InformerChange,
  InformerOptions,
  ObjectInformer,
} from './ObjectInformer';

/**
 * How the kinds of a cluster are cached.
 * - `full`: one informer holds every object of the kind (of its label selection).
 * - `bounded`: only the objects readers look up, each through its own small watch, in an LRU.
 * @public
 */
export type CacheMode = 'full' | 'bounded';

/** @public */
export type CacheLimits = {
  /**
   * A kind with more objects than this on a cluster is read in bounded mode (decided when it is
   * first read). 0: always bounded. Default 10,000.
   */
  fullCacheLimit?: number;
  /** Per cluster, the bounded mode's most watches open at once. Default 1,000. */
  maxBoundedWatches?: number;
};

/**
 * One ObjectInformer per cluster and kind, started on first use and kept until shutdown, so
 * the status route, the catalog provider and the scaffolder's waits share one list and one
 * watch per kind.
 * @public
 */
export class ClusterInformers {
  readonly #clients: ClusterClientFactory;
  readonly #logger: LoggerService;
  readonly #options: InformerOptions;
  readonly #informers = new Map<string, Promise<ObjectInformer>>();
  readonly #started = new Set<(informer: ObjectInformer) => void>();
  readonly #changeListeners = new Set<
    (change: InformerChange, informer: ObjectInformer) => void
  >();
  readonly #limits: Required<CacheLimits>;
  readonly #modes = new Map<string, Promise<CacheMode>>();
  readonly #bounded = new Map<string, BoundedInformers>();

  constructor(
    clients: ClusterClientFactory,
    logger: LoggerService,
    options: InformerOptions = {},
    limits: CacheLimits = {},
  ) {
    this.#clients = clients;
    this.#logger = logger;
    this.#options = options;
    this.#limits = {
      fullCacheLimit: limits.fullCacheLimit ?? 10_000,
      maxBoundedWatches: limits.maxBoundedWatches ?? 1000,
    };
  }

  /**
   * Whether a kind is cached whole on a cluster or only object by object: counted once, when it
   * is first asked. A count that fails (the cluster is down) is asked again next time, and
   * meanwhile the answer is `bounded`, which never lists the whole kind.
   */
  cacheMode(
    cluster: string,
    gvk: GroupVersionKind,
    labelSelector?: string,
  ): Promise<CacheMode> {
    if (this.#limits.fullCacheLimit === 0) return Promise.resolve('bounded');
    const id = `${cluster}|${gvk.group}/${gvk.version}/${gvk.kind}|${
      labelSelector ?? ''
    }`;
    let mode = this.#modes.get(id);
    if (!mode) {
      mode = (async () => {
        const client = await this.#clients.forCluster(cluster);
        const above = await holdsMoreThan(
          client,
          gvk,
          labelSelector,
          this.#limits.fullCacheLimit,
        );
        if (above)
          this.#logger.info(
            `kratix-dynamodb: more than ${this.#limits.fullCacheLimit} ${
              gvk.kind
            }s on cluster '${cluster}': reading them in bounded mode (per-object watches, at most ${
              this.#limits.maxBoundedWatches
            })`,
          );
        return above ? ('bounded' as const) : ('full' as const);
      })();
      mode.catch(() => this.#modes.delete(id));
      this.#modes.set(id, mode);
    }
    return mode.catch(() => 'bounded' as const);
  }

  /**
   * The informer that answers a lookup of `scope`: in full mode the whole kind's (of
   * `labelSelector`, the selection a full cache holds), in bounded mode a watch of just what
   * `scope` picks, kept among the cluster's most recently read.
   */
  async informerFor(
    cluster: string,
    gvk: GroupVersionKind,
    options: { labelSelector?: string },
    scope: ObjectScope,
  ): Promise<ObjectInformer> {
    if ((await this.cacheMode(cluster, gvk, options.labelSelector)) === 'full')
      return this.informer(cluster, gvk, options);
    const selection = scopeSelection(gvk, scope);
    await this.#refuseUserClusters(cluster);
    const client = await this.#clients.forCluster(cluster);
    let pool = this.#bounded.get(cluster);
    if (!pool)
      this.#bounded.set(
        cluster,
        (pool = new BoundedInformers(this.#limits.maxBoundedWatches)),
      );
    return pool.get(scopeKey(gvk, scope), () =>
      this.#announce(
        new ObjectInformer(client, gvk, this.#logger, {
          ...this.#options,
          ...selection,
        }),
      ),
    );
  }

  /** How many bounded-mode watches are open on a cluster. */
  boundedWatches(cluster: string): number {
    return this.#bounded.get(cluster)?.size ?? 0;
  }

  /**
   * Calls `listener` with every change any informer sees, full or bounded, started before or
   * after; returns the function that stops it.
   */
  subscribeAll(
    listener: (change: InformerChange, informer: ObjectInformer) => void,
  ): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  /** Announces a new informer, and forwards its changes to subscribeAll's listeners. */
  #announce(informer: ObjectInformer): ObjectInformer {
    informer.subscribe(change => {
      for (const listener of this.#changeListeners) listener(change, informer);
    });
    for (const callback of this.#started) callback(informer);
    return informer;
  }

  async #refuseUserClusters(cluster: string) {
    // A shared cache would serve what one user may read to every other user.
    if (await this.#clients.actsAsUser(cluster))
      throw new NotAllowedError(
        `Cluster '${cluster}' is read as each signed-in user, so it has no shared watch; read it with the user's own client`,
      );
  }

  /** The informer of a kind on a cluster, optionally of only the objects a label selector picks. */
  informer(
    cluster: string,
    gvk: GroupVersionKind,
    options: { labelSelector?: string; cache?: boolean } = {},
  ): Promise<ObjectInformer> {
    const id = `${cluster}|${gvk.group}/${gvk.version}/${gvk.kind}|${
      options.labelSelector ?? ''
    }${options.cache === false ? '|no-cache' : ''}`;
    let informer = this.#informers.get(id);
    if (!informer) {
      informer = (async () => {
        await this.#refuseUserClusters(cluster);
        return this.#announce(
          new ObjectInformer(
            await this.#clients.forCluster(cluster),
            gvk,
            this.#logger,
            {
              ...this.#options,
              labelSelector: options.labelSelector,
              cache: options.cache,
            },
          ),
        );
      })();
      informer.catch(() => this.#informers.delete(id));
      this.#informers.set(id, informer);
    }
    return informer;
  }

  /** Calls `callback` for every informer started from now on; returns the function that stops it. */
  onInformerStarted(callback: (informer: ObjectInformer) => void): () => void {
    this.#started.add(callback);
    return () => this.#started.delete(callback);
  }

  async stopAll() {
    const informers = await Promise.allSettled(this.#informers.values());
    for (const i of informers) if (i.status === 'fulfilled') i.value.stop();
    this.#informers.clear();
    for (const pool of this.#bounded.values()) pool.stopAll();
    this.#bounded.clear();
  }
}
