import { LoggerService, SchedulerServiceTaskRunner } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { DYNAMODB_REQUEST_GVK, KUBEVELA_APPLICATION_GVK } from '@kratix-dynamodb/common';
import { ClusterClientFactory } from '@kratix-dynamodb/node';
import { EntityProvider, EntityProviderConnection } from '@backstage/plugin-catalog-node';
import {
  applicationToEntity,
  dynamoDBRequestToEntity,
  usesDynamoDBComponent,
} from './clusterObjectsToEntities';

/**
 * Emits a Resource per DynamoDBRequest and a Component per KubeVela Application with a
 * table, for every configured cluster, so an entity page exists as soon as the wizard ends.
 */
export class KratixDynamodbEntityProvider implements EntityProvider {
  readonly #clients: ClusterClientFactory;
  readonly #logger: LoggerService;
  readonly #runner: SchedulerServiceTaskRunner;
  #connection?: EntityProviderConnection;

  constructor(options: { clients: ClusterClientFactory; logger: LoggerService; runner: SchedulerServiceTaskRunner }) {
    this.#clients = options.clients;
    this.#logger = options.logger;
    this.#runner = options.runner;
  }

  getProviderName(): string {
    return 'kratix-dynamodb';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.#runner.run({ id: 'kratix-dynamodb-entity-provider:refresh', fn: () => this.refresh() });
  }

  /** Reads every cluster and replaces this provider's entities with what it found. */
  async refresh(): Promise<void> {
    if (!this.#connection) throw new Error('KratixDynamodbEntityProvider is not connected');
    const perCluster = await Promise.all(this.#clients.clusterNames().map(c => this.#readCluster(c)));
    const entities = perCluster.flat();
    await this.#connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({ entity, locationKey: `kratix-dynamodb:${entity.metadata.annotations?.['kratix-dynamodb.io/cluster']}` })),
    });
  }

  async #readCluster(cluster: string): Promise<Entity[]> {
    const client = await this.#clients.forCluster(cluster);
    const entities: Entity[] = [];
    // Each kind on its own: a cluster without KubeVela still has its tables listed.
    try {
      const requests = await client.list(DYNAMODB_REQUEST_GVK);
      entities.push(...requests.items.map(r => dynamoDBRequestToEntity(cluster, r)));
    } catch (e) {
      this.#logger.warn(`kratix-dynamodb: could not list DynamoDBRequests on ${cluster}: ${(e as Error).message}`);
    }
    try {
      const apps = await client.list(KUBEVELA_APPLICATION_GVK);
      entities.push(...apps.items.filter(usesDynamoDBComponent).map(a => applicationToEntity(cluster, a)));
    } catch (e) {
      this.#logger.warn(`kratix-dynamodb: could not list KubeVela Applications on ${cluster}: ${(e as Error).message}`);
    }
    return entities;
  }
}
