import { InputError } from '@backstage/errors';
import type { ClusterDetails } from '@backstage/plugin-kubernetes-node';
import { ClusterConfig } from './clusterConfig';

/** Where the Kubernetes plugin's `ClusterDetails` name the auth provider. */
export const AUTH_PROVIDER_KEY = 'kubernetes.io/auth-provider';

/**
 * A cluster in the Kubernetes plugin's shape (what its cluster suppliers return) as this
 * package configures it; the provider comes out of `authMetadata`, the rest stays there.
 */
export function clusterConfigFromDetails(
  details: ClusterDetails,
): ClusterConfig {
  const { [AUTH_PROVIDER_KEY]: provider, ...metadata } = details.authMetadata;
  if (!provider)
    throw new InputError(
      `cluster '${details.name}' has no authProvider (authMetadata['${AUTH_PROVIDER_KEY}'])`,
    );
  return {
    name: details.name,
    url: details.url,
    auth: { type: 'provider', provider, metadata },
    caData: details.caData,
    caFile: details.caFile,
    skipTLSVerify: details.skipTLSVerify ?? false,
  };
}

/** The other way round, for the strategies, which take the Kubernetes plugin's shape. */
export function clusterDetailsOf(
  cluster: ClusterConfig,
  metadata: Record<string, string>,
): ClusterDetails {
  return {
    name: cluster.name,
    url: cluster.url!,
    authMetadata: {
      [AUTH_PROVIDER_KEY]: (cluster.auth as { provider: string }).provider,
      ...metadata,
    },
    skipTLSVerify: cluster.skipTLSVerify,
    caData: cluster.caData,
    caFile: cluster.caFile,
  };
}
