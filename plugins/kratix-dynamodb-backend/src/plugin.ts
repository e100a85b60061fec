import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { kratixDynamodbPermissions } from '@kratix-dynamodb/common';
import { createRouter } from './router';
import { UnconnectedStatusChainService } from './services/UnconnectedStatusChainService';

/**
 * The kratix-dynamodb backend plugin: serves the status chain that the entity card shows.
 *
 * @public
 */
export const kratixDynamodbPlugin = createBackendPlugin({
  pluginId: 'kratix-dynamodb',
  register(env) {
    env.registerInit({
      deps: {
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init({ httpAuth, httpRouter, permissions, permissionsRegistry, catalog }) {
        permissionsRegistry.addPermissions(kratixDynamodbPermissions);
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            catalog,
            statusChains: new UnconnectedStatusChainService(),
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
