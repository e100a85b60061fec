import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { ClusterClientFactory } from '@kratix-dynamodb/node';
import { KratixDynamodbEntityProvider } from './KratixDynamodbEntityProvider';

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
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ catalog, config, logger, scheduler }) {
        const seconds = config.getOptionalNumber('kratixDynamodb.catalog.refreshSeconds') ?? 30;
        catalog.addEntityProvider(
          new KratixDynamodbEntityProvider({
            clients: ClusterClientFactory.fromConfig(config),
            logger,
            runner: scheduler.createScheduledTaskRunner({
              frequency: { seconds },
              timeout: { minutes: 2 },
              initialDelay: { seconds: 1 },
            }),
          }),
        );
      },
    });
  },
});
