import { createApiRef } from '@backstage/core-plugin-api';
import type { DryRunRequest, DryRunResult } from '@kratix-dynamodb/common';

/** @public What the wizard's pickers offer and its dry run, from the kratix-dynamodb backend. */
export interface KratixClustersApi {
  /** The clusters the signed-in user may create requests on, by name. */
  listClusters(): Promise<string[]>;
  /** The namespaces on one of those clusters; fails when the backend may not list them. */
  listNamespaces(cluster: string): Promise<string[]>;
  /**
   * Asks the chosen cluster to check what the wizard would create (server-side dryRun=All);
   * nothing is created.
   */
  dryRun(request: DryRunRequest): Promise<DryRunResult>;
}

/** @public Works in both frontend systems. */
export const kratixClustersApiRef = createApiRef<KratixClustersApi>({
  id: 'plugin.kratix-dynamodb.clusters',
});
