import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { StatusChain } from '@kratix-dynamodb/common';
import { screen } from '@testing-library/react';
import { kratixDynamoDBApiRef } from '../../api/KratixDynamoDBApi';
import { KratixDynamoDBContent } from './KratixDynamoDBContent';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'orders',
    namespace: 'default',
    annotations: { 'kratix-dynamodb.io/request': 'default/orders' },
  },
  spec: { type: 'dynamodb-table', owner: 'guests' },
};

const chain: StatusChain = {
  entityRef: 'resource:default/orders',
  overall: 'progressing',
  checkedAt: new Date('2026-01-01T10:00:00Z').toISOString(),
  stages: [
    {
      id: 'table',
      state: 'progressing',
      summary: 'CREATING',
      conditions: [
        {
          type: 'ACK.ResourceSynced',
          status: 'False',
          message: 'still creating',
        },
      ],
      links: [],
    },
  ],
  objects: [
    {
      kind: 'Table',
      namespace: 'default',
      name: 'orders',
      manifest: { kind: 'Table', spec: { tableName: 'orders' } },
    },
  ],
};

describe('KratixDynamoDBContent', () => {
  it('shows the conditions open, the states seen, and the objects as YAML', async () => {
    const getStatusChain = jest.fn(async () => chain);
    await renderInTestApp(
      <TestApiProvider apis={[[kratixDynamoDBApiRef, { getStatusChain }]]}>
        <EntityProvider entity={entity}>
          <KratixDynamoDBContent pollIntervalMs={0} />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findByTestId('conditions-table')).toHaveTextContent(
      'ACK.ResourceSynced=False: still creating',
    );
    expect(screen.getByTestId('state-change')).toHaveTextContent(
      'table: first seen → progressing (CREATING)',
    );
    expect(screen.getByText('Table default/orders')).toBeInTheDocument();
    // The YAML is syntax-highlighted, so its text is split over many elements.
    expect(document.body.textContent).toContain('tableName: orders');
    expect(getStatusChain).toHaveBeenCalledWith(expect.anything(), {
      includeObjects: true,
    });
  });
});
