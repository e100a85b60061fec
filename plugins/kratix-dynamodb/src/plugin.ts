import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { kratixDynamodbApiRef } from './api/KratixDynamodbApi';
import { KratixDynamodbClient } from './api/KratixDynamodbClient';
import { kratixClustersApiRef } from './api/KratixClustersApi';
import { KratixClustersClient } from './api/KratixClustersClient';

/**
 * The plugin for apps on the legacy frontend system.
 * @public
 */
export const kratixDynamodbPlugin = createPlugin({
  id: 'kratix-dynamodb',
  apis: [
    createApiFactory({
      api: kratixDynamodbApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new KratixDynamodbClient(deps),
    }),
    createApiFactory({
      api: kratixClustersApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new KratixClustersClient(deps),
    }),
  ],
});

/**
 * The status-chain card, for an entity page (legacy frontend system).
 * @public
 */
export const EntityKratixDynamoDBCard = kratixDynamodbPlugin.provide(
  createComponentExtension({
    name: 'EntityKratixDynamoDBCard',
    component: {
      lazy: () =>
        import('./components/KratixDynamoDBCard').then(
          m => m.KratixDynamoDBCard,
        ),
    },
  }),
);

/**
 * The detail tab: all conditions, state changes seen, and the objects' YAML (legacy frontend system).
 * @public
 */
export const EntityKratixDynamoDBContent = kratixDynamodbPlugin.provide(
  createComponentExtension({
    name: 'EntityKratixDynamoDBContent',
    component: {
      lazy: () =>
        import('./components/KratixDynamoDBContent').then(
          m => m.KratixDynamoDBContent,
        ),
    },
  }),
);
