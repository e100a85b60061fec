import { mockServices } from '@backstage/backend-test-utils';
import {
  ClusterClientFactory,
  ClusterInformers,
  KratixClustersService,
} from '@kratix-dynamodb/node';
import type { Sandbox } from '@kratix-dynamodb/sandbox';

/**
 * The clusters service of a backend whose one cluster, `sandbox`, is the given sandbox, read
 * with its service-account token, or with `kubeconfig` through that file (e.g. an exec plugin's
 * rotating tokens). With `perUserCluster`, the same sandbox is configured a second time under
 * that name with `authProvider: oidc`, read as each signed-in user.
 */
export function sandboxClusters(
  sandbox: Sandbox,
  options: { perUserCluster?: string; kubeconfig?: string } = {},
): KratixClustersService {
  const clients = new ClusterClientFactory([
    options.kubeconfig
      ? {
          name: 'sandbox',
          auth: { type: 'kubeconfig', path: options.kubeconfig },
          skipTLSVerify: false,
        }
      : {
          name: 'sandbox',
          url: sandbox.plainHttpUrl,
          auth: {
            type: 'provider',
            provider: 'serviceAccount',
            metadata: { serviceAccountToken: sandbox.token },
          },
          skipTLSVerify: false,
        },
    ...(options.perUserCluster
      ? [
          {
            name: options.perUserCluster,
            url: sandbox.plainHttpUrl,
            auth: {
              type: 'provider' as const,
              provider: 'oidc',
              metadata: { 'kubernetes.io/oidc-token-provider': 'okta' },
            },
            skipTLSVerify: false,
          },
        ]
      : []),
  ]);
  return {
    clients,
    informers: new ClusterInformers(clients, mockServices.logger.mock(), {
      maxBackoffMs: 200,
    }),
  };
}
