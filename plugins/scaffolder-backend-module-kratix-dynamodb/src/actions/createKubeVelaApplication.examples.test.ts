import { describeExampleReplay } from '../__testUtils__/replayExamples';
import { createKubeVelaApplicationAction } from './createKubeVelaApplication';
import { examples } from './createKubeVelaApplication.examples';

describeExampleReplay({
  actionId: 'kubevela:application:create',
  examples,
  createAction: createKubeVelaApplicationAction,
  entityKind: 'component',
  expectApplied: (api, input) =>
    expect(
      api.get('applications', input.namespace ?? 'default', input.name)?.spec
        .components[0].properties.name,
    ).toBe(input.table.tableName),
  manifestPathOf: input => `kratix/${input.name}.yaml`,
});
