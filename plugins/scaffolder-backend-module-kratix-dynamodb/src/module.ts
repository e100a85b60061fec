import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { kratixDynamoDBRequestCreatePermission } from '@kratix-dynamodb/common';
import {
  describeCreateTarget,
  kratixClustersServiceRef,
  kratixDynamoDBCreateRules,
  kratixDynamoDBNamespaceResourceRef,
  readTenancy,
} from '@kratix-dynamodb/node';
import { createKratixDynamoDBActions } from './actions';

/**
 * Adds the kratix-dynamodb actions to the scaffolder: kratix:dynamodb:create,
 * kubevela:application:create and kratix:resource:create (a request of any Promise's kind,
 * what the templates generated from Promises run). Each checks the create permission, a
 * resource permission on the namespace to create in, which this module registers with the
 * scaffolder together with its resource type and rules (IS_CLUSTER, NAMESPACE_MATCHES,
 * IS_NAMESPACE_OWNER), so a backend without the kratix-dynamodb backend plugin still offers
 * them to policies.
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
        const tenancy = readTenancy(config);
        permissionsRegistry.addResourceType({
          resourceRef: kratixDynamoDBNamespaceResourceRef,
          permissions: [kratixDynamoDBRequestCreatePermission],
          rules: Object.values(kratixDynamoDBCreateRules),
          // For decisions asked with a resource ref, `<cluster>/<namespace>`: a namespace
          // never contains `/`, so the last one separates them.
          getResources: async refs => {
            const targets = refs.map(ref => {
              const at = ref.lastIndexOf('/');
              if (at <= 0) return undefined;
              return {
                cluster: ref.slice(0, at),
                namespace: ref.slice(at + 1),
              };
            });
            const clusterNames = new Set(targets.map(t => t?.cluster ?? ''));
            await Promise.all(
              [...clusterNames].map(cluster => tenancy.ready?.(cluster)),
            );
            return targets.map(
              target => target && describeCreateTarget(target, tenancy),
            );
          },
        });
        scaffolder.addActions(
          ...createKratixDynamoDBActions({
            clients: clusters.clients,
            permissions,
            config,
            createRuleset: permissionsRegistry.getPermissionRuleset(
              kratixDynamoDBNamespaceResourceRef,
            ),
          }),
        );
      },
    });
  },
});
