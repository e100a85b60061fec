import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { GroupVersionKind } from '@kratix-dynamodb/common';
import { TransportError } from '../httpTransport';
import {
  KubernetesClient,
  KubernetesObject,
  WatchEvent,
} from '../KubernetesClient';
import { listAll, listInPages } from './listInPages';
import { slimObject } from './slimObject';

/**
 * Where an informer stands.
 * - `missing-api`: the kind is not installed on the cluster. An answer, not a fault.
 * - `stale`: the cache was synced, but its watch broke `since` then; what it holds may be old.
 * - `failed`: no list has ever succeeded.
 * @public
 */
export type InformerState =
  | { kind: 'syncing' }
  | { kind: 'synced' }
  | { kind: 'missing-api'; message: string }
  | { kind: 'stale'; since: string; message: string }
  | { kind: 'failed'; message: string };

/**
 * A change the informer saw. `previous` is absent for a new object. After a re-list the
 * differences to what the cache held are reported the same way, so listeners never miss one.
 * @public
 */
export type InformerChange =
  | { type: 'upsert'; object: KubernetesObject; previous?: KubernetesObject }
  | { type: 'delete'; object: KubernetesObject };

/** @public */
export type InformerOptions = {
  /** No event and no bookmark for this long means a dead connection: the watch restarts. */
  idleTimeoutMs?: number;
  /** Upper bound of the back-off between failed attempts. */
  maxBackoffMs?: number;
  /**
   * Only objects with these labels (a Kubernetes label selector): the cache holds what its
   * readers look up, not the whole kind.
   */
  labelSelector?: string;
  /**
   * Only objects these fields pick, e.g. `metadata.name=orders`: with `namespace`, the bounded
   * mode's watch of one object.
   */
  fieldSelector?: string;
  /** Only this namespace's objects. */
  namespace?: string;
  /** Objects per page of the (re-)list; default 500. */
  pageSize?: number;
  /**
   * false: keep no objects, only report changes (the catalog provider's watch in bounded mode).
   * Its list then only learns where the watch starts, and `previous` is never known.
   */
  cache?: boolean;
  /**
   * How long the server should keep one watch open. Default: 5-10 minutes at random, as
   * client-go does, so that connections cycle and never all at once.
   */
  watchTimeoutSeconds?: number;
};

/** @public */
export type InformerCounters = {
  lists: number;
  watches: number;
  watchErrors: number;
  malformedLines: number;
  idleRestarts: number;
};

const key = (namespace: string | undefined, name: string) =>
  `${namespace ?? ''}/${name}`;

/**
 * One kind on one cluster, kept in memory the way client-go's informers keep it: one list, then
 * a watch that resumes from the last resourceVersion it saw (bookmarks included) whenever it
 * ends. Only a 410 Gone — the server no longer has that version — costs a new list. Failures
 * back off exponentially and are logged and counted; a watch that falls silent for longer than
 * the idle timeout is restarted. Readers see the cache's state, so stale data is never
 * presented as current.
 * @public
 */
export class ObjectInformer {
  readonly cluster: string;
  readonly gvk: GroupVersionKind;
  readonly counters: InformerCounters = {
    lists: 0,
    watches: 0,
    watchErrors: 0,
    malformedLines: 0,
    idleRestarts: 0,
  };
  readonly #client: KubernetesClient;
  readonly #logger: LoggerService;
  readonly #idleTimeoutMs: number;
  readonly #maxBackoffMs: number;
  readonly #watchTimeoutSeconds?: number;
  readonly #selection: {
    namespace?: string;
    labelSelector?: string;
    fieldSelector?: string;
  };
  readonly #pageSize?: number;
  readonly #cache: boolean;
  /** A list has been tried before: a new one follows a gap in what the watch reported. */
  #listedBefore = false;
  readonly #objects = new Map<string, KubernetesObject>();
  readonly #listeners = new Set<(change: InformerChange) => void>();
  #state: InformerState = { kind: 'syncing' };
  #resourceVersion?: string;
  #firstSync: Promise<void>;
  #resolveFirstSync!: () => void;
  #closeWatch?: () => void;
  #retryTimer?: ReturnType<typeof setTimeout>;
  #idleTimer?: ReturnType<typeof setTimeout>;
  #failures = 0;
  #stopped = false;
  /** After a silent connection, a new one must prove it is alive (an event or bookmark) first. */
  #awaitingLife = false;

  constructor(
    client: KubernetesClient,
    gvk: GroupVersionKind,
    logger: LoggerService,
    options: InformerOptions = {},
  ) {
    this.cluster = client.cluster;
    this.#client = client;
    this.gvk = gvk;
    this.#logger = logger;
    this.#idleTimeoutMs = options.idleTimeoutMs ?? 5 * 60_000;
    this.#maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.#watchTimeoutSeconds = options.watchTimeoutSeconds;
    this.#selection = {
      namespace: options.namespace,
      labelSelector: options.labelSelector,
      fieldSelector: options.fieldSelector,
    };
    this.#pageSize = options.pageSize;
    this.#cache = options.cache ?? true;
    this.#firstSync = new Promise(
      resolve => (this.#resolveFirstSync = resolve),
    );
    void this.#list();
  }

  get #apiVersion() {
    return this.gvk.group
      ? `${this.gvk.group}/${this.gvk.version}`
      : this.gvk.version;
  }

  get state(): InformerState {
    return this.#state;
  }

  get size(): number {
    return this.#objects.size;
  }

  /** False for a watch that only reports changes (`cache: false`). */
  get keepsObjects(): boolean {
    return this.#cache;
  }

  /** Resolves once the first list has answered (or failed), or after `timeoutMs`. */
  async waitForFirstSync(timeoutMs: number): Promise<InformerState> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>(
      resolve => (timer = setTimeout(resolve, timeoutMs)),
    );
    await Promise.race([this.#firstSync, timeout]);
    clearTimeout(timer);
    if (this.#state.kind === 'syncing') {
      return {
        kind: 'failed',
        message: `cluster '${this.cluster}' did not answer within ${timeoutMs} ms`,
      };
    }
    return this.#state;
  }

  get(
    namespace: string | undefined,
    name: string,
  ): KubernetesObject | undefined {
    return this.#objects.get(key(namespace, name));
  }

  /** The first object that matches; no copy of the cache is made on this hot path. */
  find(
    predicate: (o: KubernetesObject) => boolean,
  ): KubernetesObject | undefined {
    for (const object of this.#objects.values())
      if (predicate(object)) return object;
    return undefined;
  }

  values(): IterableIterator<KubernetesObject> {
    return this.#objects.values();
  }

  /** Calls `listener` for every change from now on; returns the function that stops it. */
  subscribe(listener: (change: InformerChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  stop() {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#idleTimer);
    this.#closeWatch?.();
    this.#listeners.clear();
  }

  #emit(change: InformerChange) {
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch (e) {
        this.#logger.warn(
          `kratix-dynamodb: an informer listener for ${this.#describe()} failed: ${
            (e as Error).message
          }`,
        );
      }
    }
  }

  #describe() {
    return `${this.gvk.kind} on cluster '${this.cluster}'`;
  }

  #retry(next: () => Promise<void>, error: Error) {
    if (this.#stopped) return;
    this.#failures++;
    const delay = Math.min(
      this.#maxBackoffMs,
      500 * 2 ** Math.min(this.#failures - 1, 10),
    );
    this.#logger.warn(
      `kratix-dynamodb: ${this.#describe()}: ${
        error.message
      }; retrying in ${delay} ms`,
    );
    this.#retryTimer = setTimeout(() => void next(), delay);
    this.#retryTimer.unref?.();
  }

  async #list() {
    if (this.#stopped) return;
    this.counters.lists++;
    try {
      // In pages, so neither the API server nor this process holds one huge answer at once.
      const list = this.#cache
        ? await listAll(this.#client, this.gvk, this.#selection, this.#pageSize)
        : await this.#listWithoutCache();
      if (this.#stopped) return;
      if (this.#cache) this.#replaceAll(list.items);
      this.#resourceVersion = list.resourceVersion;
      this.#listedBefore = true;
      this.#state = { kind: 'synced' };
      this.#resolveFirstSync();
      await this.#watch();
    } catch (e) {
      const error = e as Error;
      if (error instanceof NotFoundError) {
        this.#replaceAll([]);
        this.#state = { kind: 'missing-api', message: error.message };
      } else if (
        this.#state.kind === 'synced' ||
        this.#state.kind === 'stale'
      ) {
        this.#markStale(error.message);
      } else {
        this.#state = { kind: 'failed', message: error.message };
      }
      this.#listedBefore = true;
      this.#resolveFirstSync();
      this.#retry(() => this.#list(), error);
    }
  }

  /**
   * The list of a watch that keeps nothing. The first needs only the revision to start from
   * (one object's page). A later one follows a gap (a 410, a failure, an API installed late):
   * every object is reported as an upsert, page by page, so no change in the gap is lost.
   * Deletions in a gap cannot be told without a cache; the provider's full sync repairs them.
   */
  async #listWithoutCache(): Promise<{
    items: KubernetesObject[];
    resourceVersion?: string;
  }> {
    if (!this.#listedBefore)
      return listAll(this.#client, this.gvk, this.#selection, 1, 1);
    let resourceVersion: string | undefined;
    for await (const page of listInPages(
      this.#client,
      this.gvk,
      this.#selection,
      { pageSize: this.#pageSize, onExpired: 'restart' },
    )) {
      if (this.#stopped) break;
      resourceVersion = page.resourceVersion;
      for (const item of page.items)
        this.#upsert(key(item.metadata.namespace, item.metadata.name), item);
    }
    return { items: [], resourceVersion };
  }

  /** Replaces the cache with a fresh list, telling listeners what differs. */
  #replaceAll(items: KubernetesObject[]) {
    const seen = new Set<string>();
    for (const item of items) {
      const k = key(item.metadata.namespace, item.metadata.name);
      seen.add(k);
      this.#upsert(k, item);
    }
    for (const [k, object] of this.#objects) {
      if (!seen.has(k)) {
        this.#objects.delete(k);
        this.#emit({ type: 'delete', object });
      }
    }
  }

  #upsert(k: string, raw: KubernetesObject) {
    // Items of a list carry no kind; readers of the cache should not have to know where an
    // object came from.
    const typed = raw.kind
      ? raw
      : { ...raw, kind: this.gvk.kind, apiVersion: this.#apiVersion };
    const object = slimObject(typed);
    if (!this.#cache) {
      this.#emit({ type: 'upsert', object });
      return;
    }
    const previous = this.#objects.get(k);
    if (
      previous?.metadata.resourceVersion &&
      previous.metadata.resourceVersion === object.metadata.resourceVersion
    )
      return;
    this.#objects.set(k, object);
    this.#emit({ type: 'upsert', object, previous });
  }

  #markStale(message: string) {
    if (this.#state.kind !== 'stale')
      this.#state = { kind: 'stale', since: new Date().toISOString(), message };
    else this.#state = { ...this.#state, message };
  }

  #armIdleTimer() {
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => {
      this.counters.idleRestarts++;
      this.#awaitingLife = true;
      this.#closeWatch?.();
      this.#markStale(
        `the watch sent nothing for ${Math.round(
          this.#idleTimeoutMs / 1000,
        )} s`,
      );
      this.#logger.warn(
        `kratix-dynamodb: ${this.#describe()}: the watch fell silent; restarting it`,
      );
      void this.#watch();
    }, this.#idleTimeoutMs);
    this.#idleTimer.unref?.();
  }

  async #watch() {
    if (this.#stopped) return;
    this.#closeWatch?.();
    this.counters.watches++;
    const opened = Date.now();
    let ended = false;
    let handle: { close: () => void } | undefined;
    const onEvent = (event: WatchEvent) => {
      if (ended) return;
      this.#armIdleTimer();
      if (this.#awaitingLife) {
        this.#awaitingLife = false;
        if (this.#state.kind === 'stale') this.#state = { kind: 'synced' };
      }
      this.#onWatchEvent(event, () => {
        ended = true;
        handle?.close();
        clearTimeout(this.#idleTimer);
      });
    };
    const onEnd = (error?: Error) => {
      if (ended || this.#stopped) return;
      ended = true;
      clearTimeout(this.#idleTimer);
      if (!error) {
        // The server closes watches now and then (its timeout): resume where it stopped. A watch
        // that ends at once, again and again, is treated as a failure so it cannot spin.
        if (Date.now() - opened > 1000) {
          this.#failures = 0;
          void this.#watch();
          return;
        }
        this.#markStale('the watch ended as soon as it opened');
        this.#retry(
          () => this.#watch(),
          new Error('the watch ended as soon as it opened'),
        );
        return;
      }
      this.counters.watchErrors++;
      if (error instanceof TransportError && error.status === 410) {
        void this.#list();
        return;
      }
      this.#markStale(error.message);
      // A 404 means the kind may be gone: the list finds out. Anything else resumes the watch.
      this.#retry(
        () =>
          error instanceof TransportError && error.status === 404
            ? this.#list()
            : this.#watch(),
        error,
      );
    };
    try {
      handle = await this.#client.watch(
        this.gvk,
        {
          resourceVersion: this.#resourceVersion,
          ...this.#selection,
          timeoutSeconds:
            this.#watchTimeoutSeconds ?? 300 + Math.floor(Math.random() * 300),
          onMalformed: line => {
            this.counters.malformedLines++;
            this.#logger.warn(
              `kratix-dynamodb: ${this.#describe()}: skipped a malformed watch line (${
                line.length
              } characters)`,
            );
          },
        },
        onEvent,
        onEnd,
      );
    } catch (e) {
      onEnd(e as Error);
      return;
    }
    if (this.#stopped || ended) {
      handle.close();
      return;
    }
    this.#closeWatch = () => {
      ended = true;
      handle?.close();
    };
    this.#armIdleTimer();
    if (this.#state.kind === 'stale' && !this.#awaitingLife)
      this.#state = { kind: 'synced' };
  }

  #onWatchEvent(event: WatchEvent, endWatch: () => void) {
    const object = event.object;
    const version = object?.metadata?.resourceVersion;
    switch (event.type) {
      case 'ADDED':
      case 'MODIFIED':
        this.#upsert(
          key(object.metadata.namespace, object.metadata.name),
          object,
        );
        break;
      case 'DELETED': {
        const k = key(object.metadata.namespace, object.metadata.name);
        const previous = this.#cache ? this.#objects.get(k) : object;
        if (previous) {
          this.#objects.delete(k);
          this.#emit({ type: 'delete', object: previous });
        }
        break;
      }
      case 'BOOKMARK':
        break;
      case 'ERROR': {
        // An ERROR event carries a Status; 410 means our resourceVersion is too old to resume from.
        const status = object as unknown as { code?: number; message?: string };
        endWatch();
        this.counters.watchErrors++;
        if (status.code === 410) void this.#list();
        else
          this.#retry(
            () => this.#watch(),
            new Error(`the watch failed: ${status.message ?? 'unknown error'}`),
          );
        return;
      }
      default:
        return;
    }
    if (version) this.#resourceVersion = version;
    this.#failures = 0;
  }
}
