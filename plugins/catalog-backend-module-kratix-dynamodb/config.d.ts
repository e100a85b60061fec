import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  kratixDynamodb?: {
    /** The catalog entity provider. */
    catalog?: {
      /**
       * When the provider replaces all its entities with what the clusters hold. Changes reach
       * the catalog live through watches, so this only repairs drift.
       * Default: every 30 minutes.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
