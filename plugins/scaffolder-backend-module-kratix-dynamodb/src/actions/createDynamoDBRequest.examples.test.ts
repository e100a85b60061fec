import { parse } from 'yaml';
import { FakeKubernetesApi } from '../__testUtils__/FakeKubernetesApi';
import {
  actionContext,
  actionDependencies,
} from '../__testUtils__/actionTestKit';
import { schemaErrorsFor } from '../__testUtils__/checkInputLikeTheScaffolder';
import { playHealthyControllers } from '../__testUtils__/playControllers';
import { createDynamoDBRequestAction } from './createDynamoDBRequest';
import { examples } from './createDynamoDBRequest.examples';

describe('kratix:dynamodb:create examples', () => {
  let api: FakeKubernetesApi;
  beforeEach(async () => {
    api = await FakeKubernetesApi.start();
    playHealthyControllers(api);
  });
  afterEach(() => api.close());

  const inputOf = (example: string) => parse(example).steps[0].input;
  const applied = examples.filter(
    e => inputOf(e.example).delivery !== 'workspace',
  );
  const written = examples.filter(
    e => inputOf(e.example).delivery === 'workspace',
  );

  async function replay(example: string) {
    const input = inputOf(example);
    const action = createDynamoDBRequestAction(actionDependencies(api.url));
    expect(schemaErrorsFor(action, input)).toEqual([]);
    const { ctx, outputs } = actionContext(input);
    await action.handler(ctx);
    expect(outputs().entityRef).toBe(`resource:default/${input.name}`);
    return { input, outputs: outputs() };
  }

  it.each(applied.map(e => [e.description, e.example]))(
    '%s',
    async (_, example) => {
      const { input } = await replay(example);
      expect(
        api.get('dynamodbrequests', input.namespace ?? 'default', input.name)
          ?.spec.name,
      ).toBe(input.tableName);
    },
  );

  it.each(written.map(e => [e.description, e.example]))(
    '%s',
    async (_, example) => {
      const { input, outputs } = await replay(example);
      expect(api.creates()).toEqual([]);
      expect(outputs.manifestPath).toBe(input.targetPath);
    },
  );
});
