import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { kratixDynamoDBApiRef } from './api/KratixDynamoDBApi';
import { KratixDynamoDBClient } from './api/KratixDynamoDBClient';
import { kratixClustersApiRef } from './api/KratixClustersApi';
import { KratixClustersClient } from './api/KratixClustersClient';
import { kratixUserTokensApiRef } from './api/KratixUserTokensApi';
import { kratixUserTokensApiFactoryOptions } from './api/userTokensApiFactory';
import { isKratixDynamoDBAvailable } from './isKratixDynamoDBAvailable';

/**
 * @alpha The signed-in user's Kubernetes token for clusters that act as each user; override
 * it to map another `oidcTokenProvider` to its auth API.
 */
export const kratixUserTokensApi = ApiBlueprint.make({
  name: 'user-tokens',
  params: defineParams => defineParams(kratixUserTokensApiFactoryOptions),
});

/** @alpha The backend client. */
export const kratixDynamoDBApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: kratixDynamoDBApiRef,
      deps: {
        discoveryApi: discoveryApiRef,
        fetchApi: fetchApiRef,
        userTokens: kratixUserTokensApiRef,
      },
      factory: deps => new KratixDynamoDBClient(deps),
    }),
});

/** @alpha The client of the wizard pickers' routes. */
export const kratixClustersApi = ApiBlueprint.make({
  name: 'clusters',
  params: defineParams =>
    defineParams({
      api: kratixClustersApiRef,
      deps: {
        discoveryApi: discoveryApiRef,
        fetchApi: fetchApiRef,
        userTokens: kratixUserTokensApiRef,
      },
      factory: deps => new KratixClustersClient(deps),
    }),
});

/** @alpha The status-chain card, on entities linked to a request or an application. */
export const kratixDynamoDBEntityCard = EntityCardBlueprint.make({
  name: 'status',
  params: {
    type: 'content',
    filter: isKratixDynamoDBAvailable,
    loader: () =>
      import('./components/KratixDynamoDBCard').then(m => (
        <m.KratixDynamoDBCard />
      )),
  },
});

/** @alpha The detail tab, on the same entities as the card. */
export const kratixDynamoDBEntityContent = EntityContentBlueprint.make({
  name: 'details',
  params: {
    path: '/dynamodb',
    title: 'DynamoDB',
    filter: isKratixDynamoDBAvailable,
    loader: () =>
      import('./components/KratixDynamoDBContent').then(m => (
        <m.KratixDynamoDBContent />
      )),
  },
});

/** @alpha The wizard's table editor: keys, indexes, expiry, billing, with a live preview. */
export const dynamoDBTableDesignerFormField = FormFieldBlueprint.make({
  name: 'dynamodb-table-designer',
  params: {
    field: () =>
      import('./scaffolder/formFields').then(m => m.dynamoDBTableDesignerField),
  },
});

/** @alpha The clusters the user may create on. */
export const kratixClusterPickerFormField = FormFieldBlueprint.make({
  name: 'kratix-cluster-picker',
  params: {
    field: () =>
      import('./scaffolder/formFields').then(m => m.kratixClusterPickerField),
  },
});

/** @alpha The namespaces on the chosen cluster, or free text when they cannot be listed. */
export const kubernetesNamespacePickerFormField = FormFieldBlueprint.make({
  name: 'kubernetes-namespace-picker',
  params: {
    field: () =>
      import('./scaffolder/formFields').then(
        m => m.kubernetesNamespacePickerField,
      ),
  },
});

/** @alpha The cluster's verdict (server-side dry run) before creating, shown on the Review page too. */
export const kratixDryRunFormField = FormFieldBlueprint.make({
  name: 'kratix-dry-run',
  params: {
    field: () =>
      import('./scaffolder/formFields').then(m => m.kratixDryRunField),
  },
});

/**
 * @alpha
 * @deprecated Use {@link kratixDynamoDBApi} instead; the product name is now spelled as AWS does.
 */
export const kratixDynamodbApi = kratixDynamoDBApi;

/**
 * @alpha
 * @deprecated Use {@link kratixDynamoDBEntityCard} instead.
 */
export const kratixDynamodbEntityCard = kratixDynamoDBEntityCard;

/**
 * @alpha
 * @deprecated Use {@link kratixDynamoDBEntityContent} instead.
 */
export const kratixDynamodbEntityContent = kratixDynamoDBEntityContent;

/**
 * The plugin for apps on the new frontend system.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'kratix-dynamodb',
  extensions: [
    kratixUserTokensApi,
    kratixDynamoDBApi,
    kratixClustersApi,
    kratixDynamoDBEntityCard,
    kratixDynamoDBEntityContent,
    dynamoDBTableDesignerFormField,
    kratixClusterPickerFormField,
    kubernetesNamespacePickerFormField,
    kratixDryRunFormField,
  ],
});
