import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { kratixDynamoDBApiRef } from './api/KratixDynamoDBApi';
import { KratixDynamoDBClient } from './api/KratixDynamoDBClient';
import { kratixClustersApiRef } from './api/KratixClustersApi';
import { KratixClustersClient } from './api/KratixClustersClient';
import { kratixUserTokensApiRef } from './api/KratixUserTokensApi';
import { kratixUserTokensApiFactoryOptions } from './api/userTokensApiFactory';

/**
 * The plugin for apps on the legacy frontend system.
 * @public
 */
export const kratixDynamoDBPlugin = createPlugin({
  id: 'kratix-dynamodb',
  apis: [
    createApiFactory(kratixUserTokensApiFactoryOptions),
    createApiFactory({
      api: kratixDynamoDBApiRef,
      deps: {
        discoveryApi: discoveryApiRef,
        fetchApi: fetchApiRef,
        userTokens: kratixUserTokensApiRef,
      },
      factory: deps => new KratixDynamoDBClient(deps),
    }),
    createApiFactory({
      api: kratixClustersApiRef,
      deps: {
        discoveryApi: discoveryApiRef,
        fetchApi: fetchApiRef,
        userTokens: kratixUserTokensApiRef,
      },
      factory: deps => new KratixClustersClient(deps),
    }),
  ],
});

/**
 * The status-chain card, for an entity page (legacy frontend system).
 * @public
 */
export const EntityKratixDynamoDBCard = kratixDynamoDBPlugin.provide(
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
export const EntityKratixDynamoDBContent = kratixDynamoDBPlugin.provide(
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
