import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { kratixClustersServiceRef, readTenancy } from '@kratix-dynamodb/node';
import { entityOwnerOf } from './entityOwner';
import { KratixDynamoDBEntityProvider } from './KratixDynamoDBEntityProvider';
import { KratixPromiseEntityProvider } from './promises/KratixPromiseEntityProvider';
import { readPromiseTemplateOptions } from './promises/readPromiseTemplateOptions';

/**
 * Changes reach the catalog live, through the clusters' watches; the full sync only repairs
 * drift, so it can be rare.
 */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 3 },
  initialDelay: { seconds: 3 },
};

/**
 * In bounded mode a full sync lists its kinds page by page over half the task's timeout (the
 * scheduler cancels a run that outlives it), so the API server never sees a burst.
 */
function spreadOf(schedule: SchedulerServiceTaskScheduleDefinition): number {
  const timeout = schedule.timeout as
    | HumanDuration
    | { toMillis(): number }
    | undefined;
  if (!timeout) return 90_000;
  return (
    ('toMillis' in timeout
      ? timeout.toMillis()
      : durationToMilliseconds(timeout as HumanDuration)) / 2
  );
}

/**
 * Emits catalog entities for the DynamoDBRequests and KubeVela Applications on the
 * configured clusters, a Template per Promise and a Resource per request of any other
 * Promise, and follows them live.
 * @public
 */
export const catalogModuleKratixDynamoDB = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'kratix-dynamodb',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        clusters: kratixClustersServiceRef,
      },
      async init({ catalog, config, logger, scheduler, clusters }) {
        const scheduleConfig = config.getOptionalConfig(
          'kratixDynamodb.catalog.schedule',
        );
        const schedule = scheduleConfig
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
          : DEFAULT_SCHEDULE;
        const tenancy = readTenancy(config);
        catalog.addEntityProvider(
          new KratixDynamoDBEntityProvider({
            clusters,
            logger,
            runner: scheduler.createScheduledTaskRunner(schedule),
            spreadMs: spreadOf(schedule),
            tenancy,
          }),
        );
        const templates = readPromiseTemplateOptions(config);
        if (templates.enabled)
          catalog.addEntityProvider(
            new KratixPromiseEntityProvider({
              clusters,
              logger,
              runner: scheduler.createScheduledTaskRunner(schedule),
              templates,
              ownerOfRequest: (cluster, request) =>
                entityOwnerOf(request, tenancy, cluster),
            }),
          );
      },
    });
  },
});
