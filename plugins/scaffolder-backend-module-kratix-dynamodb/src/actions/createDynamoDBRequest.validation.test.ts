import { InputError } from '@backstage/errors';
import { FakeKubernetesApi } from '../__testUtils__/FakeKubernetesApi';
import {
  actionContext,
  actionDependencies,
} from '../__testUtils__/actionTestKit';
import { createDynamoDBRequestAction } from './createDynamoDBRequest';
import { tableActionInput } from '../__testUtils__/actionInputs';

const anInput = tableActionInput;

describe('kratix:dynamodb:create input validation', () => {
  let api: FakeKubernetesApi;
  beforeEach(async () => {
    api = await FakeKubernetesApi.start();
  });
  afterEach(() => api.close());

  const rejectionOf = async (input: Record<string, unknown>) => {
    const action = createDynamoDBRequestAction(actionDependencies(api.url));
    const error = await action.handler(actionContext(input).ctx).then(
      () => undefined,
      e => e,
    );
    expect(api.requests).toEqual([]);
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message.split('\n');
  };

  it('reports a shape error by its path', async () => {
    const lines = await rejectionOf(
      anInput({
        keySchema: [{ attributeName: 'orderId', keyType: 'PRIMARY' }],
      }),
    );
    expect(lines).toEqual([
      'kratix:dynamodb:create was given 1 invalid input; nothing was created:',
      expect.stringMatching(
        /^keySchema\[0\]\.keyType: must be one of HASH, RANGE/,
      ),
    ]);
  });

  it('reports a cross-field error by its path', async () => {
    const lines = await rejectionOf(anInput({ billingMode: 'PROVISIONED' }));
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^provisionedThroughput: is required because billingMode is PROVISIONED/,
      ),
    );
  });

  it('reports every invalid field at once: target, shape and cross-field', async () => {
    const lines = await rejectionOf(
      anInput({
        cluster: 'prod',
        namespace: 'Team_A',
        name: 'Orders!',
        tableName: 'ab',
        owner: 'user:',
        keySchema: [
          { attributeName: 'orderId', keyType: 'HASH' },
          { attributeName: 'createdAt', keyType: 'SORT' },
        ],
        delivery: 'workspace',
        targetPath: '../outside.yaml',
      }),
    );
    const paths = lines.slice(1).map(line => line.split(':')[0]);
    expect(paths).toEqual(
      expect.arrayContaining([
        'cluster',
        'namespace',
        'name',
        'owner',
        'targetPath',
        'tableName',
        'keySchema[1].keyType',
        'keySchema[1].attributeName',
      ]),
    );
    expect(lines[0]).toMatch(
      /was given \d+ invalid inputs; nothing was created/,
    );
    expect(lines).toContainEqual(
      "cluster: 'prod' is not a configured cluster; choose one of: sandbox",
    );
  });

  it('treats form sections the user skipped as absent', async () => {
    const action = createDynamoDBRequestAction(actionDependencies(api.url));
    const { ctx } = actionContext(
      anInput({
        provisionedThroughput: {},
        timeToLive: { enabled: false },
        tags: {},
      }),
    );
    await action.handler(ctx);
    const { spec } = api.get('dynamodbrequests', 'team-a', 'orders')!;
    expect(spec.provisionedThroughput).toBeUndefined();
    expect(spec.timeToLive).toBeUndefined();
  });
});
