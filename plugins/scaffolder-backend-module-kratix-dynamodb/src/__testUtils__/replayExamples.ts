import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { entityRefOfClusterObject } from '@kratix-dynamodb/common';
import { parse } from 'yaml';
import { FakeKubernetesApi } from './FakeKubernetesApi';
import { actionContext, actionDependencies } from './actionTestKit';
import { schemaErrorsFor } from './checkInputLikeTheScaffolder';
import { playHealthyControllers } from './playControllers';

type Example = { description: string; example: string };

/**
 * Replays an action's documented examples through its handler, the way the scaffolder would
 * run them: input checked against the action's schema first, then applied to a stand-in cluster
 * (or written to the workspace, for `delivery: workspace` examples).
 */
// A shared suite: both actions' example tests call it, so it exports what it describes.
// eslint-disable-next-line jest/no-export
export function describeExampleReplay(options: {
  actionId: string;
  examples: Example[];
  createAction: (
    deps: ReturnType<typeof actionDependencies>,
  ) => TemplateAction<any, any, any>;
  entityKind: 'resource' | 'component';
  /** What the applied object must show, read from the stand-in cluster. */
  expectApplied: (api: FakeKubernetesApi, input: any) => void;
  /** Where a workspace delivery writes its manifest. */
  manifestPathOf: (input: any) => string;
}) {
  describe(`${options.actionId} examples`, () => {
    let api: FakeKubernetesApi;
    beforeEach(async () => {
      api = await FakeKubernetesApi.start();
      playHealthyControllers(api);
    });
    afterEach(() => api.close());

    const inputOf = (example: string) => parse(example).steps[0].input;
    const isWorkspace = (e: Example) =>
      inputOf(e.example).delivery === 'workspace';

    async function replay(example: string) {
      const input = inputOf(example);
      const action = options.createAction(actionDependencies(api.url));
      expect(schemaErrorsFor(action, input)).toEqual([]);
      const { ctx, outputs } = actionContext(input);
      await action.handler(ctx);
      expect(outputs().entityRef).toBe(
        entityRefOfClusterObject({
          kind: options.entityKind,
          cluster: input.cluster,
          namespace: input.namespace,
          name: input.name,
        }),
      );
      return { input, outputs: outputs() };
    }

    it.each(
      options.examples
        .filter(e => !isWorkspace(e))
        .map(e => [e.description, e.example]),
    )('%s', async (_, example) => {
      const { input } = await replay(example);
      options.expectApplied(api, input);
    });

    it.each(
      options.examples.filter(isWorkspace).map(e => [e.description, e.example]),
    )('%s', async (_, example) => {
      const { input, outputs } = await replay(example);
      expect(api.creates()).toEqual([]);
      expect(outputs.manifestPath).toBe(options.manifestPathOf(input));
    });
  });
}
