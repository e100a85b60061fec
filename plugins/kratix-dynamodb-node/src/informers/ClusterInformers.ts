import { LoggerService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { GroupVersionKind } from '@kratix-dynamodb/common';
import { ClusterClientFactory } from '../ClusterClientFactory';
import { InformerOptions, ObjectInformer } from './ObjectInformer';

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

  constructor(
    clients: ClusterClientFactory,
    logger: LoggerService,
    options: InformerOptions = {},
  ) {
    this.#clients = clients;
    this.#logger = logger;
    this.#options = options;
  }

  /** The informer of a kind on a cluster, optionally of only the objects a label selector picks. */
  informer(
    cluster: string,
    gvk: GroupVersionKind,
    options: { labelSelector?: string } = {},
  ): Promise<ObjectInformer> {
    const id = `${cluster}|${gvk.group}/${gvk.version}/${gvk.kind}|${
      options.labelSelector ?? ''
    }`;
    let informer = this.#informers.get(id);
    if (!informer) {
      informer = (async () => {
        // A shared cache would serve what one user may read to every other user.
        if (await this.#clients.actsAsUser(cluster))
          throw new NotAllowedError(
            `Cluster '${cluster}' is read as each signed-in user, so it has no shared watch; read it with the user's own client`,
          );
        const created = new ObjectInformer(
          await this.#clients.forCluster(cluster),
          gvk,
          this.#logger,
          {
            ...this.#options,
            labelSelector: options.labelSelector,
          },
        );
        for (const callback of this.#started) callback(created);
        return created;
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
  }
}
