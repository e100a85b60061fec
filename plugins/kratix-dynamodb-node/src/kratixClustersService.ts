import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { ClusterClientFactory } from './ClusterClientFactory';
import { ClusterInformers } from './informers/ClusterInformers';

/**
 * The clusters of one backend: their clients and their informers. Root-scoped, so the status
 * route, the scaffolder module and the catalog module share one client and one watch per
 * cluster and kind, however many of them are installed.
 * @public
 */
export interface KratixClustersService {
  clients: ClusterClientFactory;
  informers: ClusterInformers;
}

/** @public */
export const kratixClustersServiceRef = createServiceRef<KratixClustersService>({
  id: 'kratix-dynamodb.clusters',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.rootLogger,
        lifecycle: coreServices.rootLifecycle,
      },
      factory({ config, logger, lifecycle }) {
        const clients = ClusterClientFactory.fromConfig(config);
        const informers = new ClusterInformers(clients, logger.child({ plugin: 'kratix-dynamodb' }));
        lifecycle.addShutdownHook(() => informers.stopAll());
        return { clients, informers };
      },
    }),
});
