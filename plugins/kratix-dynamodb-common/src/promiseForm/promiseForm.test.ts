import Ajv from 'ajv';
import type { OpenApiSchema } from './openApiSchema';
import { formValuesToSpec } from './formValuesToSpec';
import {
  promiseTemplateParameters,
  type TemplateParameterStep,
} from './promiseTemplateParameters';
import { validateStructuralSchema } from './validateStructuralSchema';

/** The scaffolder's form validates with ajv; `ui:` keys are not JSON Schema, so not strict. */
const ajv = new Ajv({ strict: false, allErrors: true });

const specOf = (field: OpenApiSchema, required = false): OpenApiSchema => ({
  type: 'object',
  required: required ? ['f'] : [],
  properties: { f: field },
});

function generate(spec: OpenApiSchema) {
  return promiseTemplateParameters({
    kind: 'Thing',
    specSchema: spec,
    cluster: 'sandbox',
  });
}

/** The steps' fields as the one JSON Schema the form's data must satisfy. */
function formSchema(steps: TemplateParameterStep[]) {
  return {
    type: 'object',
    properties: Object.assign({}, ...steps.map(s => s.properties)),
    required: steps.flatMap(s => s.required ?? []),
  };
}

/** What the wizard does with a filled-in form: the form's own check, then the action's. */
function submit(spec: OpenApiSchema, values: Record<string, unknown>) {
  const steps = generate(spec);
  const formData = {
    requestName: 'r',
    cluster: 'sandbox',
    namespace: 'default',
    owner: 'group:default/team',
    ...values,
  };
  const formAccepts = ajv.validate(formSchema(steps), formData);
  const converted = formValuesToSpec(spec, formData);
  const checked = validateStructuralSchema(converted.spec, spec, 'spec');
  return {
    formAccepts,
    spec: checked.value,
    errors: [...converted.errors, ...checked.errors],
  };
}

type Row = {
  keyword: string;
  field: OpenApiSchema;
  required?: boolean;
  /** Part of the generated form field. */
  form: Record<string, unknown>;
  /** A value the user types, and the spec.f it becomes. */
  value: unknown;
  becomes: unknown;
  /** A value both the form and the API server's rules refuse. */
  refused?: unknown;
  /** Text the form cannot parse as it is typed: only the action refuses it. */
  onlyTheActionRefuses?: boolean;
};

const ROWS: Row[] = [
  {
    keyword: 'title and description',
    field: { type: 'string', title: 'Bucket name', description: 'Unique' },
    form: { title: 'Bucket name', description: 'Unique', type: 'string' },
    value: 'a',
    becomes: 'a',
  },
  {
    keyword: 'a title from the field name when there is none',
    field: { type: 'boolean' },
    form: { title: 'F', type: 'boolean' },
    value: true,
    becomes: true,
  },
  {
    keyword: 'enum',
    field: { type: 'string', enum: ['A', 'B'] },
    form: { enum: ['A', 'B'] },
    value: 'B',
    becomes: 'B',
    refused: 'C',
  },
  {
    keyword: 'default',
    field: { type: 'string', default: 'STANDARD' },
    form: { default: 'STANDARD' },
    value: undefined,
    becomes: 'STANDARD',
  },
  {
    keyword: 'required',
    field: { type: 'string' },
    required: true,
    form: { type: 'string' },
    value: 'x',
    becomes: 'x',
    refused: undefined,
  },
  {
    keyword: 'minimum and maximum',
    field: { type: 'integer', minimum: 1, maximum: 10 },
    form: { type: 'integer', minimum: 1, maximum: 10 },
    value: 10,
    becomes: 10,
    refused: 11,
  },
  {
    keyword: 'exclusiveMinimum (a flag in OpenAPI, the bound in JSON Schema)',
    field: { type: 'number', minimum: 0, exclusiveMinimum: true },
    form: { type: 'number', exclusiveMinimum: 0 },
    value: 0.5,
    becomes: 0.5,
    refused: 0,
  },
  {
    keyword: 'pattern',
    field: { type: 'string', pattern: '^[a-z]+$' },
    form: { pattern: '^[a-z]+$' },
    value: 'abc',
    becomes: 'abc',
    refused: 'ABC',
  },
  {
    keyword: 'minLength and maxLength',
    field: { type: 'string', minLength: 2, maxLength: 3 },
    form: { minLength: 2, maxLength: 3 },
    value: 'ab',
    becomes: 'ab',
    refused: 'abcd',
  },
  {
    keyword: 'a format the form knows, and one it does not',
    field: { type: 'integer', format: 'int64' },
    form: { type: 'integer' },
    value: 3,
    becomes: 3,
  },
  {
    keyword: 'minItems and maxItems of an array of strings',
    required: true,
    field: {
      type: 'array',
      minItems: 1,
      maxItems: 2,
      items: { type: 'string', pattern: '^https://' },
    },
    form: {
      type: 'array',
      minItems: 1,
      maxItems: 2,
      items: { type: 'string', pattern: '^https://' },
    },
    value: ['https://a'],
    becomes: ['https://a'],
    refused: ['https://a', 'https://b', 'https://c'],
  },
  {
    keyword: 'minItems of an optional array: the list may stay empty',
    field: { type: 'array', minItems: 2, items: { type: 'string' } },
    form: { type: 'array', items: { type: 'string' } },
    value: [],
    becomes: undefined,
    refused: ['only-one'],
    onlyTheActionRefuses: true,
  },
  {
    keyword: 'a set (x-kubernetes-list-type)',
    field: {
      type: 'array',
      'x-kubernetes-list-type': 'set',
      items: { type: 'string' },
    },
    form: { uniqueItems: true },
    value: ['a', 'b'],
    becomes: ['a', 'b'],
    refused: ['a', 'a'],
  },
  {
    keyword: 'a nested object with its own required field',
    field: {
      type: 'object',
      required: ['days'],
      properties: {
        days: { type: 'integer', minimum: 1 },
        mode: { type: 'string', enum: ['G', 'C'], default: 'G' },
      },
    },
    required: true,
    form: {
      type: 'object',
      required: ['days'],
      properties: {
        days: { title: 'Days', type: 'integer', minimum: 1 },
        mode: { title: 'Mode', type: 'string', enum: ['G', 'C'], default: 'G' },
      },
    },
    value: { days: 3 },
    becomes: { days: 3, mode: 'G' },
    refused: { mode: 'C' },
  },
  {
    keyword: 'an optional nested object: required once touched, else left out',
    field: {
      type: 'object',
      required: ['days'],
      properties: {
        days: { type: 'integer' },
        mode: { type: 'string', default: 'G' },
      },
    },
    form: {
      if: { minProperties: 1 },
      then: { required: ['days'] },
      properties: {
        days: { title: 'Days', type: 'integer' },
        mode: { title: 'Mode', type: 'string' },
      },
    },
    value: {},
    becomes: undefined,
    refused: { mode: 'C' },
  },
  {
    keyword: 'an array of objects',
    field: {
      type: 'array',
      maxItems: 2,
      items: {
        type: 'object',
        required: ['days'],
        properties: {
          prefix: { type: 'string', maxLength: 4 },
          days: { type: 'integer', minimum: 1 },
        },
      },
    },
    form: {
      type: 'array',
      items: {
        type: 'object',
        required: ['days'],
        properties: {
          prefix: { title: 'Prefix', type: 'string', maxLength: 4 },
          days: { title: 'Days', type: 'integer', minimum: 1 },
        },
      },
    },
    value: [
      { prefix: '', days: 7 },
      { prefix: 'tmp/', days: 1 },
    ],
    becomes: [{ days: 7 }, { prefix: 'tmp/', days: 1 }],
    refused: [{ prefix: 'a' }],
  },
  {
    keyword: 'a map (additionalProperties)',
    field: {
      type: 'object',
      maxProperties: 2,
      additionalProperties: { type: 'string', maxLength: 3 },
    },
    form: {
      type: 'object',
      maxProperties: 2,
      additionalProperties: { title: 'Value', type: 'string', maxLength: 3 },
    },
    value: { team: 'web' },
    becomes: { team: 'web' },
    refused: { team: 'website' },
  },
  {
    keyword: 'x-kubernetes-int-or-string: digits become a whole number',
    field: {
      'x-kubernetes-int-or-string': true,
      pattern: '^[0-9]+(Ki|Mi|Gi)?$',
    },
    form: { type: 'string', pattern: '^-?[0-9]+$|^[0-9]+(Ki|Mi|Gi)?$' },
    value: '1024',
    becomes: 1024,
    refused: 'ten',
  },
  {
    keyword: 'x-kubernetes-int-or-string: a string stays a string',
    field: {
      'x-kubernetes-int-or-string': true,
      pattern: '^[0-9]+(Ki|Mi|Gi)?$',
      default: 80,
    },
    form: { type: 'string', default: '80' },
    value: '10Gi',
    becomes: '10Gi',
  },
  {
    keyword: 'x-kubernetes-preserve-unknown-fields: free YAML or JSON',
    field: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    form: { type: 'string', 'ui:widget': 'textarea' },
    value: 'Statement:\n  - Effect: Allow\n',
    becomes: { Statement: [{ Effect: 'Allow' }] },
    refused: 'a: [1',
    onlyTheActionRefuses: true,
  },
];

describe('the form generated from an openAPIV3Schema', () => {
  it.each(ROWS)('$keyword', row => {
    const spec = specOf(row.field, row.required);
    const [step] = generate(spec);
    expect(step.properties.f).toMatchObject(row.form);
    expect(step.required ?? []).toEqual(row.required ? ['f'] : []);

    const accepted = submit(spec, { f: row.value });
    expect(accepted).toMatchObject({ formAccepts: true, errors: [] });
    expect((accepted.spec as Record<string, unknown>).f).toEqual(row.becomes);
  });

  const refusing = ROWS.flatMap(row =>
    'refused' in row && row.refused !== undefined
      ? [{ ...row, refused: row.refused }]
      : [],
  );
  it.each(refusing)('$keyword: refuses a bad value at the field', row => {
    const spec = specOf(row.field, row.required);
    const refused = submit(spec, { f: row.refused });
    expect(refused.formAccepts).toBe(Boolean(row.onlyTheActionRefuses));
    expect(refused.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: expect.stringMatching(/^spec\.f/) }),
      ]),
    );
  });

  it('leaves minItems off an optional list, so the form lets it stay empty', () => {
    const list: OpenApiSchema = {
      type: 'array',
      minItems: 2,
      items: { type: 'string' },
    };
    expect(generate(specOf(list, false))[0].properties.f).not.toHaveProperty(
      'minItems',
    );
    expect(generate(specOf(list, true))[0].properties.f).toHaveProperty(
      'minItems',
      2,
    );
  });

  it('asks for a spec field named like a Where field under another key', () => {
    const spec: OpenApiSchema = {
      type: 'object',
      properties: { namespace: { type: 'string' } },
    };
    const [step] = generate(spec);
    expect(Object.keys(step.properties)).toEqual(['spec_namespace']);
    expect(
      formValuesToSpec(spec, { namespace: 'default', spec_namespace: 'x' })
        .spec,
    ).toEqual({ namespace: 'x' });
  });

  it('ends with the Where and Readiness steps', () => {
    const steps = generate(specOf({ type: 'string' }));
    expect(steps.map(s => s.title)).toEqual(['Thing', 'Where', 'Readiness']);
    expect(steps[1].properties).toMatchObject({
      cluster: { 'ui:field': 'KratixClusterPicker', default: 'sandbox' },
      namespace: {
        'ui:field': 'KubernetesNamespacePicker',
        'ui:options': { clusterField: 'cluster' },
      },
      owner: { 'ui:field': 'OwnerPicker' },
    });
    expect(steps[2].properties.waitForReady).toMatchObject({ default: true });
  });
});
