import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { FakeKubernetesApi } from '../__testUtils__/FakeKubernetesApi';
import {
  actionDependencies,
  actionContext,
} from '../__testUtils__/actionTestKit';
import { tableActionInput } from '../__testUtils__/actionInputs';
import { createDynamoDBRequestAction } from './createDynamoDBRequest';
import { withUserFacingErrors } from './withUserFacingErrors';

/** The scaffolder logs `String(error.stack)` for a failed step; this is what the user reads. */
async function loggedStack(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return String((error as Error).stack);
  }
  throw new Error('the handler did not fail');
}

const throwing = (error: Error) =>
  withUserFacingErrors(
    createTemplateAction({
      id: 'test:throw',
      async handler() {
        throw error;
      },
    }),
  );

describe('withUserFacingErrors', () => {
  it('leaves the message alone and drops the frames of an error meant for the user', async () => {
    const stack = await loggedStack(() =>
      throwing(new InputError('keySchema[1].keyType: must be RANGE')).handler(
        actionContext({}).ctx,
      ),
    );
    expect(stack).toBe('InputError: keySchema[1].keyType: must be RANGE');
  });

  it('keeps the trace of anything else, which is a bug to report', async () => {
    const stack = await loggedStack(() =>
      throwing(new TypeError('x is undefined')).handler(actionContext({}).ctx),
    );
    expect(stack).toMatch(/^TypeError: x is undefined\n\s+at /);
  });

  it("is applied to the action's own refusal of a double-HASH key", async () => {
    const api = await FakeKubernetesApi.start();
    try {
      const action = createDynamoDBRequestAction(actionDependencies(api.url));
      const { ctx } = actionContext(
        tableActionInput({
          attributeDefinitions: [
            { name: 'id', type: 'S' },
            { name: 'userId', type: 'S' },
          ],
          keySchema: [
            { attributeName: 'id', keyType: 'HASH' },
            { attributeName: 'userId', keyType: 'HASH' },
          ],
        }),
      );
      const stack = await loggedStack(() => action.handler(ctx));
      expect(stack).toMatch(/^InputError: kratix:dynamodb:create was given/);
      expect(stack).toContain('keySchema[1].keyType');
      expect(stack).not.toMatch(/\n\s+at /);
    } finally {
      await api.close();
    }
  });
});
