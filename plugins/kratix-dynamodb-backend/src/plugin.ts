import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { kratixDynamodbStatusReadPermission } from '@kratix-dynamodb/common';
import { ClusterClientFactory } from '@kratix-dynamodb/node';
import { createRouter } from './router';
import { ClusterObjectCaches } from './status/ClusterObjectCaches';
import { ClusterStatusChainService } from './status/ClusterStatusChainService';
import { HealthProber } from './status/HealthProber';
import { readStatusOptions } from './status/readStatusOptions';

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
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init({ config, logger, lifecycle, httpAuth, httpRouter, permissions, permissionsRegistry, catalog }) {
        permissionsRegistry.addPermissions([kratixDynamodbStatusReadPermission]);

        const options = readStatusOptions(config);
        const clients = ClusterClientFactory.fromConfig(config);
        const caches = new ClusterObjectCaches(clients, logger);
        lifecycle.addShutdownHook(() => caches.stopAll());
        const prober = new HealthProber(clients, { ttlMs: options.probeCacheMs, timeoutMs: options.probeTimeoutMs });

        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            catalog,
            statusChains: new ClusterStatusChainService(caches, prober, options),
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
