import { LoggerService } from '@backstage/backend-plugin-api';
import { GroupVersionKind } from '@kratix-dynamodb/common';
import { ClusterClientFactory } from '@kratix-dynamodb/node';
import { ObjectCache } from './ObjectCache';

/** One ObjectCache per cluster and kind, started on first use and kept until shutdown. */
export class ClusterObjectCaches {
  readonly #clients: ClusterClientFactory;
  readonly #logger: LoggerService;
  readonly #caches = new Map<string, Promise<ObjectCache>>();

  constructor(clients: ClusterClientFactory, logger: LoggerService) {
    this.#clients = clients;
    this.#logger = logger;
  }

  cache(cluster: string, gvk: GroupVersionKind): Promise<ObjectCache> {
    const id = `${cluster}|${gvk.group}/${gvk.version}/${gvk.kind}`;
    let cache = this.#caches.get(id);
    if (!cache) {
      cache = this.#clients.forCluster(cluster).then(client => new ObjectCache(client, gvk, this.#logger));
      cache.catch(() => this.#caches.delete(id));
      this.#caches.set(id, cache);
    }
    return cache;
  }

  async stopAll() {
    const caches = await Promise.allSettled(this.#caches.values());
    for (const c of caches) if (c.status === 'fulfilled') c.value.stop();
    this.#caches.clear();
  }
}
