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
      /** Templates generated from the Promises on the clusters (see the README). */
      templates?: {
        /** Generate them at all. Default: true. */
        enabled?: boolean;
        /** Owner of the templates of Promises that name none. Default: group:default/guests. */
        defaultOwner?: string;
        /** Promise names that get no generated template. aws-dynamodb-kratix never does. */
        exclude?: string[];
      };
    };
  };
}
