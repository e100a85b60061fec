import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { ClusterClientFactory } from '@kratix-dynamodb/node';
import { createKratixDynamodbActions } from './actions';

/**
 * Adds the kratix-dynamodb actions to the scaffolder: kratix:dynamodb:create and
 * kubevela:application:create.
 * @public
 */
export const scaffolderModuleKratixDynamodb = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'kratix-dynamodb',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        permissions: coreServices.permissions,
      },
      async init({ scaffolder, config, permissions }) {
        const clients = ClusterClientFactory.fromConfig(config);
        scaffolder.addActions(
          ...createKratixDynamodbActions({ clients, permissions, config }),
        );
      },
    });
  },
});
