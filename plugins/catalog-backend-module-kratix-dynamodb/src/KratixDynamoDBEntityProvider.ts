import {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DYNAMODB_REQUEST_GVK,
  GroupVersionKind,
  KUBEVELA_APPLICATION_GVK,
  KUBEVELA_APPLICATION_LABEL_SELECTOR,
} from '@kratix-dynamodb/common';
import {
  InformerChange,
  KratixClustersService,
  KubernetesObject,
  ObjectInformer,
  Tenancy,
} from '@kratix-dynamodb/node';
import {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { EntityDeltaBatcher } from './EntityDeltaBatcher';
import { listEntitiesInPages } from './listEntitiesInPages';
import { RecentEntities } from './RecentEntities';
import {
  applicationToEntity,
  dynamoDBRequestToEntity,
  usesDynamoDBComponent,
} from './clusterObjectsToEntities';
import { FollowedClusters } from './FollowedClusters';

type Source = {
  gvk: GroupVersionKind;
  /** Only these objects are read (a label selection), not the whole kind. */
  labelSelector?: string;
  toEntity: (cluster: string, o: KubernetesObject) => Entity | undefined;
};

/**
 * The kinds that become entities, and how. An object that maps to no entity is skipped.
 * The tenancy binding names the owners.
 */
function sourcesFor(tenancy: Tenancy): Source[] {
  return [
    {
      gvk: DYNAMODB_REQUEST_GVK,
      toEntity: (cluster, request) =>
        dynamoDBRequestToEntity({ cluster, tenancy }, request),
    },
    {
      gvk: KUBEVELA_APPLICATION_GVK,
      labelSelector: KUBEVELA_APPLICATION_LABEL_SELECTOR,
      toEntity: (cluster, app) =>
        usesDynamoDBComponent(app)
          ? applicationToEntity({ cluster, tenancy }, app)
          : undefined,
    },
  ];
}

/** How long the full sync waits for a cluster's first list before leaving that run out. */
const FIRST_SYNC_TIMEOUT_MS = 30_000;

const locationKey = (cluster: string) => `kratix-dynamodb:${cluster}`;

/**
 * Emits a Resource per DynamoDBRequest and a Component per KubeVela Application with a table,
 * for every configured cluster. It follows the clusters live: the informers that the backend
 * shares (one watch per cluster and kind) turn each change into a delta mutation, so an entity
 * appears or goes within moments of `kubectl apply` or `kubectl delete`, and a steady state
 * costs no list calls. A full mutation, built from the same in-memory caches, runs only on the
 * configured schedule, and never while a cluster's cache is not in sync: a cluster that cannot
 * be read keeps its last known entities instead of losing them.
 */
export class KratixDynamoDBEntityProvider implements EntityProvider {
  readonly #clusters: KratixClustersService;
  readonly #logger: LoggerService;
  readonly #runner: SchedulerServiceTaskRunner;
  readonly #sources: Source[];
  readonly #followedClusters: FollowedClusters;
  readonly #tenancy: Tenancy;
  #connection?: EntityProviderConnection;
  readonly #batcher: EntityDeltaBatcher;
  readonly #unsubscribes: Array<() => void> = [];
  readonly #spreadMs: number;
  readonly #pageSize?: number;
  /** Pages each bounded kind took last time: how to spread the next run's pages. */
  readonly #pagesLastTime = new Map<string, number>();
  /** While a full sync runs, the entities the watches added (or removed, undefined) meanwhile. */
  #changedDuringSync?: Map<string, DeferredEntity | undefined>;
  readonly #recentlySent = new RecentEntities(10_000);

  constructor(options: {
    clusters: KratixClustersService;
    logger: LoggerService;
    runner: SchedulerServiceTaskRunner;
    /**
     * Over how long a full sync spreads its pages of a kind in bounded mode (too large to
     * cache). Default 90 s, half the default task timeout.
     */
    spreadMs?: number;
    /** Objects per page of a bounded kind's full sync (default 500). */
    pageSize?: number;
    /** Which owners each namespace is bound to: the entities' owners come from it. */
    tenancy: Tenancy;
  }) {
    this.#clusters = options.clusters;
    this.#logger = options.logger;
    this.#runner = options.runner;
    // Changes that arrive together (a burst of watch events) go to the catalog as one mutation.
    this.#batcher = new EntityDeltaBatcher(
      () => this.#requireConnection(),
      this.#logger,
      'kratix-dynamodb',
    );
    this.#spreadMs = options.spreadMs ?? 90_000;
    this.#pageSize = options.pageSize;
    this.#tenancy = options.tenancy;
    this.#sources = sourcesFor(options.tenancy);
    this.#followedClusters = new FollowedClusters({
      clients: options.clusters.clients,
      logger: options.logger,
      provider: 'kratix-dynamodb',
    });
  }

  getProviderName(): string {
    return 'kratix-dynamodb';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    for (const cluster of await this.#followedClusters.names()) {
      // Owners from namespace labels are known before the first entity is made.
      await this.#tenancy.ready?.(cluster);
      for (const source of this.#sources) {
        const informer = await this.#informer(cluster, source);
        if (!informer) continue;
        this.#unsubscribes.push(
          informer.subscribe(change =>
            this.#onChange(cluster, source.toEntity, change),
          ),
        );
      }
    }
    await this.#runner.run({
      id: 'kratix-dynamodb-entity-provider:full-sync',
      fn: () => this.fullSync(),
    });
  }

  /** Stops following the clusters (the informers themselves belong to the shared service). */
  disconnect() {
    this.#unsubscribes.splice(0).forEach(stop => stop());
    this.#batcher.stop();
  }

  /**
   * Replaces this provider's entities with what the caches hold. Skipped, with a warning, while
   * any cluster's cache is not in sync, so that a cluster blip never deletes its entities.
   */
  async fullSync(): Promise<void> {
    const startedAt = Date.now();
    const connection = this.#requireConnection();
    const entities = new Map<string, DeferredEntity>();
    this.#changedDuringSync = new Map();
    try {
      for (const cluster of await this.#followedClusters.names()) {
        await this.#tenancy.ready?.(cluster);
        for (const source of this.#sources) {
          const listed = await this.#entitiesOf(cluster, source);
          if (!listed) return;
          for (const entity of listed)
            entities.set(stringifyEntityRef(entity), {
              entity,
              locationKey: locationKey(cluster),
            });
        }
      }
      // A change the watches reported while the sync listed is newer than what it listed.
      for (const [ref, entity] of this.#changedDuringSync) {
        if (entity) entities.set(ref, entity);
        else entities.delete(ref);
      }
    } finally {
      this.#changedDuringSync = undefined;
    }
    await connection.applyMutation({
      type: 'full',
      entities: [...entities.values()],
    });
    // One line per run: with several replicas it shows which one ran the sync, and that only
    // one did (the scheduler's global lock). The duration dates the run's start, which is what
    // the schedule spaces out; the line itself comes after a mutation that can take seconds.
    this.#logger.info(
      `kratix-dynamodb: full catalog sync applied ${
        entities.size
      } entities in ${Date.now() - startedAt} ms`,
    );
  }

  /**
   * A kind's entities on a cluster: from the informer's cache, or in bounded mode (a watch that
   * keeps nothing) from the API server in spread-out pages. Undefined, with a warning, when
   * the kind cannot be read: the sync then keeps every entity as it was.
   */
  async #entitiesOf(
    cluster: string,
    source: Source,
  ): Promise<Entity[] | undefined> {
    const informer = await this.#informer(cluster, source);
    const state = informer
      ? await informer.waitForFirstSync(FIRST_SYNC_TIMEOUT_MS)
      : undefined;
    if (
      !informer ||
      !state ||
      (state.kind !== 'synced' && state.kind !== 'missing-api')
    ) {
      const why = state && 'message' in state ? state.message : 'no client';
      this.#logger.warn(
        `kratix-dynamodb: full catalog sync skipped: ${source.gvk.kind}s on cluster '${cluster}' are not in sync (${why}); its entities are kept as they were`,
      );
      return undefined;
    }
    if (state.kind === 'missing-api') return [];
    if (informer.keepsObjects) {
      return [...informer.values()].flatMap(
        object => source.toEntity(cluster, object) ?? [],
      );
    }
    const id = `${cluster}|${source.gvk.kind}`;
    try {
      const { entities, pages } = await listEntitiesInPages({
        client: await this.#clusters.clients.forCluster(cluster),
        gvk: source.gvk,
        labelSelector: source.labelSelector,
        toEntity: object => source.toEntity(cluster, object),
        spreadMs: this.#spreadMs,
        pageSize: this.#pageSize,
        pagesLastTime: this.#pagesLastTime.get(id),
      });
      this.#pagesLastTime.set(id, pages);
      return entities;
    } catch (e) {
      this.#logger.warn(
        `kratix-dynamodb: full catalog sync skipped: listing ${
          source.gvk.kind
        }s on cluster '${cluster}' failed (${
          (e as Error).message
        }); its entities are kept as they were`,
      );
      return undefined;
    }
  }

  /**
   * The informer the provider follows a kind through: the shared cache of the kind, or in
   * bounded mode (more objects than kratixDynamodb.cache.fullCacheLimit) a watch that keeps
   * nothing and only reports changes.
   */
  async #informer(
    cluster: string,
    source: Source,
  ): Promise<ObjectInformer | undefined> {
    const { gvk, labelSelector } = source;
    try {
      const mode = await this.#clusters.informers.cacheMode(
        cluster,
        gvk,
        labelSelector,
      );
      return await this.#clusters.informers.informer(cluster, gvk, {
        labelSelector,
        cache: mode === 'full',
      });
    } catch (e) {
      this.#logger.warn(
        `kratix-dynamodb: cannot follow ${gvk.kind}s on cluster '${cluster}': ${
          (e as Error).message
        }`,
      );
      return undefined;
    }
  }

  #requireConnection(): EntityProviderConnection {
    if (!this.#connection)
      throw new Error('KratixDynamoDBEntityProvider is not connected');
    return this.#connection;
  }

  #onChange(
    cluster: string,
    toEntity: (cluster: string, o: KubernetesObject) => Entity | undefined,
    change: InformerChange,
  ) {
    const now =
      change.type === 'upsert' ? toEntity(cluster, change.object) : undefined;
    const before =
      change.type === 'delete'
        ? toEntity(cluster, change.object)
        : change.previous && toEntity(cluster, change.previous);
    // Status writes change the object but not its entity: the catalog hears nothing of them.
    if (JSON.stringify(now) === JSON.stringify(before)) return;
    // Without a cache (bounded mode) the previous object is unknown: recently sent entities
    // stand in for it.
    if (now && change.type === 'upsert' && !change.previous) {
      if (this.#recentlySent.unchanged(now)) return;
    }
    if (
      before &&
      (!now || stringifyEntityRef(before) !== stringifyEntityRef(now))
    )
      this.#recentlySent.forget(before);
    const queued = this.#batcher.change(before, now, locationKey(cluster));
    for (const [ref, added] of queued) this.#changedDuringSync?.set(ref, added);
  }
}
