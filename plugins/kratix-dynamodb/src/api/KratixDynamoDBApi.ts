import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import { StatusChain } from '@kratix-dynamodb/common';

/** @public Reads an entity's status chain from the kratix-dynamodb backend. */
export interface KratixDynamoDBApi {
  /**
   * With `includeObjects`, the chain also carries the cluster objects behind its stages. With
   * `cluster` (the entity's `kratix-dynamodb.io/cluster`), a cluster that acts as each user
   * gets the user's own token.
   */
  getStatusChain(
    entityRef: CompoundEntityRef,
    options?: { includeObjects?: boolean; cluster?: string },
  ): Promise<StatusChain>;
}

/** @public Works in both frontend systems. */
export const kratixDynamoDBApiRef = createApiRef<KratixDynamoDBApi>({
  id: 'plugin.kratix-dynamodb.service',
});
