import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createKratixDynamodbActions } from './actions';

/**
 * Adds the kratix-dynamodb actions to the scaffolder.
 * @public
 */
export const scaffolderModuleKratixDynamodb = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'kratix-dynamodb',
  register(reg) {
    reg.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(...createKratixDynamodbActions());
      },
    });
  },
});
