import { LABELS } from '@kratix-dynamodb/common';
import { FakeKubernetesApi } from '../__testUtils__/FakeKubernetesApi';
import {
  actionContext,
  actionDependencies,
} from '../__testUtils__/actionTestKit';
import { createDynamoDBRequestAction } from './createDynamoDBRequest';
import { ReadinessTimeoutError } from './readiness/waitForReadiness';
import { tableActionInput } from '../__testUtils__/actionInputs';

const anInput = (overrides: Record<string, unknown> = {}) =>
  tableActionInput({ waitForReady: true, timeoutSeconds: 1, ...overrides });

const reconciled = {
  message: 'Resource requested',
  conditions: [
    {
      type: 'Reconciled',
      status: 'True',
      reason: 'Reconciled',
      message: 'Reconciled',
    },
  ],
};

/** The ACK Table the workflow would render, labelled with the request it came from. */
const ackTable = (tableStatus: string, conditions: unknown[] = []) => ({
  metadata: {
    name: 'team-a-orders',
    namespace: 'team-a',
    labels: {
      [LABELS.requestName]: 'orders',
      [LABELS.requestNamespace]: 'team-a',
    },
  },
  status: { tableStatus, conditions },
});

describe('kratix:dynamodb:create with waitForReady', () => {
  let api: FakeKubernetesApi;
  beforeEach(async () => {
    api = await FakeKubernetesApi.start();
  });
  afterEach(() => api.close());

  it('waits for Kratix to reconcile the request, then for the ACK Table to become ACTIVE', async () => {
    // Plays Kratix and ACK: reconciled shortly after creation, the table CREATING, then ACTIVE.
    api.onCreate = (plural, request) => {
      if (plural !== 'dynamodbrequests') return;
      setTimeout(() => {
        request.status = reconciled;
        api.put('tables', ackTable('CREATING'));
      }, 50);
      setTimeout(() => api.put('tables', ackTable('ACTIVE')), 150);
    };
    const action = createDynamoDBRequestAction(actionDependencies(api.url));
    const { ctx, logLines } = actionContext(anInput({ timeoutSeconds: 10 }));
    await action.handler(ctx);

    expect(logLines()).toEqual([
      expect.stringMatching(/^info: validated: /),
      expect.stringMatching(
        /^info: applied: created DynamoDBRequest team-a\/orders/,
      ),
      "info: waiting: for DynamoDBRequest team-a/orders on cluster 'sandbox' to become ready (up to 10s)",
      'info: waiting: reached DynamoDBRequest reconciled by Kratix',
      'info: waiting: reached ACK Table ACTIVE',
      "info: ready: DynamoDBRequest team-a/orders on cluster 'sandbox'",
    ]);
    expect(api.requests).toContain(
      `GET /apis/dynamodb.services.k8s.aws/v1alpha1/tables?labelSelector=${encodeURIComponent(
        `${LABELS.requestName}=orders,${LABELS.requestNamespace}=team-a`,
      )}`,
    );
  });

  it('times out saying nothing was reached when no Kratix controller answers, and deletes nothing', async () => {
    const action = createDynamoDBRequestAction(actionDependencies(api.url));
    const run = action.handler(actionContext(anInput()).ctx);
    await expect(run).rejects.toBeInstanceOf(ReadinessTimeoutError);
    await expect(run).rejects.toThrow(
      "Timed out after 1s waiting for DynamoDBRequest team-a/orders on cluster 'sandbox' to become ready. " +
        'Reached: nothing yet. Not reached: DynamoDBRequest reconciled by Kratix, ACK Table ACTIVE ' +
        '(the request has no status yet: is a Kratix controller running on the cluster?). ' +
        'The objects exist and nothing was deleted',
    );
    expect(api.get('dynamodbrequests', 'team-a', 'orders')).toBeDefined();
  });

  it('times out naming the stage that was reached and the one that was not', async () => {
    api.onCreate = (_, request) => {
      request.status = reconciled;
      api.put(
        'tables',
        ackTable('CREATING', [
          {
            type: 'ACK.Recoverable',
            status: 'True',
            message: 'api error UnrecognizedClientException',
          },
          {
            type: 'Ready',
            status: 'False',
            message: 'api error UnrecognizedClientException',
          },
        ]),
      );
    };
    const action = createDynamoDBRequestAction(actionDependencies(api.url));
    const run = action.handler(actionContext(anInput()).ctx);
    await expect(run).rejects.toThrow(
      'Reached: DynamoDBRequest reconciled by Kratix. Not reached: ACK Table ACTIVE ' +
        '(ACK Table team-a/team-a-orders has tableStatus CREATING; Ready: api error UnrecognizedClientException)',
    );
    expect(api.get('tables', 'team-a', 'team-a-orders')).toBeDefined();
  });
});
