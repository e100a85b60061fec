/**
 * A hostile colleague uses the wizard's actions to create where the platform team did not
 * allow it: in the platform's own namespaces, with an image from anywhere, with a table that
 * runs up the bill, or under another team's table name. Each attempt goes through the action
 * against the sandbox cluster and must end as field errors, with nothing created.
 */
import { InputError } from '@backstage/errors';
import { ACK_TABLE_GVK, ANNOTATIONS } from '@kratix-dynamodb/common';
import { ConfigReader, type JsonObject } from '@backstage/config';
import { createKratixDynamoDBActions } from './actions';
import { actionContext } from './__testUtils__/actionTestKit';
import {
  applicationActionInput,
  tableActionInput,
} from './__testUtils__/actionInputs';
import {
  SandboxActions,
  startSandboxForActions,
} from './__testUtils__/sandboxActions';

jest.setTimeout(60_000);

describe('the actions create only where and what the platform team allows', () => {
  let harness: SandboxActions;
  beforeAll(async () => {
    harness = await startSandboxForActions();
  }, 60_000);
  afterAll(() => harness?.sandbox.stop());

  const actions = (scaffolder?: JsonObject) => {
    const [createRequest, createApplication] = createKratixDynamoDBActions(
      harness.deps(scaffolder),
    );
    return { createRequest, createApplication };
  };
  const creates = () => harness.sandbox.requestCounts().byVerb.create ?? 0;
  /** Runs a step (a dry run, unless told otherwise) and answers its error, checking that nothing was created. */
  async function refusal(
    action: ReturnType<typeof actions>['createRequest'],
    input: Record<string, unknown>,
    isDryRun = true,
  ): Promise<string> {
    const before = creates();
    const error = await action
      .handler(actionContext(input, { isDryRun }).ctx)
      .then(
        () => undefined,
        e => e,
      );
    expect(error).toBeInstanceOf(InputError);
    expect(creates()).toBe(before);
    return error.message;
  }

  it.each([
    'kube-system',
    'kube-public',
    'kube-node-lease',
    'kratix-platform-system',
    'ack-system',
    'vela-system',
  ])(
    'refuses namespace %s by default, for a request and an Application, applied or dry run',
    async namespace => {
      const { createRequest, createApplication } = actions();
      const attempts = [
        () => refusal(createRequest, tableActionInput({ namespace }), true),
        () => refusal(createRequest, tableActionInput({ namespace }), false),
        () =>
          refusal(
            createApplication,
            applicationActionInput({ namespace }),
            true,
          ),
        () =>
          refusal(
            createApplication,
            applicationActionInput({ namespace }),
            false,
          ),
      ];
      for (const attempt of attempts)
        expect(await attempt()).toMatch(
          new RegExp(`^namespace: '${namespace}' is a system namespace`, 'm'),
        );
    },
  );

  it('takes the refused namespaces from config', async () => {
    const { createRequest } = actions({ refusedNamespaces: ['platform-*'] });
    expect(
      await refusal(
        createRequest,
        tableActionInput({ namespace: 'platform-data' }),
      ),
    ).toMatch(
      /^namespace: 'platform-data' is a system namespace \(kratixDynamodb.scaffolder.refusedNamespaces: platform-\*\)/m,
    );
  });

  it.each([
    'evil.example.com/miner:latest',
    'docker.io/library/session-api:latest',
    'session-api-evil:1.0',
    'session-api',
    'session-api:latest@sha256:zz',
    '../session-api:latest',
  ])('runs no image %s that is off the allow-list', async image => {
    const { createApplication } = actions();
    const message = await refusal(
      createApplication,
      applicationActionInput({
        services: [{ name: 'session-api', image, ports: [{ port: 8080 }] }],
      }),
    );
    expect(message).toMatch(/^services\[0\]\.image: /m);
  });

  it('allows no image at all until the config lists some, and matches prefixes only at a separator', async () => {
    const service = (image: string) =>
      applicationActionInput({
        services: [{ name: 'api', image, ports: [{ port: 8080 }] }],
      });
    expect(
      await refusal(
        actions({}).createApplication,
        service('session-api:latest'),
      ),
    ).toMatch(
      /services\[0\]\.image: 'session-api:latest' is not from an allowed registry; allowed: \(none: set kratixDynamodb.scaffolder.allowedImages\)/,
    );
    const { createApplication } = actions({
      allowedImages: ['registry.example.com/team-a'],
    });
    expect(
      await refusal(
        createApplication,
        service('registry.example.com/team-a-evil/api:1'),
      ),
    ).toMatch(/not from an allowed registry/);
    await createApplication.handler(
      actionContext(service('registry.example.com/team-a/api:1.2'), {
        isDryRun: true,
      }).ctx,
    );
  });

  const provisioned = (
    read: number,
    write: number,
    indexes = 0,
    indexCapacity = 5,
  ) =>
    tableActionInput({
      billingMode: 'PROVISIONED',
      provisionedThroughput: {
        readCapacityUnits: read,
        writeCapacityUnits: write,
      },
      attributeDefinitions: [
        { name: 'orderId', type: 'S' },
        { name: 'by', type: 'S' },
      ],
      globalSecondaryIndexes: Array.from({ length: indexes }, (_, i) => ({
        indexName: `by-${i}`,
        keySchema: [{ attributeName: 'by', keyType: 'HASH' }],
        projection: { projectionType: 'KEYS_ONLY' },
        provisionedThroughput: {
          readCapacityUnits: indexCapacity,
          writeCapacityUnits: indexCapacity,
        },
      })),
    });

  it('refuses capacity over the caps, with a field error each, in a dry run too', async () => {
    const { createRequest } = actions();
    const message = await refusal(
      createRequest,
      provisioned(40_000, 1001, 6, 5000),
    );
    expect(message).toMatch(
      /^provisionedThroughput.readCapacityUnits: 40000 is over the limit of 1000 \(kratixDynamodb.scaffolder.capacity.maxReadCapacityUnits\)$/m,
    );
    expect(message).toMatch(
      /^provisionedThroughput.writeCapacityUnits: 1001 is over the limit of 1000/m,
    );
    expect(message).toMatch(
      /^globalSecondaryIndexes: 6 indexes are over the limit of 5/m,
    );
    expect(message).toMatch(
      /^globalSecondaryIndexes\[5\].provisionedThroughput.writeCapacityUnits: 5000 is over the limit of 1000/m,
    );
  });

  it('takes the caps from config, and applies them to the Application table component', async () => {
    const { createApplication } = actions({
      allowedImages: ['session-api:'],
      capacity: { maxReadCapacityUnits: 10 },
    });
    const input = applicationActionInput();
    const table = {
      ...(input.table as object),
      billingMode: 'PROVISIONED',
      provisionedThroughput: { readCapacityUnits: 11, writeCapacityUnits: 5 },
    };
    expect(await refusal(createApplication, { ...input, table })).toMatch(
      /^table.provisionedThroughput.readCapacityUnits: 11 is over the limit of 10/m,
    );
  });

  it("refuses another team's table name in the same region, naming the owner, and allows it in another region", async () => {
    // Team B made its table through the wizard.
    await actions().createRequest.handler(
      actionContext(
        tableActionInput({
          namespace: 'default',
          name: 'payments',
          tableName: 'payments',
          owner: 'group:default/team-b',
        }),
      ).ctx,
    );
    const { createRequest, createApplication } = actions();
    for (const isDryRun of [true, false]) {
      expect(
        await refusal(
          createRequest,
          tableActionInput({ name: 'mine', tableName: 'payments' }),
          isDryRun,
        ),
      ).toMatch(
        /^tableName: table 'payments' in us-east-1 is already used by DynamoDBRequest default\/payments \(owner group:default\/team-b\)/m,
      );
    }
    const input = applicationActionInput();
    expect(
      await refusal(createApplication, {
        ...input,
        table: { ...(input.table as object), tableName: 'payments' },
      }),
    ).toMatch(
      /^table.tableName: table 'payments' in us-east-1 is already used by DynamoDBRequest default\/payments/m,
    );
    await createRequest.handler(
      actionContext(
        tableActionInput({
          namespace: 'default',
          name: 'mine',
          tableName: 'payments',
          region: 'eu-west-1',
        }),
        { isDryRun: true },
      ).ctx,
    );
  });

  it('refuses a table name that an ACK Table made by hand already holds', async () => {
    await harness.client.create(ACK_TABLE_GVK, {
      apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
      kind: 'Table',
      metadata: {
        name: 'legacy-ledger',
        namespace: 'default',
        annotations: { [ANNOTATIONS.ackRegion]: 'us-east-1' },
      },
      spec: {
        tableName: 'ledger',
        billingMode: 'PAY_PER_REQUEST',
        attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
        keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
      },
    });
    const { createRequest } = actions();
    expect(
      await refusal(
        createRequest,
        tableActionInput({ name: 'ledger', tableName: 'ledger' }),
        false,
      ),
    ).toMatch(
      /^tableName: table 'ledger' in us-east-1 is already used by ACK Table default\/legacy-ledger/m,
    );
  });

  /** The actions with a table-name prefix rule (kratixDynamodb.tenancy.tableNamePrefix). */
  const prefixedActions = (tableNamePrefix: JsonObject[string]) => {
    const [createRequest, createApplication, createResource] =
      createKratixDynamoDBActions({
        ...harness.deps(),
        config: new ConfigReader({
          kratixDynamodb: {
            defaults: { region: 'us-east-1', namespace: 'default' },
            scaffolder: { allowedImages: ['session-api:'] },
            tenancy: { tableNamePrefix },
          },
        }),
      });
    return { createRequest, createApplication, createResource };
  };

  it("refuses a table name without its namespace's prefix, naming the field and the prefix, for a request and an Application", async () => {
    const { createRequest, createApplication, createResource } =
      prefixedActions('{namespace}-');
    for (const isDryRun of [true, false]) {
      expect(
        await refusal(
          createRequest,
          tableActionInput({ name: 'squat', tableName: 'team-b-orders' }),
          isDryRun,
        ),
      ).toMatch(
        /^tableName: 'team-b-orders' must start with 'team-a-' in namespace team-a \(kratixDynamodb.tenancy.tableNamePrefix\)$/m,
      );
    }
    // The generic action makes the same DynamoDBRequest: the prefix holds there too.
    for (const isDryRun of [true, false]) {
      expect(
        await refusal(
          createResource,
          {
            promise: 'aws-dynamodb-kratix',
            cluster: 'sandbox',
            namespace: 'team-a',
            name: 'squat-generic',
            spec: {
              name: 'team-b-orders',
              region: 'us-east-1',
              billingMode: 'PAY_PER_REQUEST',
              attributeDefinitions: [{ name: 'id', type: 'S' }],
              keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
            },
          },
          isDryRun,
        ),
      ).toMatch(/^spec\.name: 'team-b-orders' must start with 'team-a-'/m);
    }
    const input = applicationActionInput();
    expect(
      await refusal(createApplication, {
        ...input,
        table: { ...(input.table as object), tableName: 'sessions' },
      }),
    ).toMatch(
      /^table.tableName: 'sessions' must start with 'default-' in namespace default/m,
    );
    await createRequest.handler(
      actionContext(
        tableActionInput({
          namespace: 'default',
          name: 'prefixed',
          tableName: 'default-orders',
        }),
        { isDryRun: true },
      ).ctx,
    );
  });

  it('takes a prefix per namespace, and asks none of a namespace the map leaves out', async () => {
    const { createRequest } = prefixedActions({ 'team-a': 'a-' });
    await createRequest.handler(
      actionContext(
        tableActionInput({
          namespace: 'default',
          name: 'free',
          tableName: 'free-orders',
        }),
        { isDryRun: true },
      ).ctx,
    );
    expect(
      await refusal(
        createRequest,
        tableActionInput({
          namespace: 'team-a',
          name: 'orders',
          tableName: 'orders',
        }),
      ),
    ).toMatch(/^tableName: 'orders' must start with 'a-' in namespace team-a/m);
  });
});
