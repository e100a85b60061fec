import path from 'node:path';
import {
  ATTRIBUTE_TYPES,
  AWS_REGION_CODES,
  BILLING_MODES,
  DELETION_POLICIES,
  DYNAMODB_LIMITS,
  DYNAMODB_NAME_PATTERN,
  KEY_TYPES,
  PROJECTION_TYPES,
} from '@kratix-dynamodb/common';
import { validate } from 'jsonschema';
import { createKratixDynamodbActions } from './actions';
import { FakeKubernetesApi } from './__testUtils__/FakeKubernetesApi';
import {
  actionContext,
  actionDependencies,
} from './__testUtils__/actionTestKit';
import { schemaErrorsFor } from './__testUtils__/checkInputLikeTheScaffolder';
import {
  fillInParameters,
  formFieldsNamed,
  formStartingValues,
  loadTemplate,
  referencedParameters,
  Template,
} from './__testUtils__/templateReplay';

const TEMPLATES = path.resolve(__dirname, '../../../templates');

/** What a user types where the form has no default. */
const cases: Array<{ file: string; typed: Record<string, unknown> }> = [
  {
    file: 'dynamodb-table/template.yaml',
    typed: {
      name: 'orders',
      tableName: 'orders',
      owner: 'group:default/guests',
    },
  },
  {
    file: 'dynamodb-table/template.yaml',
    typed: {
      name: 'orders',
      tableName: 'orders',
      owner: 'group:default/guests',
      billingMode: 'PROVISIONED',
      provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 5 },
      timeToLive: { enabled: true, attributeName: 'expiresAt' },
      tags: { team: 'guests' },
    },
  },
  {
    file: 'session-api-app/template.yaml',
    typed: {
      name: 'session-api',
      tableName: 'session-api-sessions',
      owner: 'group:default/guests',
    },
  },
];

function pageErrors(template: Template, values: Record<string, unknown>) {
  return template.spec.parameters.flatMap(page =>
    validate(values, { ...page, type: 'object' }).errors.map(
      e => `${page.title}: ${e.stack}`,
    ),
  );
}

describe('software templates', () => {
  let api: FakeKubernetesApi;
  beforeEach(async () => {
    api = await FakeKubernetesApi.start();
  });
  afterEach(() => api.close());

  it.each(cases.map(c => [c.file, c]))(
    '%s: the filled-in form passes the form, the action schema and a dry run',
    async (_, { file, typed }) => {
      const template = loadTemplate(path.join(TEMPLATES, file));
      const values = { ...formStartingValues(template), ...typed };
      expect(pageErrors(template, values)).toEqual([]);

      const actions = createKratixDynamodbActions(actionDependencies(api.url));
      for (const step of template.spec.steps) {
        const action = actions.find(a => a.id === step.action)!;
        expect(action).toBeDefined();
        const input = fillInParameters(step.input, values) as Record<
          string,
          unknown
        >;
        expect(schemaErrorsFor(action, input)).toEqual([]);

        const { ctx, outputs, logLines } = actionContext(input, {
          isDryRun: true,
        });
        await action.handler(ctx);
        expect(logLines()).toContainEqual(
          expect.stringMatching(/^info: dry run: cluster 'sandbox' accepted/),
        );
        expect(outputs().entityRef).toMatch(/^(resource|component):default\//);
      }
      expect(api.creates()).toEqual([]);
    },
  );

  it.each([
    ['dynamodb-table/template.yaml'],
    ['session-api-app/template.yaml'],
  ])(
    '%s: every parameter a step uses is a form field, and every form field is used',
    file => {
      const template = loadTemplate(path.join(TEMPLATES, file));
      const used = new Set(
        template.spec.steps.flatMap(step => referencedParameters(step.input)),
      );
      const fields = new Set(
        template.spec.parameters.flatMap(page => [
          ...Object.keys(page.properties ?? {}),
          ...Object.values(page.dependencies ?? {}).flatMap(d =>
            (d.oneOf ?? []).flatMap(o => Object.keys(o.properties ?? {})),
          ),
        ]),
      );
      expect([...used].filter(name => !fields.has(name))).toEqual([]);
      expect([...fields].filter(name => !used.has(name))).toEqual([]);
    },
  );

  it("the table form applies the request model's rules where JSON Schema can", () => {
    const template = loadTemplate(
      path.join(TEMPLATES, 'dynamodb-table/template.yaml'),
    );
    const enumsOf = (name: string) =>
      formFieldsNamed(template, name)
        .map(f => f.enum)
        .filter(Boolean);
    expect(enumsOf('billingMode')[0]).toEqual([...BILLING_MODES]);
    expect(enumsOf('deletionPolicy')).toEqual([[...DELETION_POLICIES]]);
    expect(enumsOf('type')).toEqual([[...ATTRIBUTE_TYPES]]);
    expect(enumsOf('keyType')).toEqual([[...KEY_TYPES], [...KEY_TYPES]]);
    expect(enumsOf('projectionType')).toEqual([[...PROJECTION_TYPES]]);
    for (const region of enumsOf('region')[0] as string[])
      expect(AWS_REGION_CODES).toContain(region);

    for (const field of [
      ...formFieldsNamed(template, 'tableName'),
      ...formFieldsNamed(template, 'indexName'),
    ]) {
      expect(field).toMatchObject({
        pattern: DYNAMODB_NAME_PATTERN.source,
        minLength: DYNAMODB_LIMITS.nameMinLength,
        maxLength: DYNAMODB_LIMITS.nameMaxLength,
      });
    }
    for (const name of ['keySchema']) {
      for (const field of formFieldsNamed(template, name))
        expect(field.maxItems).toBe(DYNAMODB_LIMITS.keySchemaMaxLength);
    }
    expect(
      formFieldsNamed(template, 'globalSecondaryIndexes')[0].maxItems,
    ).toBe(DYNAMODB_LIMITS.globalSecondaryIndexesMax);
    expect(formFieldsNamed(template, 'nonKeyAttributes')[0].maxItems).toBe(
      DYNAMODB_LIMITS.nonKeyAttributesPerIndexMax,
    );
    expect(formFieldsNamed(template, 'tags')[0]).toMatchObject({
      maxProperties: DYNAMODB_LIMITS.tagsMax,
      additionalProperties: { maxLength: DYNAMODB_LIMITS.tagValueMaxLength },
    });
    for (const name of ['readCapacityUnits', 'writeCapacityUnits']) {
      for (const field of formFieldsNamed(template, name))
        expect(field.minimum).toBe(DYNAMODB_LIMITS.capacityUnitsMin);
    }
  });

  it('both templates link to the created entity on the catalog page', () => {
    for (const file of [
      'dynamodb-table/template.yaml',
      'session-api-app/template.yaml',
    ]) {
      const template = loadTemplate(path.join(TEMPLATES, file));
      const stepId = template.spec.steps[0].id;
      expect(template.spec.output?.links).toContainEqual({
        title: 'Open in catalog',
        icon: 'catalog',
        entityRef: `\${{ steps.${stepId}.output.entityRef }}`,
      });
    }
  });
});
