import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ANNOTATIONS,
  LABELS,
  statusChangedChannel,
  StatusChangedMessage,
} from '@kratix-dynamodb/common';
import { ClusterInformers, KubernetesObject } from '@kratix-dynamodb/node';
import { SignalsService } from '@backstage/plugin-signals-node';

export type StatusChangeSignalsOptions = {
  /** Entities watched at most at once; the least recently viewed go first. */
  maxEntities?: number;
  /** An entity not viewed for this long is no longer watched (an open card re-reads well within it). */
  watchTtlMs?: number;
  /** Changes to one entity within this window make one signal. */
  debounceMs?: number;
};

const objectKey = (
  cluster: string,
  kind: string,
  namespace: string | undefined,
  name: string,
) => `${cluster}|${kind}|${namespace ?? ''}/${name}`;

/**
 * Tells open cards when their chain changed, through Backstage signals, so that they need not
 * poll. Each status read registers the objects the chain was judged from; a change the shared
 * informers see to one of them, or a health probe whose answer changed, publishes a signal on
 * the entity's channel. Only recently viewed entities are watched, in a bounded map, so the
 * cost follows the open cards, not the size of the cluster.
 */
export class StatusChangeSignals {
  readonly #signals: SignalsService;
  readonly #logger: LoggerService;
  readonly #maxEntities: number;
  readonly #watchTtlMs: number;
  readonly #debounceMs: number;
  /** entity ref → when it was last viewed and the object keys its chain reads. */
  readonly #entities = new Map<string, { viewedAt: number; keys: string[] }>();
  /** object key → entity refs. */
  readonly #byObject = new Map<string, Set<string>>();
  readonly #pending = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #unsubscribe: () => void;

  constructor(
    informers: ClusterInformers,
    signals: SignalsService,
    logger: LoggerService,
    options: StatusChangeSignalsOptions = {},
  ) {
    this.#signals = signals;
    this.#logger = logger;
    this.#maxEntities = options.maxEntities ?? 5000;
    this.#watchTtlMs = options.watchTtlMs ?? 15 * 60_000;
    this.#debounceMs = options.debounceMs ?? 200;
    // Every informer's changes, the whole-kind caches' and the bounded mode's per-object
    // watches' alike: which of them a chain was read from depends on the cluster's mode.
    this.#unsubscribe = informers.subscribeAll((change, informer) => {
      for (const key of this.#keysOf(informer.cluster, change.object))
        this.#notify(key);
    });
  }

  /** Called after each status read: the objects this entity's chain depends on. */
  watch(
    entityRef: string,
    cluster: string,
    annotations: Record<string, string>,
    seen: KubernetesObject[],
  ) {
    const keys = new Set<string>([
      objectKey(cluster, 'Promise', undefined, '*'),
    ]);
    const refKey = (kind: string, ref: string | undefined) => {
      if (!ref) return;
      const [namespace, name] = ref.includes('/')
        ? ref.split('/', 2)
        : ['default', ref];
      keys.add(objectKey(cluster, kind, namespace, name));
    };
    refKey('DynamoDBRequest', annotations[ANNOTATIONS.request]);
    refKey('Application', annotations[ANNOTATIONS.application]);
    for (const object of seen) {
      for (const key of this.#keysOf(cluster, object)) keys.add(key);
      if (object.kind === 'Application') {
        for (const c of object.spec?.components ?? []) {
          keys.add(
            objectKey(
              cluster,
              c.type === 'webservice' ? 'Service' : 'DynamoDBRequest',
              object.metadata.namespace,
              c.name,
            ),
          );
        }
      }
    }
    this.#forget(entityRef);
    this.#entities.set(entityRef, { viewedAt: Date.now(), keys: [...keys] });
    for (const key of keys) {
      let refs = this.#byObject.get(key);
      if (!refs) this.#byObject.set(key, (refs = new Set()));
      refs.add(entityRef);
    }
    this.#evict();
  }

  /** A health probe's answer changed: the entities whose app has that service hear of it. */
  probeChanged(target: {
    cluster: string;
    namespace: string;
    service: string;
  }) {
    this.#notify(
      objectKey(target.cluster, 'Service', target.namespace, target.service),
    );
  }

  stop() {
    this.#unsubscribe();
    for (const timer of this.#pending.values()) clearTimeout(timer);
    this.#pending.clear();
  }

  get watchedEntities(): number {
    return this.#entities.size;
  }

  /** The keys an object answers to. A Table answers for the request its labels name. */
  #keysOf(cluster: string, object: KubernetesObject): string[] {
    const { namespace, name, labels } = object.metadata;
    switch (object.kind) {
      case 'Promise':
        return [objectKey(cluster, 'Promise', undefined, '*')];
      case 'Table': {
        const request = labels?.[LABELS.requestName];
        return request
          ? [
              objectKey(
                cluster,
                'DynamoDBRequest',
                labels?.[LABELS.requestNamespace] ?? namespace,
                request,
              ),
            ]
          : [];
      }
      default:
        return object.kind
          ? [objectKey(cluster, object.kind, namespace, name)]
          : [];
    }
  }

  #notify(key: string) {
    const refs = this.#byObject.get(key);
    if (!refs) return;
    const now = Date.now();
    for (const entityRef of refs) {
      const entry = this.#entities.get(entityRef);
      if (!entry || now - entry.viewedAt > this.#watchTtlMs) {
        this.#forget(entityRef);
        continue;
      }
      if (this.#pending.has(entityRef)) continue;
      const timer = setTimeout(() => {
        this.#pending.delete(entityRef);
        const message: StatusChangedMessage = { type: 'status-changed' };
        this.#signals
          .publish({
            recipients: { type: 'broadcast' },
            channel: statusChangedChannel(entityRef),
            message,
          })
          .catch(e =>
            this.#logger.warn(
              `kratix-dynamodb: could not publish a status signal: ${
                (e as Error).message
              }`,
            ),
          );
      }, this.#debounceMs);
      timer.unref?.();
      this.#pending.set(entityRef, timer);
    }
  }

  #forget(entityRef: string) {
    const entry = this.#entities.get(entityRef);
    if (!entry) return;
    this.#entities.delete(entityRef);
    for (const key of entry.keys) {
      const refs = this.#byObject.get(key);
      refs?.delete(entityRef);
      if (refs && refs.size === 0) this.#byObject.delete(key);
    }
  }

  /** Keeps the map bounded: Map keeps insertion order, and `watch` re-inserts on every view. */
  #evict() {
    while (this.#entities.size > this.#maxEntities) {
      const oldest = this.#entities.keys().next().value as string;
      this.#forget(oldest);
    }
  }
}
