import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { GroupVersionKind } from '@kratix-dynamodb/common';
import { KubernetesClient, KubernetesObject, WatchEvent } from '@kratix-dynamodb/node';

/** Where the cache stands: `missing-api` is an answer (the kind is not installed), not a fault. */
export type CacheState =
  | { kind: 'syncing' }
  | { kind: 'synced' }
  | { kind: 'missing-api'; message: string }
  | { kind: 'failed'; message: string };

const key = (namespace: string | undefined, name: string) => `${namespace ?? ''}/${name}`;

/**
 * An informer: one list, then a watch, of one kind on one cluster, kept in memory. Card views
 * read from here, so a thousand views cost the cluster nothing beyond the watch.
 */
export class ObjectCache {
  readonly #client: KubernetesClient;
  readonly #gvk: GroupVersionKind;
  readonly #logger: LoggerService;
  readonly #objects = new Map<string, KubernetesObject>();
  #state: CacheState = { kind: 'syncing' };
  #firstSync: Promise<void>;
  #resolveFirstSync!: () => void;
  #stopWatch?: () => void;
  #timer?: ReturnType<typeof setTimeout>;
  #stopped = false;
  #failures = 0;

  constructor(client: KubernetesClient, gvk: GroupVersionKind, logger: LoggerService) {
    this.#client = client;
    this.#gvk = gvk;
    this.#logger = logger;
    this.#firstSync = new Promise(resolve => (this.#resolveFirstSync = resolve));
    void this.#relist();
  }

  get state(): CacheState {
    return this.#state;
  }

  /** Resolves once the first list has answered (or failed), or after `timeoutMs`. */
  async waitForFirstSync(timeoutMs: number): Promise<CacheState> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>(resolve => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([this.#firstSync, timeout]);
    clearTimeout(timer);
    if (this.#state.kind === 'syncing') {
      return { kind: 'failed', message: `cluster '${this.#client.cluster}' did not answer within ${timeoutMs} ms` };
    }
    return this.#state;
  }

  get(namespace: string | undefined, name: string): KubernetesObject | undefined {
    return this.#objects.get(key(namespace, name));
  }

  /** The first object that matches; no copy of the cache is made on this hot path. */
  find(predicate: (o: KubernetesObject) => boolean): KubernetesObject | undefined {
    for (const object of this.#objects.values()) if (predicate(object)) return object;
    return undefined;
  }

  stop() {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#stopWatch?.();
  }

  #retryLater() {
    if (this.#stopped) return;
    // Back off up to 30 s, so a missing or broken cluster is not hammered.
    const delay = Math.min(30_000, 500 * 2 ** Math.min(this.#failures, 6));
    this.#failures++;
    this.#timer = setTimeout(() => void this.#relist(), delay);
    this.#timer.unref?.();
  }

  async #relist() {
    if (this.#stopped) return;
    try {
      const list = await this.#client.list(this.#gvk);
      this.#objects.clear();
      for (const item of list.items) this.#objects.set(key(item.metadata.namespace, item.metadata.name), item);
      this.#state = { kind: 'synced' };
      this.#failures = 0;
      this.#resolveFirstSync();
      await this.#watch(list.metadata.resourceVersion);
    } catch (e) {
      const message = (e as Error).message;
      this.#state = e instanceof NotFoundError ? { kind: 'missing-api', message } : { kind: 'failed', message };
      if (e instanceof NotFoundError) this.#objects.clear();
      this.#resolveFirstSync();
      this.#logger.debug(`kratix-dynamodb: listing ${this.#gvk.kind} on ${this.#client.cluster} failed: ${message}`);
      this.#retryLater();
    }
  }

  async #watch(resourceVersion: string | undefined) {
    const handle = await this.#client.watch(
      this.#gvk,
      { resourceVersion },
      (event: WatchEvent) => {
        const k = key(event.object.metadata?.namespace, event.object.metadata?.name);
        if (event.type === 'ADDED' || event.type === 'MODIFIED') this.#objects.set(k, event.object);
        else if (event.type === 'DELETED') this.#objects.delete(k);
      },
      () => {
        // The server ends watches now and then; re-list to catch what was missed.
        if (!this.#stopped) this.#retryLater();
      },
    );
    this.#stopWatch = handle.close;
  }
}
