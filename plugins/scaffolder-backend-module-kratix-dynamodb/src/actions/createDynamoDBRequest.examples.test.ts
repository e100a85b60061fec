import { describeExampleReplay } from '../__testUtils__/replayExamples';
import { createDynamoDBRequestAction } from './createDynamoDBRequest';
import { examples } from './createDynamoDBRequest.examples';

describeExampleReplay({
  actionId: 'kratix:dynamodb:create',
  examples,
  createAction: createDynamoDBRequestAction,
  entityKind: 'resource',
  expectApplied: (api, input) =>
    expect(
      api.get('dynamodbrequests', input.namespace ?? 'default', input.name)
        ?.spec.name,
    ).toBe(input.tableName),
  manifestPathOf: input => input.targetPath,
});
