import { Entity } from '@backstage/catalog-model';
import { StatusChain } from '@kratix-dynamodb/common';

/**
 * Builds the status chain of one catalog entity. The router only decides who may ask;
 * this service decides what the clusters say.
 */
export interface StatusChainService {
  getStatusChain(
    entity: Entity,
    options?: { includeObjects?: boolean },
  ): Promise<StatusChain>;
}
