import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { kratixDynamoDBPlugin } from '../plugin';

/**
 * The backend plugin with one cluster, `sandbox`, at a port nobody listens on: for requests
 * that must be answered before any cluster is asked. `kratixDynamodb` adds config keys.
 */
export async function startBackendWithUnreachableCluster(
  kratixDynamodb: JsonObject = {},
) {
  const { server } = await startTestBackend({
    features: [
      kratixDynamoDBPlugin,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({
        data: {
          kratixDynamodb: {
            clusters: [
              {
                name: 'sandbox',
                url: 'http://127.0.0.1:9',
                auth: { serviceAccountToken: 'not-used' },
              },
            ],
            ...kratixDynamodb,
          },
        },
      }),
    ],
  });
  return server;
}
