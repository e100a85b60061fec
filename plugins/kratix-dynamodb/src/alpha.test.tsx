import {
  createExtensionTester,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import {
  dynamoDBTableDesignerFormField,
  kratixClusterPickerFormField,
  kratixDryRunFormField,
  kratixDynamoDBEntityCard,
  kubernetesNamespacePickerFormField,
} from './alpha';
import { kratixDynamoDBApiRef } from './api/KratixDynamoDBApi';
import { isKratixDynamoDBAvailable } from './isKratixDynamoDBAvailable';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'session-app',
    annotations: { 'kratix-dynamodb.io/application': 'default/session-app' },
  },
  spec: { type: 'service', owner: 'guests' },
};

describe('alpha entity card', () => {
  it('renders the card through the new frontend system', async () => {
    const api = {
      getStatusChain: async () => ({
        entityRef: 'component:default/session-app',
        overall: 'ok' as const,
        checkedAt: new Date().toISOString(),
        stages: [
          {
            id: 'health' as const,
            state: 'ok' as const,
            summary: '/health 200, /ready 200',
            conditions: [],
            links: [],
          },
        ],
      }),
    };
    await renderInTestApp(
      <TestApiProvider apis={[[kratixDynamoDBApiRef, api]]}>
        <EntityProvider entity={entity}>
          {createExtensionTester(kratixDynamoDBEntityCard).reactElement()}
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('Service health: /health 200, /ready 200'),
    ).toBeInTheDocument();
  });

  it('shows only on entities linked to a request or an application', () => {
    expect(isKratixDynamoDBAvailable(entity)).toBe(true);
    expect(
      isKratixDynamoDBAvailable({ ...entity, metadata: { name: 'plain' } }),
    ).toBe(false);
  });
});

describe('alpha wizard fields', () => {
  const loaderOf = FormFieldBlueprint.dataRefs.formFieldLoader;
  it.each([
    [
      'DynamoDBTableDesigner',
      () => createExtensionTester(dynamoDBTableDesignerFormField).get(loaderOf),
    ],
    [
      'KratixClusterPicker',
      () => createExtensionTester(kratixClusterPickerFormField).get(loaderOf),
    ],
    [
      'KubernetesNamespacePicker',
      () =>
        createExtensionTester(kubernetesNamespacePickerFormField).get(loaderOf),
    ],
    [
      'KratixDryRun',
      () => createExtensionTester(kratixDryRunFormField).get(loaderOf),
    ],
  ])('loads the %s field for the scaffolder', async (name, loader) => {
    // The loaded field is opaque to plugins; its name is what templates refer to.
    expect(JSON.stringify(await loader()())).toContain(`"name":"${name}"`);
  });
});
