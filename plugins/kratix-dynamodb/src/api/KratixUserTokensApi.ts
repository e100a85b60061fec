import { createApiRef } from '@backstage/core-plugin-api';

/**
 * @public The signed-in user's own Kubernetes token, for clusters whose `authProvider` acts as
 * each user (`oidc`, `google`, `aks`), as the header the kratix-dynamodb backend reads.
 */
export interface KratixUserTokensApi {
  /**
   * The headers a request about this cluster must carry: one
   * `Backstage-Kubernetes-Authorization-…` header with the user's token when the cluster acts
   * as each user, none otherwise (the backend then uses its own identity).
   */
  headersFor(cluster: string): Promise<Record<string, string>>;
}

/** @public Works in both frontend systems; an app overrides it to add auth providers. */
export const kratixUserTokensApiRef = createApiRef<KratixUserTokensApi>({
  id: 'plugin.kratix-dynamodb.user-tokens',
});
