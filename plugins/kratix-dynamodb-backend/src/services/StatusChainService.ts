import { Entity } from '@backstage/catalog-model';
import { KubernetesUserTokens, StatusChain } from '@kratix-dynamodb/common';

/**
 * How one caller asks for a chain.
 * @public
 */
export type StatusChainReadOptions = {
  /** With the cluster objects behind the stages. */
  includeObjects?: boolean;
  /** The caller's own tokens, for a cluster read as each user (oidc, google, aks). */
  userTokens?: KubernetesUserTokens;
};

/**
 * Builds the status chain of one catalog entity. The router only decides who may ask;
 * this service decides what the clusters say.
 * @public
 */
export interface StatusChainService {
  getStatusChain(
    entity: Entity,
    options?: StatusChainReadOptions,
  ): Promise<StatusChain>;
}
