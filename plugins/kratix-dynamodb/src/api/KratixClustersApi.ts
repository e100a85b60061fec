import { createApiRef } from '@backstage/core-plugin-api';

/** @public What the wizard's pickers offer, from the kratix-dynamodb backend. */
export interface KratixClustersApi {
  /** The clusters the signed-in user may create requests on, by name. */
  listClusters(): Promise<string[]>;
  /** The namespaces on one of those clusters; fails when the backend may not list them. */
  listNamespaces(cluster: string): Promise<string[]>;
}

/** @public Works in both frontend systems. */
export const kratixClustersApiRef = createApiRef<KratixClustersApi>({
  id: 'plugin.kratix-dynamodb.clusters',
});
