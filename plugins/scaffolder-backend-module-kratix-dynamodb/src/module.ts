import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { kratixDynamoDBRequestCreatePermission } from '@kratix-dynamodb/common';
import { kratixClustersServiceRef } from '@kratix-dynamodb/node';
import { createKratixDynamoDBActions } from './actions';

/**
 * Adds the kratix-dynamodb actions to the scaffolder: kratix:dynamodb:create and
 * kubevela:application:create. Both check the create permission, which this module registers
 * with the scaffolder's permissions, so a backend without the kratix-dynamodb backend plugin
 * still lists it for policies.
 * @public
 */
export const scaffolderModuleKratixDynamoDB = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'kratix-dynamodb',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        clusters: kratixClustersServiceRef,
      },
      async init({
        scaffolder,
        config,
        permissions,
        permissionsRegistry,
        clusters,
      }) {
        permissionsRegistry.addPermissions([
          kratixDynamoDBRequestCreatePermission,
        ]);
        scaffolder.addActions(
          ...createKratixDynamoDBActions({
            clients: clusters.clients,
            permissions,
            config,
          }),
        );
      },
    });
  },
});
