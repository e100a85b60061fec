import {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  DYNAMODB_REQUEST_GVK,
  GroupVersionKind,
  KRATIX_PROMISE_GVK,
  promiseApiOf,
} from '@kratix-dynamodb/common';
import {
  InformerChange,
  KratixClustersService,
  KubernetesObject,
  ObjectInformer,
} from '@kratix-dynamodb/node';
import {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { FollowedClusters } from '../FollowedClusters';
import { EntityDeltaBatcher } from '../EntityDeltaBatcher';
import { promiseRequestToEntity } from './promiseRequestToEntity';
import {
  PromiseTemplateOptions,
  promiseToTemplateEntity,
} from './promiseToTemplateEntity';

const FIRST_SYNC_TIMEOUT_MS = 30_000;
const locationKey = (cluster: string) => `kratix-promises:${cluster}`;

/** Kinds another provider already makes entities of (with their own type and card). */
const KINDS_WITH_THEIR_OWN_PROVIDER = [DYNAMODB_REQUEST_GVK];

const sameKind = (a: GroupVersionKind, b: GroupVersionKind) =>
  a.group === b.group && a.kind === b.kind;

/** @public Who owns the entity of a request: by default the owner annotation on it. */
export type RequestOwner = (
  cluster: string,
  request: KubernetesObject,
) => string;

/**
 * Follows the Promises on every configured cluster, on the shared watch caches: a Template
 * per Promise (`<cluster>-<promise>`, its form from the Promise's API) and a Resource per
 * request of each Promise's kind, typed by the Promise's name. Changes are delta mutations,
 * so a Promise deleted from a cluster takes its template with it within moments; the full
 * sync on the schedule only repairs drift, and never while a cache is out of sync.
 */
export class KratixPromiseEntityProvider implements EntityProvider {
  readonly #clusters: KratixClustersService;
  readonly #logger: LoggerService;
  readonly #runner: SchedulerServiceTaskRunner;
  readonly #templates: PromiseTemplateOptions;
  readonly #ownerOf: RequestOwner;
  readonly #batcher: EntityDeltaBatcher;
  readonly #followedClusters: FollowedClusters;
  #connection?: EntityProviderConnection;
  /** cluster|group/version/kind → the Promise whose requests that informer follows. */
  readonly #followed = new Map<string, string>();
  readonly #unsubscribes: Array<() => void> = [];

  constructor(options: {
    clusters: KratixClustersService;
    logger: LoggerService;
    runner: SchedulerServiceTaskRunner;
    templates: PromiseTemplateOptions;
    ownerOfRequest?: RequestOwner;
  }) {
    this.#clusters = options.clusters;
    this.#logger = options.logger;
    this.#runner = options.runner;
    this.#templates = options.templates;
    this.#followedClusters = new FollowedClusters({
      clients: options.clusters.clients,
      logger: options.logger,
      provider: 'kratix-promises',
    });
    this.#ownerOf =
      options.ownerOfRequest ??
      ((_cluster, request) =>
        request.metadata.annotations?.[ANNOTATIONS.owner] ??
        options.templates.defaultOwner);
    this.#batcher = new EntityDeltaBatcher(
      () => this.#requireConnection(),
      this.#logger,
      'kratix-promises',
    );
  }

  getProviderName(): string {
    return 'kratix-promises';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    for (const cluster of await this.#followedClusters.names()) {
      const promises = await this.#informer(cluster, KRATIX_PROMISE_GVK);
      if (!promises) continue;
      this.#unsubscribes.push(
        promises.subscribe(change => this.#onPromise(cluster, change)),
      );
      for (const promise of promises.values())
        await this.#followRequests(cluster, promise);
    }
    await this.#runner.run({
      id: 'kratix-promise-entity-provider:full-sync',
      fn: () => this.fullSync(),
    });
  }

  disconnect() {
    this.#unsubscribes.splice(0).forEach(stop => stop());
    this.#batcher.stop();
  }

  /** Replaces this provider's entities with what the caches hold, when all are in sync. */
  async fullSync(): Promise<void> {
    const connection = this.#requireConnection();
    const entities: DeferredEntity[] = [];
    for (const cluster of await this.#followedClusters.names()) {
      const promises = await this.#synced(cluster, KRATIX_PROMISE_GVK);
      if (!promises) return;
      for (const promise of promises.values()) {
        const template = this.#template(cluster, promise);
        if (template)
          entities.push({
            entity: template,
            locationKey: locationKey(cluster),
          });
        const api = this.#followedApi(promise);
        if (!api) continue;
        await this.#followRequests(cluster, promise);
        const requests = await this.#synced(cluster, api);
        if (!requests) return;
        for (const request of requests.values())
          entities.push({
            entity: this.#resource(cluster, promise.metadata.name, request),
            locationKey: locationKey(cluster),
          });
      }
    }
    await connection.applyMutation({ type: 'full', entities });
  }

  #template(cluster: string, promise: KubernetesObject): Entity | undefined {
    return promiseToTemplateEntity(cluster, promise, this.#templates);
  }

  #resource(cluster: string, promise: string, request: KubernetesObject) {
    return promiseRequestToEntity(
      { cluster, promise, owner: this.#ownerOf(cluster, request) },
      request,
    );
  }

  /** The request kind of a Promise, unless another provider makes its entities. */
  #followedApi(promise: KubernetesObject): GroupVersionKind | undefined {
    const api = promiseApiOf(promise);
    if (!api || KINDS_WITH_THEIR_OWN_PROVIDER.some(k => sameKind(k, api.gvk)))
      return undefined;
    return api.gvk;
  }

  #onPromise(cluster: string, change: InformerChange) {
    const now =
      change.type === 'upsert'
        ? this.#template(cluster, change.object)
        : undefined;
    const before =
      change.type === 'delete'
        ? this.#template(cluster, change.object)
        : change.previous && this.#template(cluster, change.previous);
    this.#batcher.change(before, now, locationKey(cluster));
    if (change.type === 'upsert')
      this.#followRequests(cluster, change.object).catch(e =>
        this.#logger.warn(`kratix-promises: ${(e as Error).message}`),
      );
  }

  /** Starts following a Promise's requests once per cluster and kind. */
  async #followRequests(cluster: string, promise: KubernetesObject) {
    const gvk = this.#followedApi(promise);
    if (!gvk) return;
    const key = `${cluster}|${gvk.group}/${gvk.version}/${gvk.kind}`;
    if (this.#followed.has(key)) return;
    this.#followed.set(key, promise.metadata.name);
    const informer = await this.#informer(cluster, gvk);
    if (!informer) {
      this.#followed.delete(key);
      return;
    }
    this.#unsubscribes.push(
      informer.subscribe(change => {
        const name = this.#followed.get(key)!;
        const toEntity = (o: KubernetesObject) =>
          this.#resource(cluster, name, o);
        const now =
          change.type === 'upsert' ? toEntity(change.object) : undefined;
        const before =
          change.type === 'delete'
            ? toEntity(change.object)
            : change.previous && toEntity(change.previous);
        this.#batcher.change(before, now, locationKey(cluster));
      }),
    );
  }

  async #synced(cluster: string, gvk: GroupVersionKind) {
    const informer = await this.#informer(cluster, gvk);
    const state = informer
      ? await informer.waitForFirstSync(FIRST_SYNC_TIMEOUT_MS)
      : undefined;
    if (informer && (state?.kind === 'synced' || state?.kind === 'missing-api'))
      return informer;
    this.#logger.warn(
      `kratix-promises: full catalog sync skipped: ${gvk.kind}s on cluster '${cluster}' are not in sync; its entities are kept as they were`,
    );
    return undefined;
  }

  async #informer(
    cluster: string,
    gvk: GroupVersionKind,
  ): Promise<ObjectInformer | undefined> {
    try {
      return await this.#clusters.informers.informer(cluster, gvk);
    } catch (e) {
      this.#logger.warn(
        `kratix-promises: cannot follow ${gvk.kind}s on cluster '${cluster}': ${
          (e as Error).message
        }`,
      );
      return undefined;
    }
  }

  #requireConnection(): EntityProviderConnection {
    if (!this.#connection)
      throw new Error('KratixPromiseEntityProvider is not connected');
    return this.#connection;
  }
}
