import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ClusterClientFactory } from '@kratix-dynamodb/node';

/**
 * The clusters a catalog provider follows: every configured one except those read as each
 * signed-in user (`oidc`, `google`, `aks`). A provider runs with no user, so it holds no token
 * for them; it leaves them out, saying so once per cluster, instead of failing every sync on
 * them. Their objects still show on entity pages, read as the user who opens them.
 */
export class FollowedClusters {
  readonly #clients: Pick<ClusterClientFactory, 'clusterNames' | 'actsAsUser'>;
  readonly #logger: LoggerService;
  readonly #provider: string;
  readonly #told = new Set<string>();

  constructor(options: {
    clients: Pick<ClusterClientFactory, 'clusterNames' | 'actsAsUser'>;
    logger: LoggerService;
    /** The provider's name, for the log line. */
    provider: string;
  }) {
    this.#clients = options.clients;
    this.#logger = options.logger;
    this.#provider = options.provider;
  }

  async names(): Promise<string[]> {
    const followed: string[] = [];
    for (const cluster of this.#clients.clusterNames()) {
      if (!(await this.#clients.actsAsUser(cluster))) {
        followed.push(cluster);
      } else if (!this.#told.has(cluster)) {
        this.#told.add(cluster);
        this.#logger.info(
          `${
            this.#provider
          }: cluster '${cluster}' is read as each signed-in user, and the catalog has no user; its objects are not turned into entities`,
        );
      }
    }
    return followed;
  }
}
