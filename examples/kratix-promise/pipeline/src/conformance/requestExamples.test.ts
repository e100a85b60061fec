/**
 * The example requests in examples/requests go through all three gates: the rules in
 * -common, the workflow pipeline, and the CRD schema of the Promise. Each invalid example
 * states, in `# expect:` lines, the field paths it must be refused for.
 */
import { validateDynamoDBRequestSpec } from '@kratix-dynamodb/common';
import { runPipeline } from '../runPipeline';
import { crdValidator } from '../__testUtils__/kubernetesSchema';
import { makePipelineFolders } from '../__testUtils__/pipelineFolders';
import {
  invalidRequestExamples,
  promiseFile,
  validRequestExamples,
  type RequestExample,
} from '../__testUtils__/requestExamples';

const validateRequestObject = crdValidator(promiseFile().spec.api, 'v1alpha1');

async function runOn(example: RequestExample) {
  const dirs = makePipelineFolders(example.object);
  try {
    const result = await runPipeline({ ...dirs, action: 'configure', env: {} });
    return { result, status: dirs.status(), outputNames: dirs.outputNames() };
  } finally {
    dirs.remove();
  }
}

const valid = validRequestExamples();
const invalid = invalidRequestExamples();

describe('valid example requests', () => {
  it('include the three seed examples', () => {
    expect(valid.map(e => e.file)).toEqual([
      'provisioned.yaml',
      'simple.yaml',
      'time-series.yaml',
    ]);
  });

  it.each(valid.map(e => [e.file, e] as const))(
    '%s passes every gate',
    async (_file, example) => {
      expect(validateDynamoDBRequestSpec(example.object.spec)).toMatchObject({
        valid: true,
      });
      expect(validateRequestObject(example.object)).toEqual({
        valid: true,
        errors: [],
      });
      const { result, outputNames } = await runOn(example);
      expect(result.ok).toBe(true);
      expect(outputNames).toEqual(['dynamodb-table.yaml']);
    },
  );
});

describe('invalid example requests', () => {
  it('cover the mistakes the seed documents warn about', () => {
    expect(invalid.map(e => e.file)).toEqual(
      expect.arrayContaining([
        'session-double-hash.yaml',
        'extra-attribute-definition.yaml',
        'undefined-key-attribute.yaml',
        'provisioned-without-throughput.yaml',
        'pay-per-request-with-throughput.yaml',
        'bad-region.yaml',
        'name-too-short.yaml',
        'too-many-indexes.yaml',
        'duplicate-attribute-names.yaml',
        'range-before-hash.yaml',
      ]),
    );
  });

  it.each(invalid.map(e => [e.file, e] as const))(
    '%s is refused for the stated fields',
    (_file, example) => {
      const result = validateDynamoDBRequestSpec(example.object.spec);
      const errors = result.valid ? [] : result.errors;
      expect(errors.map(e => e.path).sort()).toEqual(
        example.expected.map(e => e.path).sort(),
      );
      for (const want of example.expected) {
        expect(errors.find(e => e.path === want.path)?.message).toContain(
          want.says,
        );
      }
    },
  );

  it.each(invalid.map(e => [e.file, e] as const))(
    '%s fails the workflow, whose status message names the fields',
    async (_file, example) => {
      const { result, status, outputNames } = await runOn(example);
      expect(result.ok).toBe(false);
      expect(outputNames).toEqual([]);
      for (const want of example.expected) {
        expect(status.message).toContain(`${want.path}: `);
      }
    },
  );

  it.each(invalid.map(e => [e.file, e] as const))(
    '%s meets the CRD schema as its crd-schema line says',
    (_file, example) => {
      expect(validateRequestObject(example.object).valid).toBe(
        !example.crdRejects,
      );
    },
  );
});
