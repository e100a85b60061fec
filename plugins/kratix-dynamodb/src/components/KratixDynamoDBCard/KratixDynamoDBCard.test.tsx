import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { StatusChain } from '@kratix-dynamodb/common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import {
  KratixDynamoDBApi,
  kratixDynamoDBApiRef,
} from '../../api/KratixDynamoDBApi';
import { KratixDynamoDBCard } from './KratixDynamoDBCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'orders',
    namespace: 'default',
    annotations: { 'kratix-dynamodb.io/request': 'default/orders' },
  },
  spec: { type: 'dynamodb-table', owner: 'guests' },
};

const failingTableChain: StatusChain = {
  entityRef: 'resource:default/orders',
  cluster: 'sandbox',
  overall: 'error',
  checkedAt: new Date('2026-01-01T10:00:00Z').toISOString(),
  stages: [
    {
      id: 'promise',
      state: 'ok',
      summary: 'Available',
      conditions: [],
      links: [],
    },
    {
      id: 'table',
      state: 'error',
      summary: 'ACK cannot reach AWS: the security token is invalid',
      hint: 'Give the ACK controller valid AWS credentials',
      conditions: [
        {
          type: 'ACK.Recoverable',
          status: 'True',
          message: 'UnrecognizedClientException',
        },
      ],
      links: [
        {
          title: 'Open in the AWS console',
          url: 'https://console.aws.amazon.com/dynamodbv2/home',
        },
      ],
    },
    {
      id: 'application',
      state: 'skipped',
      summary: 'No application uses this table',
      conditions: [],
      links: [],
    },
  ],
};

function renderCard(api: KratixDynamoDBApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[kratixDynamoDBApiRef, api]]}>
      <EntityProvider entity={entity}>
        <KratixDynamoDBCard pollIntervalMs={0} />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('KratixDynamoDBCard', () => {
  it('shows each stage with its state, hint, link and conditions', async () => {
    await renderCard({ getStatusChain: async () => failingTableChain });

    const table = await screen.findByTestId('stage-table');
    expect(table).toHaveAttribute('data-state', 'error');
    expect(table).toHaveTextContent('ACK Table: ACK cannot reach AWS');
    expect(table).toHaveTextContent(
      'What to do: Give the ACK controller valid AWS credentials',
    );
    expect(screen.getByText('Open in the AWS console')).toBeInTheDocument();
    expect(screen.getByTestId('overall')).toHaveAttribute(
      'data-state',
      'error',
    );
    // ok and skipped stages need no action, so they carry no hint.
    expect(screen.getByTestId('stage-promise')).not.toHaveTextContent(
      'What to do',
    );

    fireEvent.click(screen.getByLabelText('Show ACK Table conditions'));
    expect(await screen.findByTestId('conditions-table')).toHaveTextContent(
      'ACK.Recoverable=True: UnrecognizedClientException',
    );
  });

  it('shows the backend error when the chain cannot be read', async () => {
    await renderCard({
      getStatusChain: async () => {
        throw new Error('kratix-dynamodb backend unavailable');
      },
    });
    expect(
      await screen.findByText('Error: kratix-dynamodb backend unavailable'),
    ).toBeInTheDocument();
  });

  it('says so when the entity has no stages', async () => {
    await renderCard({
      getStatusChain: async () => ({ ...failingTableChain, stages: [] }),
    });
    expect(await screen.findByText('Nothing to show yet')).toBeInTheDocument();
  });

  it('reads the chain again on refresh', async () => {
    const getStatusChain = jest.fn(async () => failingTableChain);
    await renderCard({ getStatusChain });
    await screen.findByTestId('stage-table');
    fireEvent.click(screen.getByLabelText('Refresh status'));
    await waitFor(() => expect(getStatusChain).toHaveBeenCalledTimes(2));
  });
});
