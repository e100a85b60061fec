import path from 'node:path';
import {
  AWS_REGION_CODES,
  DELETION_POLICIES,
  DYNAMODB_LIMITS,
  DYNAMODB_NAME_PATTERN,
  validateDynamoDBRequestSpec,
} from '@kratix-dynamodb/common';
import { validate } from 'jsonschema';
import { parse } from 'yaml';
import { examples } from './actions/createDynamoDBRequest.examples';
import { examples as kubeVelaExamples } from './actions/createKubeVelaApplication.examples';
import { createKratixDynamoDBActions } from './actions';
import { FakeKubernetesApi } from './__testUtils__/FakeKubernetesApi';
import {
  actionContext,
  actionDependencies,
} from './__testUtils__/actionTestKit';
import { schemaErrorsFor } from './__testUtils__/checkInputLikeTheScaffolder';
import {
  fillInParameters,
  firstStepInput,
  formFieldsNamed,
  formStartingValues,
  loadTemplate,
  referencedParameters,
  Template,
} from './__testUtils__/templateReplay';

const TEMPLATES = path.resolve(__dirname, '../../../templates');
const TEMPLATE_FILES = [
  'dynamodb-table/template.yaml',
  'session-api-app/template.yaml',
];

/** The action example's provisioned table, as the designer holds its shape. */
const provisionedDesign = (() => {
  const { input } = parse(examples[1].example).steps[0];
  const {
    billingMode,
    attributeDefinitions,
    keySchema,
    provisionedThroughput,
    globalSecondaryIndexes,
  } = input;
  return {
    billingMode,
    attributeDefinitions,
    keySchema,
    provisionedThroughput,
    globalSecondaryIndexes,
  };
})();

/** What a user types where the form has no default (the cluster picker offers the one cluster). */
const cases: Array<{ file: string; typed: Record<string, unknown> }> = [
  {
    file: 'dynamodb-table/template.yaml',
    typed: {
      cluster: 'sandbox',
      name: 'orders',
      owner: 'group:default/guests',
    },
  },
  {
    file: 'dynamodb-table/template.yaml',
    typed: {
      cluster: 'sandbox',
      name: 'orders',
      tableName: 'orders-v2',
      owner: 'group:default/guests',
      table: {
        ...provisionedDesign,
        timeToLive: { enabled: true, attributeName: 'expiresAt' },
      },
      tags: { team: 'guests' },
    },
  },
  {
    file: 'session-api-app/template.yaml',
    typed: {
      cluster: 'sandbox',
      name: 'session-api',
      tableName: 'session-api-sessions',
      owner: 'group:default/guests',
    },
  },
  {
    file: 'session-api-app/template.yaml',
    typed: {
      cluster: 'sandbox',
      name: 'session-api',
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

      const actions = createKratixDynamoDBActions(actionDependencies(api.url));
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
        expect(outputs().entityRef).toMatch(
          /^(resource|component):[a-z0-9-]+\/[a-z0-9.-]+_sandbox$/,
        );
      }
      expect(api.creates()).toEqual([]);
    },
  );

  it.each(TEMPLATE_FILES)(
    '%s: every parameter a step uses is a form field, and every form field is used',
    file => {
      const template = loadTemplate(path.join(TEMPLATES, file));
      const used = new Set(
        template.spec.steps.flatMap(step => referencedParameters(step.input)),
      );
      // The KratixDryRun field only checks the others on the cluster; no step needs it.
      const fieldsForSteps = (page: Template['spec']['parameters'][number]) =>
        Object.entries(page.properties ?? {})
          .filter(([, field]) => field['ui:field'] !== 'KratixDryRun')
          .map(([name]) => name);
      const fields = new Set(
        template.spec.parameters.flatMap(page => [
          ...fieldsForSteps(page),
          ...Object.values(page.dependencies ?? {}).flatMap(d =>
            (d.oneOf ?? []).flatMap(o => Object.keys(o.properties ?? {})),
          ),
        ]),
      );
      expect([...used].filter(name => !fields.has(name))).toEqual([]);
      expect([...fields].filter(name => !used.has(name))).toEqual([]);
    },
  );

  it('the table name defaults to the request name', () => {
    const tableNameOf = (file: string, typed: Record<string, unknown>) => {
      const template = loadTemplate(path.join(TEMPLATES, file));
      const input = firstStepInput(template, typed);
      return (input.tableName ?? (input.table as any).tableName) as string;
    };
    expect(
      tableNameOf('dynamodb-table/template.yaml', { name: 'orders' }),
    ).toBe('orders');
    expect(
      tableNameOf('dynamodb-table/template.yaml', {
        name: 'orders',
        tableName: 'orders-v2',
      }),
    ).toBe('orders-v2');
    // The session app's request is its table component, <name>-table.
    expect(
      tableNameOf('session-api-app/template.yaml', { name: 'sessions-app' }),
    ).toBe('sessions-app-table');
  });

  it.each(TEMPLATE_FILES)(
    '%s: clusters and namespaces come from the pickers, the table shape from the designer',
    file => {
      const template = loadTemplate(path.join(TEMPLATES, file));
      const [cluster] = formFieldsNamed(template, 'cluster');
      expect(cluster['ui:field']).toBe('KratixClusterPicker');
      expect(cluster.enum).toBeUndefined();
      expect(cluster.default).toBeUndefined();
      expect(formFieldsNamed(template, 'namespace')[0]['ui:field']).toBe(
        'KubernetesNamespacePicker',
      );
      const [table] = formFieldsNamed(template, 'table');
      expect(table['ui:field']).toBe('DynamoDBTableDesigner');
      // The designer's starting value is a design the request model accepts.
      const design = validateDynamoDBRequestSpec({
        name: 'orders',
        region: 'us-east-1',
        ...(table.default as object),
      });
      expect(design).toMatchObject({ valid: true });
    },
  );

  it("the session-api template presets the designer with the service's schema", () => {
    const template = loadTemplate(
      path.join(TEMPLATES, 'session-api-app/template.yaml'),
    );
    // The same schema as the action's documented session-api example.
    const { table } = parse(kubeVelaExamples[0].example).steps[0].input;
    const {
      billingMode,
      attributeDefinitions,
      keySchema,
      globalSecondaryIndexes,
      timeToLive,
    } = table;
    expect(formFieldsNamed(template, 'table')[0].default).toEqual({
      billingMode,
      attributeDefinitions,
      keySchema,
      globalSecondaryIndexes,
      timeToLive,
    });
    expect(timeToLive).toEqual({ attributeName: 'expiresAt', enabled: true });
    expect(globalSecondaryIndexes[0].indexName).toBe('userId-index');
  });

  it("the table form applies the request model's rules to the fields outside the designer", () => {
    const template = loadTemplate(
      path.join(TEMPLATES, 'dynamodb-table/template.yaml'),
    );
    const enumsOf = (name: string) =>
      formFieldsNamed(template, name)
        .map(f => f.enum)
        .filter(Boolean);
    expect(enumsOf('deletionPolicy')).toEqual([[...DELETION_POLICIES]]);
    for (const region of enumsOf('region')[0] as string[])
      expect(AWS_REGION_CODES).toContain(region);
    expect(formFieldsNamed(template, 'tableName')[0]).toMatchObject({
      pattern: DYNAMODB_NAME_PATTERN.source,
      minLength: DYNAMODB_LIMITS.nameMinLength,
      maxLength: DYNAMODB_LIMITS.nameMaxLength,
    });
    expect(formFieldsNamed(template, 'tags')[0]).toMatchObject({
      maxProperties: DYNAMODB_LIMITS.tagsMax,
      additionalProperties: { maxLength: DYNAMODB_LIMITS.tagValueMaxLength },
    });
  });

  it('both templates link to the created entity and to its provisioning status', () => {
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
      // And to the entity's DynamoDB tab, where the card's chain is shown in full.
      const kind = file.startsWith('dynamodb-table') ? 'resource' : 'component';
      expect(template.spec.output?.links).toContainEqual({
        title: 'Provisioning status',
        icon: 'dashboard',
        // The entity's namespace and name come from the action's entityRef (the scaffolder's
        // built-in parseEntityRef and pick filters): they depend on cluster and namespace.
        url: `/catalog/\${{ steps.${stepId}.output.entityRef | parseEntityRef | pick('namespace') }}/${kind}/\${{ steps.${stepId}.output.entityRef | parseEntityRef | pick('name') }}/dynamodb`,
      });
    }
  });
});
