import { mockServices } from '@backstage/backend-test-utils';
import {
  ClusterClientFactory,
  ClusterInformers,
  KratixClustersService,
} from '@kratix-dynamodb/node';
import type { Sandbox } from '@kratix-dynamodb/sandbox';

/** The clusters service of a backend whose one cluster, `sandbox`, is the given sandbox. */
export function sandboxClusters(sandbox: Sandbox): KratixClustersService {
  const clients = new ClusterClientFactory([
    {
      name: 'sandbox',
      url: sandbox.plainHttpUrl,
      auth: {
        type: 'provider',
        provider: 'serviceAccount',
        metadata: { serviceAccountToken: sandbox.token },
      },
      skipTLSVerify: false,
    },
  ]);
  return {
    clients,
    informers: new ClusterInformers(clients, mockServices.logger.mock(), {
      maxBackoffMs: 200,
    }),
  };
}
