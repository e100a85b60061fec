import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { kratixDynamodbApiRef } from './api/KratixDynamodbApi';
import { KratixDynamodbClient } from './api/KratixDynamodbClient';

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
      lazy: () => import('./components/KratixDynamoDBCard').then(m => m.KratixDynamoDBCard),
    },
  }),
);
