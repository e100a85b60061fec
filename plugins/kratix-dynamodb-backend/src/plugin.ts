import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  kratixDynamoDBObjectsReadPermission,
  kratixDynamoDBStatusReadPermission,
} from '@kratix-dynamodb/common';
import { kratixClustersServiceRef } from '@kratix-dynamodb/node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { createRouter } from './router';
import { createClustersRouter } from './clusters/clustersRouter';
import {
  handOverClusterExtensions,
  registerClusterExtensionPoints,
} from './clusters/clusterExtensions';
import { createValidateRouter } from './validate/validateRouter';
import { StatusChangeSignals } from './signals/StatusChangeSignals';
import { ClusterStatusChainService } from './status/ClusterStatusChainService';
import { ViewedEntities } from './status/ViewedEntities';
import { HealthProber } from './status/HealthProber';
import { readStatusOptions } from './status/readStatusOptions';

/**
 * The kratix-dynamodb backend plugin: serves the status chain that the entity card shows.
 *
 * @public
 */
export const kratixDynamoDBPlugin = createBackendPlugin({
  pluginId: 'kratix-dynamodb',
  register(env) {
    // Modules add auth strategies and cluster suppliers here; init hands them to the shared service.
    const clusterExtensions = registerClusterExtensionPoints(env);
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        lifecycle: coreServices.lifecycle,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        clusters: kratixClustersServiceRef,
        signals: signalsServiceRef,
      },
      async init({
        config,
        logger,
        auth,
        lifecycle,
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
        catalog,
        clusters,
        signals,
      }) {
        handOverClusterExtensions(clusterExtensions, {
          clusters,
          catalog,
          auth,
          config,
          logger,
        });
        permissionsRegistry.addPermissions([
          kratixDynamoDBStatusReadPermission,
          kratixDynamoDBObjectsReadPermission,
        ]);

        const options = readStatusOptions(config, logger);
        // Open cards hear of changes through signals; polling is only their fallback.
        const statusSignals = new StatusChangeSignals(
          clusters.informers,
          signals,
          logger,
        );
        lifecycle.addShutdownHook(() => statusSignals.stop());
        const prober = new HealthProber(clusters.clients, {
          ttlMs: options.probeCacheMs,
          timeoutMs: options.probeTimeoutMs,
          onChange: target => statusSignals.probeChanged(target),
        });

        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            entities: new ViewedEntities(catalog, auth),
            logger,
            statusChains: new ClusterStatusChainService(
              clusters,
              prober,
              options,
              (ref, cluster, annotations, seen) =>
                statusSignals.watch(ref, cluster, annotations, seen),
            ),
          }),
        );
        // The wizard's cluster and namespace pickers.
        httpRouter.use(
          createClustersRouter({
            config,
            httpAuth,
            permissions,
            clients: clusters.clients,
          }),
        );
        // The wizard's dry run on the chosen cluster, before anything is created.
        httpRouter.use(
          createValidateRouter({
            config,
            httpAuth,
            permissions,
            clients: clusters.clients,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
