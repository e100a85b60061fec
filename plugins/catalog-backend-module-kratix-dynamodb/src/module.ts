import { createBackendModule } from '@backstage/backend-plugin-api';

/**
 * Emits catalog entities for the DynamoDBRequests and KubeVela Applications on the
 * configured clusters.
 * @public
 */
export const catalogModuleKratixDynamodb = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'kratix-dynamodb',
  register(reg) {
    reg.registerInit({
      deps: {},
      async init() {
        // The entity provider is registered here once cluster reads exist (-node).
      },
    });
  },
});
